"""Which chapter-8 results can be made is decided once, from the DAG and the supplied data
(gvcneg.registries, can_make in common.smk): the claims read exactly those, and say so."""

from pathlib import Path

import pytest
import yaml

from gvcneg.devtools.workflow_rules import script_job

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # parses the workflow once per case


def claims_and_placebo(tmp_path, user_data):
    configs = [REPO / "config.yaml", REPO / "paths.yaml"]
    if user_data:
        supplied = {}
        for source, name in user_data:
            (tmp_path / name).write_text("")
            supplied[source] = str(tmp_path / name)
        extra = tmp_path / "user_paths.yaml"
        extra.write_text(yaml.safe_dump({"paths": {"user_data": supplied}}))
        configs.append(extra)
    workdir = tmp_path / "run"
    workdir.mkdir(exist_ok=True)
    jobs = {
        rule: script_job(REPO, rule, configfiles=configs, workdir=workdir).snakemake
        for rule in ("gvcdr2025_ch8_claims", "gvcdr2025_ch8_placebo_estimators")
    }
    return jobs["gvcdr2025_ch8_claims"], jobs["gvcdr2025_ch8_placebo_estimators"]


TTD = [("wto-ttd", "ttd_database.xlsx"), ("wto-ttd-texts", "ttd_texts.csv")]


@pytest.mark.parametrize(
    ("user_data", "flags", "trade_inputs"),
    [
        ([], (False, False, False), set()),
        (TTD, (True, False, False), set()),
        ([*TTD, ("oecd-wto-batis", "batis_bpm6.csv")], (True, True, False), {"batis"}),
        # flows without the TTD: no trade effect, so the flows join nothing
        ([("baci-crm", "crm_bilateral_trade.csv")], (False, False, False), set()),
    ],
)
def test_the_claims_and_the_placebo_take_what_the_supplied_data_can_make(
    tmp_path, user_data, flags, trade_inputs
):
    claims, placebo = claims_and_placebo(tmp_path, user_data)
    params = claims.params
    assert (params.has_ttd, params.has_batis, params.has_crm_trade) == flags
    assert ("odds" in claims.input.keys()) == flags[0]
    assert ("digital_table" in claims.input.keys()) == flags[1]
    assert "coverage" in claims.input.keys()
    assert set(placebo.input.keys()) & {"batis", "crm_flows"} == trade_inputs
