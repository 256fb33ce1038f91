"""provenance.json: each output's rule, script functions, modules, inputs and the raw sources
behind it (followed through intermediate files) with the registry's checksums."""

import hashlib
import json
from pathlib import Path

from gvcneg.report.provenance import anchor_id, build_provenance, parse_summary, script_functions

SUMMARY = "\n".join(
    [
        "Building DAG of jobs...",
        "output_file\tdate\trule\tlog-file(s)\tinput-file(s)\tshellcmd\tstatus\tplan",
        "results/d/computed.csv\tMon Nov 30 10:00:00 2026\td_claims\tresults/logs/c.log\t"
        "results/d/panel.csv,{repo}/workflow/gvcneg/d/claims.py\t-\tok\tno update",
        "results/d/panel.csv\tMon Nov 30 09:00:00 2026\td_panel\t-\t"
        "data-cache/src/raw.csv,{repo}/workflow/gvcneg/d/panel.py\t-\tok\tno update",
        "data-cache/src/raw.csv\tMon Nov 30 08:00:00 2026\tfetch_source_file\t-\t"
        "{repo}/sources/src.yaml\t-\tok\tno update",
        "results/report/r.html\t-\treport\t-\t-\t-\tmissing\tupdate pending",
    ]
)


def test_provenance_follows_intermediate_files_to_raw_sources(tmp_path):
    repo, work = tmp_path / "repo", tmp_path / "work"
    (repo / "workflow" / "scripts").mkdir(parents=True)
    (repo / "workflow" / "gvcneg" / "d").mkdir(parents=True)
    (repo / "workflow" / "gvcneg" / "d" / "claims.py").write_text("def claims(): ...\n")
    (repo / "workflow" / "scripts" / "claims.py").write_text(
        "from gvcneg.d.claims import claims\nimport pandas\n"
    )
    for path in ("results/d/computed.csv", "results/d/panel.csv", "data-cache/src/raw.csv"):
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_text(path)
    summary = parse_summary(SUMMARY.format(repo=repo))
    prov = build_provenance(
        summary,
        repo,
        work,
        "data-cache",
        {"d_claims": "workflow/scripts/claims.py"},
        {("src", "raw.csv"): "f" * 64},
        {"commit": "abc"},
    )
    entry = prov["outputs"]["results/d/computed.csv"]
    assert entry["rule"] == "d_claims"
    assert entry["functions"] == ["gvcneg.d.claims.claims"]
    assert "workflow/gvcneg/d/claims.py" in entry["modules"]
    assert entry["inputs"] == ["results/d/panel.csv"]
    assert entry["sources"] == [
        {"source": "src", "file": "raw.csv", "sha256": "f" * 64, "pinned_in_registry": True}
    ]
    assert entry["id"] == anchor_id("results/d/computed.csv")
    # Direct inputs and code carry their own checksums; a raw source file the registry's.
    panel = hashlib.sha256(b"results/d/panel.csv").hexdigest()
    assert entry["input_sha256"] == {"results/d/panel.csv": panel}
    claims = hashlib.sha256(b"def claims(): ...\n").hexdigest()
    assert entry["code_sha256"]["workflow/gvcneg/d/claims.py"] == claims
    upstream = prov["outputs"]["results/d/panel.csv"]
    assert upstream["input_sha256"] == {"data-cache/src/raw.csv": "f" * 64}
    # Outputs not yet built (the report during the run) and data-cache files are not entries.
    assert set(prov["outputs"]) == {"results/d/computed.csv", "results/d/panel.csv"}
    json.dumps(prov)


def test_script_functions_reads_imports_without_running_the_script(tmp_path):
    script = Path(tmp_path / "s.py")
    script.write_text("from gvcneg.io import save_table\nsnakemake.undefined()\n")
    assert script_functions(script) == ["gvcneg.io.save_table"]
