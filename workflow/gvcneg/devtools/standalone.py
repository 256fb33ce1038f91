"""Run one rule's script outside Snakemake, for debugging, profiling or a notebook.

    .venv/bin/python -m gvcneg.devtools.standalone deremer2023_figure_1
    .venv/bin/python -m gvcneg.devtools.standalone deremer2023_remark_grid_chunk chunk=3
    .venv/bin/python -m pdb -m gvcneg.devtools.standalone gvcdr2025_ch7_fig_7_4

The script receives the same ``snakemake`` object (inputs, outputs, params, wildcards, log,
config) that Snakemake would give it, built from the Snakefile (as pypsa-eur's
``mock_snakemake``); its inputs must exist (run Snakemake up to them first). Nothing in
Snakemake's metadata is updated, so the next Snakemake run treats the outputs as it would
any file it did not write (it re-runs the job if they look out of date).
"""

from __future__ import annotations

import argparse
import runpy
from pathlib import Path

from gvcneg.devtools.workflow_rules import import_root, script_job

REPO = Path(__file__).resolve().parents[3]


def run_rule_script(rule: str, wildcards=None, configfiles=(), repo=REPO, workdir=None) -> dict:
    job = script_job(repo, rule, wildcards, configfiles, workdir)
    missing = [p for p in job.snakemake.input if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(
            f"rule {rule}: inputs missing (run snakemake up to them first): {missing}"
        )
    for path in [*job.snakemake.output, *job.snakemake.log]:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    with import_root(repo):
        return runpy.run_path(str(job.script), init_globals={"snakemake": job.snakemake})


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rule")
    parser.add_argument("wildcards", nargs="*", help="name=value")
    parser.add_argument("--configfile", nargs="*", default=[])
    parser.add_argument("--directory", default=None, help="working directory (default: repo)")
    args = parser.parse_args(argv)
    wildcards = dict(w.split("=", 1) for w in args.wildcards)
    run_rule_script(args.rule, wildcards, args.configfile, REPO, args.directory)


if __name__ == "__main__":
    main()
