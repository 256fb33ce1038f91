"""The config is validated at start-up; a bad key or value names the file, the line, the key and
what is allowed; nonsense the JSON schema cannot see (unordered ranges, NaN, empty grids) and
YAML syntax errors (file:line:column) are caught too."""

import copy
from pathlib import Path

import pytest
import yaml

from gvcneg.config import (
    ConfigError,
    check_config_files,
    check_yaml_syntax,
    load_config,
    read_config_files,
    semantic_errors,
    validate_config,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def config():
    return load_config(REPO / "config.yaml", REPO / "paths.yaml")


def test_shipped_config_is_valid(config):
    validate_config(config)


def test_unknown_key_is_named_with_allowed_keys(config):
    bad = copy.deepcopy(config)
    bad["deremer2023"]["figure_1"]["gridpoints"] = 10
    with pytest.raises(ConfigError) as err:
        validate_config(bad)
    message = str(err.value)
    assert "deremer2023.figure_1.gridpoints" in message
    assert "grid_points" in message and "tau_max" in message


def test_out_of_range_value_names_key_and_bound(config):
    bad = copy.deepcopy(config)
    bad["deremer2023"]["figure_1"]["tau_max"] = 0.5
    with pytest.raises(ConfigError) as err:
        validate_config(bad)
    assert "deremer2023.figure_1.tau_max = 0.5" in str(err.value)
    assert "< 0.1666667" in str(err.value)


def test_missing_section_is_reported(config):
    bad = copy.deepcopy(config)
    del bad["reproducibility"]
    with pytest.raises(ConfigError, match="reproducibility"):
        validate_config(bad)


def test_every_config_section_has_a_schema_and_vice_versa():
    sections = set(yaml.safe_load((REPO / "config.yaml").read_text())) | {"paths"}
    schemas = {
        p.name.removesuffix(".schema.yaml")
        for p in (REPO / "workflow" / "schemas" / "config").glob("*.schema.yaml")
    }
    assert sections == schemas


def test_select_config_keeps_only_the_named_keys_nested():
    from gvcneg.config import select_config

    config = {"a": {"b": 1, "c": {"d": 2, "e": 3}}, "f": 4}
    assert select_config(config, ["a.c.d", "f"]) == {"a": {"c": {"d": 2}}, "f": 4}
    with pytest.raises(KeyError, match="'a.x'"):
        select_config(config, ["a.x.y"])


# --- semantic checks and locations (file, line, dotted key) -----------------------------------

CONFIG_TEXT = (REPO / "config.yaml").read_text()


def _broken(tmp_path, old: str, new: str) -> tuple[Path, int]:
    """config.yaml with one line changed; returns the file and the 1-based changed line."""
    assert CONFIG_TEXT.count(old) == 1, old
    text = CONFIG_TEXT.replace(old, new)
    path = tmp_path / "config.yaml"
    path.write_text(text)
    line = CONFIG_TEXT[: CONFIG_TEXT.index(old)].count("\n") + 1
    return path, line


def _error(path: Path) -> str:
    with pytest.raises(ConfigError) as err:
        load_config(path, REPO / "paths.yaml")
    return str(err.value)


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        (
            "    tau_min: -0.02",
            "    tau_min: 0.12",
            "deremer2023.figure_1.tau_min",
            "tau_min = 0.12 > tau_max = 0.1",
        ),
        (
            "gamma_M_G: {min: 1.05, max: 1.65, points: 7}",
            "gamma_M_G: {min: 1.65, max: 1.05, points: 7}",
            "deremer2023.remark_grid.gamma_M_G.min",
            "min = 1.65 > max = 1.05",
        ),
        (
            "welfare_weight_shift: {min: 1.05, max: 10.0, points: 8}",
            "welfare_weight_shift: {min: 2.0, max: 2.0, points: 8}",
            "mattoo_olarreaga2000.grid.sizes.default.axes.welfare_weight_shift.points",
            "min == max = 2.0 has 8 points",
        ),
        (
            "log_floor: 1.0e-6",
            "log_floor: .nan",
            "gvcdr2025_ch8.crm_endowment.log_floor",
            "number is nan",
        ),
        (
            "noise_sd: 5.0",
            "noise_sd: .inf",
            "gvcdr2025_ch7.simulated.fig_7_10.noise_sd",
            "number is inf",
        ),
        (
            "effects: [economy, sector, time]",
            "effects: []",
            "gvcdr2025_ch7.fig_7_14.effects",
            "empty list",
        ),
        (
            "retention: [0.6, 0.8]",
            "retention: []",
            "mattoo_olarreaga2000.grid.sizes.default.axes.retention",
            "retention = [] is not allowed",
        ),
        (
            "crm: [2006, 2024]",
            "crm: [2024, 2006]",
            "gvcdr2025_ch8.years.crm",
            "[first, last] = [2024, 2006]",
        ),
        (
            "fig_7_8: {start: 2000, end: 2023}",
            "fig_7_8: {start: 2023, end: 2000}",
            "gvcdr2025_ch7.fig_7_8.start",
            "start = 2023 > end = 2000",
        ),
        (
            "extended_last_year: 2025",
            "extended_last_year: 2010",
            "nbt2015.figure_1.extended_last_year",
            "last_year = 2013 > extended_last_year = 2010",
        ),
        (
            "extended_signed_to: 2023",
            "extended_signed_to: 2003",
            "nbt2015.wto_plus.extended_signed_to",
            "signed_to = 2013 > extended_signed_to = 2003",
        ),
    ],
)
def test_nonsense_config_names_file_line_and_key(tmp_path, old, new, key, problem):
    path, line = _broken(tmp_path, old, new)
    message = _error(path)
    assert problem in message
    located = [m for m in message.splitlines() if problem in m]
    # the line of the range's key or of the grid's mapping (flow style: the same line)
    assert located[0].lstrip(" -").startswith(f"{path}:"), located
    reported = int(located[0].lstrip(" -").split(":")[1])
    assert abs(reported - line) <= 1, (reported, line, located)
    assert f"config key {key}" in located[0]


