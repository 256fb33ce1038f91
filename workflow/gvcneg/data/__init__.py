"""The data layer: the source registry (``sources/*.yaml``), the verified fetch step, readers
driven by the registry's read options, country-code harmonisation and the pandera schemas of
the shared tidy tables (``results/data/...``)."""
