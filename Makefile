# Two entry points (see README): `make replicate` and `make test` (`make test-fast` while developing).
# Both create the virtual environment from the pinned lock file on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORES  ?= all
# One import root: every `python -m gvcneg...` here (the run guard, make verify, make exhibits)
# imports this checkout's workflow/gvcneg, even with a virtualenv shared with another clone.
export PYTHONPATH := $(CURDIR)/workflow$(if $(PYTHONPATH),:$(PYTHONPATH),)

.PHONY: data-files report-index replicate replicate-slurm test test-fast test-slurm lint dag bench lock envs exhibits verify clean-results data-status ttd-template

# Built under a lock (flock), so two first-time runs at once do not build one venv together:
# the second waits, then finds it built. A half-built venv (stamp missing) is rebuilt whole.
# Installer: uv (about 10x faster than pip; its version is pinned in requirements.lock like every
# other package, which stays the single source of versions), itself installed with pip into the
# venv. Where uv cannot be installed or fails (no wheel for the platform, an index only pip is
# configured for), pip installs the same lock, with a message. INSTALLER=pip forces pip.
# --compile-bytecode (as pip does): most of uv's CPU time, but without it every job's imports
# compile from source where PYTHONDONTWRITEBYTECODE is set (about 5 CPU s more per job).
INSTALLER ?= uv
UV_PIN    := $(shell grep -i '^uv==' requirements.lock)
define BUILD_VENV
  if [ -f $(STAMP) ] && [ $(STAMP) -nt requirements.lock ] && [ $(STAMP) -nt pyproject.toml ]; then exit 0; fi; \
  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) || exit 1; \
  if [ "$(INSTALLER)" = uv ] && $(BIN)/python -m pip install --quiet "$(UV_PIN)" \
     && $(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock \
     && $(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .; then :; \
  else \
    [ "$(INSTALLER)" = uv ] && echo "gvcneg: uv ($(UV_PIN)) could not be installed or failed (above); installing with pip instead (slower)" >&2; \
    $(BIN)/python -m pip install --quiet --upgrade pip \
    && $(BIN)/python -m pip install --quiet -r requirements.lock \
    && $(BIN)/python -m pip install --quiet --no-deps -e . || exit 1; \
  fi; \
  touch $(STAMP)
endef

$(STAMP): requirements.lock pyproject.toml
	@case "$(CURDIR)" in *" "*) echo "gvcneg: the checkout path '$(CURDIR)' contains a space; jobs cannot run from it (Snakemake quotes no interpreter path). Clone to a path without spaces." >&2; exit 1;; esac
	flock $(VENV).lock sh -c '$(BUILD_VENV)'

# Every run goes through the run guard (gvcneg/devtools/run_guard.py): refuse a path with
# spaces; remove a stale lock left by a killed run (or name the PID of a run still alive);
# then, from Snakemake's own DAG and metadata, force the jobs of outputs Snakemake alone would
# not rebuild (missing while their consumers exist, emptied, changed since written, left
# incomplete, made by other code or params), and run Snakemake: `$(GUARD) -- snakemake ...`.
GUARD := $(BIN)/python -m gvcneg.devtools.run_guard .

## Full replication: every document's models, data, figures, tables, ledger and the report.
replicate: $(STAMP)
	$(GUARD) -- $(BIN)/snakemake --profile profiles/default --cores $(CORES)
	@echo "Report: results/report/gvcneg_report.html   Ledger: results/ledger.csv"

## Full replication on a SLURM cluster (run on a login node; edit profiles/slurm/config.yaml
## for your partition/account first, see README "Running on a cluster"). Extra snakemake
## options: make replicate-slurm SLURM_ARGS="--jobs 200".
replicate-slurm: $(STAMP)
	$(GUARD) -- $(BIN)/snakemake --profile profiles/slurm $(SLURM_ARGS)
	@echo "Report: results/report/gvcneg_report.html   Ledger: results/ledger.csv"

## The full suite, what CI runs (unit, property-based, data-failure, end-to-end DAG, browser,
## SLURM). As root it installs Debian packages (chromium, slurm-wlm, munge) when missing and
## starts the SLURM and munge daemons; README "How to run" says how to leave those tests out.
## Two pytest-xdist workers (TEST_WORKERS=0: one process), one test file per worker at a time;
## the end-to-end tests share one run of the small DAG (tests/conftest.py).
TEST_WORKERS ?= 2
XDIST = $(if $(filter 0,$(TEST_WORKERS)),-p no:xdist,-n $(TEST_WORKERS) --dist loadfile)
test: $(STAMP)
	$(BIN)/python -m pytest $(XDIST)

## The developer loop (about a minute): every test but the slow ones, the end-to-end DAG, the
## browser and the SLURM tests (markers in pyproject.toml); nothing is installed or started.
FAST_TESTS := not slow and not dag and not browser and not slurm
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "$(FAST_TESTS)" $(XDIST)

## Only the SLURM tests (root: installs slurm-wlm/munge, starts a one-node cluster, stops it).
test-slurm: $(STAMP)
	$(BIN)/python -m pytest -m slurm tests/test_slurm.py

lint: $(STAMP)
	$(BIN)/ruff check workflow tests bench
	$(BIN)/ruff format --check workflow tests bench
	$(BIN)/snakefmt --check Snakefile workflow/rules
	$(BIN)/snakemake --lint

## Benchmarks (bench/README.md): results in bench/results/*.json and bench/results/SUMMARY.md.
## One or more: make bench BENCH="ppml theory_grid".
bench: $(STAMP)
	$(BIN)/python bench/run_all.py $(BENCH)

lock:
	rm -rf /tmp/gvcneg-lock && $(PYTHON) -m venv /tmp/gvcneg-lock
	/tmp/gvcneg-lock/bin/pip install --quiet -r requirements.txt
	(echo "# Generated by 'make lock' (pip freeze of a fresh venv from requirements.txt, Python 3.11)."; \
	 /tmp/gvcneg-lock/bin/pip freeze) > requirements.lock
	$(MAKE) envs

## One line per data source that is not here (not offline and not in paths.user_data).
## Another paths file: make data-status PATHS=my_paths.yaml
data-status: $(STAMP)
	$(BIN)/python -m gvcneg.devtools.data_status $(PATHS)

## The TTD template (CSV and xlsx) from the schema, into sources/templates/.
ttd-template: $(STAMP)
	$(BIN)/python -m gvcneg.empirics.gvcdr2025_ch8.ttd_template sources/templates

## Confirm a replication: run the pipeline (FORCE=1 re-runs every job), then list what differs
## from a reference manifest (another run's results/manifest.json): files by sha256, ledger
## values within a tolerance. Exit status 0 = no difference.
verify: $(STAMP)
	@test -n "$(REFERENCE)" || { echo "usage: make verify REFERENCE=<path to a manifest.json> [FORCE=1]"; exit 2; }
	@test -f "$(REFERENCE)" || { echo "no reference manifest at $(REFERENCE)"; exit 2; }
	@case "$(abspath $(REFERENCE))" in "$(abspath results/manifest.json)") \
	  echo "copy the reference manifest out of results/ first (a run rewrites it)"; exit 2;; esac
	$(GUARD) -- $(BIN)/snakemake --profile profiles/default --cores $(CORES) $(if $(FORCE),--forceall,)
	$(BIN)/python -m gvcneg.report.manifest $(REFERENCE) --results results

## Every registered input file: available, cached, in a mirror or missing (with the format,
## what it must hold and where to put your copy); the report shows the same table.
data-files: $(STAMP)
	$(BIN)/python -m gvcneg.data.status

## The README's exhibit table (every figure and table of every document) and pipeline graph,
## from the exhibit registry and the DAG.
exhibits: $(STAMP)
	$(BIN)/python -m gvcneg.devtools.figure_map .

## The manifest-driven blocks of report/report.qmd and README.md, from documents.yaml.
report-index: $(STAMP)
	$(BIN)/python -m gvcneg.documents .

## Conda environment files (for --use-conda) from the pip lock.
envs: $(STAMP)
	$(BIN)/python -m gvcneg.devtools.conda_envs .

clean-results:
	rm -rf results .snakemake/metadata
