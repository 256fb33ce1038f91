"""Rule script: fetch one registered file into the cache, verified (gvcneg.data.fetch)."""

from pathlib import Path

from gvcneg.data.fetch import fetch
from gvcneg.data.registry import load_source_file
from gvcneg.logs import logged

with logged(snakemake.log[0]) as log:
    source = load_source_file(snakemake.input.registry)
    output = Path(snakemake.output[0])
    target = fetch(
        source,
        snakemake.wildcards.file_name,
        cache_dir=output.parent.parent,  # output = <cache>/<source>/<file>
        mirrors=snakemake.params.mirrors,
        user_path=snakemake.params.user_path or None,
    )
    if target != output:
        raise RuntimeError(f"fetched to {target}, expected {output}")
    log.info("verified %s", target)