def test_schema_errors_carry_file_and_line_too(tmp_path):
    path, line = _broken(tmp_path, "    tau_max: 0.10", "    tau_max: 0.5")
    message = _error(path)
    assert f"{path}:{line}: config key deremer2023.figure_1.tau_max = 0.5" in message


@pytest.mark.parametrize(
    ("text", "line", "column", "problem"),
    [
        ("a:\n  b: [1, 2\n  c: 3\n", 3, 4, "YAML syntax error"),  # unclosed flow sequence
        ("a:\n  b: 1\n c: 2\n", 3, 2, "YAML syntax error"),  # bad indentation
        ("a: 1\na: {b\n", 3, 1, "YAML syntax error"),  # unclosed mapping
        ("a:\n\tb: 1\n", 2, 1, "YAML syntax error"),  # tab indentation
        # loaders keep the last of two equal keys without a word
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", 4, 3, "duplicate key a.b (first set at line 2)"),
    ],
)
def test_yaml_error_gives_file_line_column(tmp_path, text, line, column, problem):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as err:
        check_yaml_syntax([path])
    assert str(err.value).startswith(f"{path}:{line}:{column}: {problem}")


def test_later_file_locates_the_keys_it_sets_and_command_line_keys_are_named(tmp_path):
    override = tmp_path / "override.yaml"
    override.write_text("deremer2023:\n  figure_1:\n    tau_min: 0.09\n    tau_max: 0.01\n")
    files = [REPO / "config.yaml", REPO / "paths.yaml", override]
    merged, _ = read_config_files(files)
    # nested keys merge as Snakemake merges --configfile: grid_points survives
    assert merged["deremer2023"]["figure_1"]["grid_points"] == 301
    merged["reproducibility"]["seed"] = -1
    with pytest.raises(ConfigError) as err:
        check_config_files(merged, files, command_line={"reproducibility": {"seed": -1}})
    message = str(err.value)
    assert f"{override}:3: config key deremer2023.figure_1.tau_min" in message
    assert "--config on the command line: config key reproducibility.seed = -1" in message


def test_semantic_checks_pass_on_the_shipped_config(config):
    assert semantic_errors(config) == []


def test_semantic_checks_are_generic():
    errors = dict(
        semantic_errors(
            {
                "x": {"depth_min": 2, "depth_max": 1},
                "y": {"min_share": 0.5, "max_share": 0.1},
                "z": {"min": 0, "max": 1, "points": 0},
                "w": [{"values": []}],
                "v": {"first": 2000, "last": 1990},
            }
        )
    )
    assert set(errors) == {
        ("x", "depth_min"),
        ("y", "min_share"),
        ("z", "points"),
        ("w", 0, "values"),
        ("v", "first"),
    }


def test_a_yaml_syntax_error_stops_snakemake_before_any_job(tmp_path):
    """The Snakefile checks the YAML before Snakemake loads it: the message is ours."""
    import shutil
    import subprocess
    import sys

    workdir = tmp_path / "wf"
    files = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:  # the tracked files (about 2 MB), no results or caches
        target = workdir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    path, line = _broken(workdir, "  figure_1:\n    tau_min", "  figure_1: [\n    tau_min")
    assert path == workdir / "config.yaml"
    snakemake = Path(sys.executable).parent / "snakemake"
    run = subprocess.run(
        [str(snakemake), "--cores", "1", "-n", "--directory", str(workdir)],
        cwd=workdir,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    output = run.stdout + run.stderr
    assert f"{path}:{line + 2}:5: YAML syntax error" in output, output
    assert "not valid JSON or YAML" not in output


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        (
            "    home: {gamma_M: 1.2, gamma_E: 1.0}\n    foreign: {gamma_M: 1.2, gamma_E: 1.0}\n"
            "  # CHOICE: an asymmetric",
            "    home: {gamma_M: 1.2, gamma_E: 1.1}\n    foreign: {gamma_M: 1.2, gamma_E: 1.0}\n"
            "  # CHOICE: an asymmetric",
            "deremer2023.public.home.gamma_E",
            "gamma_E = 1.1 must be < the government's (1.1)",
        ),
        (
            "    home: {ideal_depth: 0.3, depth_weight: 0.9}",
            "    home: {ideal_depth: 0.85, depth_weight: 0.9}",
            "jackson_two_level.negotiators.home.ideal_depth",
            "must be below Foreign's ideal depth 0.8",
        ),
        (
            "digital: [2011, 2024]",
            "digital: [2001, 2024]",
            "gvcdr2025_ch8.years.digital",
            "must lie within the CRM window [2006, 2024]",
        ),
        (
            "treat_ongoing_until: 2024",
            "treat_ongoing_until: 2020",
            "gvcdr2025_ch8.sanctions.treat_ongoing_until",
            "before the release's last year 2022",
        ),
    ],
)
def test_document_premises_are_checked_with_file_line_and_key(tmp_path, old, new, key, problem):
    path, line = _broken(tmp_path, old, new)
    message = _error(path)
    located = [m for m in message.splitlines() if problem in m]
    assert located, message
    assert located[0].lstrip(" -").startswith(f"{path}:{line}: config key {key}")
