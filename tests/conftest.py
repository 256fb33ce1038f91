"""Suite-wide settings: property-based tests are derandomized, so a run is reproducible (the
same examples on every machine); set HYPOTHESIS_PROFILE=explore locally to search afresh."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
