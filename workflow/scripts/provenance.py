"""Rule script: results/provenance.json from Snakemake's record of the DAG."""

import json
import os
import tempfile
from pathlib import Path

import yaml

from gvcneg.data.registry import load_sources
from gvcneg.io import write_text
from gvcneg.logs import logged
from gvcneg.report.pipeline import rule_status, rulegraph
from gvcneg.report.provenance import build_provenance, detailed_summary
from gvcneg.report.stamp import build_stamp

with logged(snakemake.log[0]) as log:
    repo = Path(snakemake.params.repo).resolve()
    workdir = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        configfile = Path(tmp) / "config.yaml"
        config = json.loads(json.dumps(snakemake.config, default=str))
        configfile.write_text(yaml.safe_dump(config, sort_keys=False))
        summary = detailed_summary(repo / "Snakefile", workdir, [configfile])
        graph = rulegraph(repo / "Snakefile", workdir, [configfile])
    registry = {
        (name, f.name): f.sha256
        for name, source in load_sources(repo / "sources").items()
        for f in source.files
    }
    stamp = build_stamp(
        repo,
        json.loads(json.dumps(snakemake.config, default=str)),
        os.environ.get("GVCNEG_PROFILE", ""),
    )
    provenance = build_provenance(
        summary,
        repo,
        workdir,
        snakemake.params.data_cache,
        snakemake.params.scripts,
        registry,
        stamp,
        results=snakemake.params.results,
    )
    # The rule graph, and each rule's state: this rule and the report run now, in this run.
    status = rule_status(summary) | {"provenance": "up to date", "report": "up to date"}
    provenance["pipeline"] = {"graph": graph, "status": status}
    write_text(snakemake.output.json, json.dumps(provenance, indent=1, sort_keys=True) + "\n")
    log.info("provenance of %d outputs written", len(provenance["outputs"]))
