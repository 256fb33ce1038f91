"""Which registered files chapter 7's rules read for each configurable source, and the choice
among sources by availability (``usable`` = the data layer's ``source_usable``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from gvcneg.sweeps import sweep_axes

# Registered file names (sources/*.yaml) each configurable source is read from.
POPULATION_FILES = {
    "wdi-population-document": "API_SP.POP.TOTL_DS2_en_csv_v2.csv",
    "wdi-population": "API_SP.POP.TOTL_DS2_en_csv_v2_246068.csv",
}
GINI_FILES = {
    "wid-gini": "tidy_data.csv",
    "swiid": "swiid9_7_summary.xlsx",
    "owid-pip-gini": "economic-inequality-gini-index.csv",
}
GVC_FILES = {
    "oecd-tiva-2025": [("oecd-tiva-2025", "oecd_tiva_mainsh_2012_2022_selected.csv")],
    "adb-mrio-gvcp": [("adb-mrio-gvcp", "gvcp.parquet"), ("adb-mrio-gvcp", "countries.xlsx")],
    "adb-mrio-gvcp62": [
        ("adb-mrio-gvcp62", "gvcp62.parquet"),
        ("adb-mrio-gvcp", "countries.xlsx"),
    ],
}
ROBOTS = ("ifr-robots", "ifr_robot_stock.csv")


def first_usable(candidates: Iterable[str], usable: Callable[[str], bool], what: str) -> str:
    """The first source in ``candidates`` that ``usable`` accepts."""
    candidates = list(candidates)
    for source in candidates:
        if usable(source):
            return source
    raise ValueError(
        f"gvcdr2025_ch7: none of the {what} sources {candidates} is usable here; add an "
        "available one to config.yaml or supply a file via paths.user_data in paths.yaml"
    )


def gvc_files(source: str, usable: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(source, file) pairs of one GVC participation source; a clear error if the source is
    not available offline and the user has not supplied it."""
    if source not in GVC_FILES:
        raise ValueError(
            f"gvcdr2025_ch7: unknown GVC source {source!r}; use one of {list(GVC_FILES)}"
        )
    for needed, _ in GVC_FILES[source]:
        if not usable(needed):
            raise ValueError(
                f"gvcdr2025_ch7: GVC participation source {needed!r} is not available offline; set "
                f"paths.user_data.{needed} in paths.yaml to your copy (see sources/{needed}.yaml) "
                "or choose another source in config.yaml"
            )
    return GVC_FILES[source]


# The files each claim family of the specification sweep reads (besides the classification).
SWEEP_NEEDS = {
    "fig_7_4": ("gdp", "population"),
    "fig_7_5": ("gdp", "population"),
    "fig_7_6": ("gdp", "population"),
    "between_economy": ("gdp", "population"),
    "fig_7_7": ("gdp", "population"),
    "fig_7_8": ("gdp", "population"),
    "fig_7_13": ("pwt", "flags"),
    "fig_7_14": ("estimates",),
    "fig_7_15": ("wid", "gvc"),
}


def sweep_inputs(family: str, sweep: dict, files: dict) -> dict:
    """Only the files one family's specifications read, so a family re-runs only when its own
    inputs change. ``files`` maps input names to paths; ``files["gini"]`` maps Gini series
    names to their flagged tidy files."""
    if family not in SWEEP_NEEDS:
        raise ValueError(f"unknown sweep family {family!r}; known: {sorted(SWEEP_NEEDS)}")
    out = {"income_status": files["income_status"]}
    out.update({name: files[name] for name in SWEEP_NEEDS[family] if name != "gvc"})
    axes = sweep_axes(sweep[family])
    if "gvc" in SWEEP_NEEDS[family]:
        # ``files["gvc"]`` maps each GVC source to its participation file.
        out["gvc"] = [files["gvc"][source] for source in axes["gvc_source"]]
    if "gini" in axes:
        out["gini"] = [files["gini"][name] for name in axes["gini"]]
    return out


def sweep_inputs_all(sweep: dict, files: dict) -> dict:
    """The files of every family together (the sweep runs as one job: each family alone spent
    most of its time starting Python and reading the same GDP and population files), with the
    Gini series in their order of first use."""
    out = {}
    for family in sweep:
        out.update({k: v for k, v in sweep_inputs(family, sweep, files).items() if k != "gini"})
    names = sweep_gini_names(sweep)
    if names:
        out["gini"] = [files["gini"][name] for name in names]
    return out


def sweep_gini_names(sweep: dict, needing: str | None = None) -> list[str]:
    """The Gini series the families of the sweep read (only families that also read the file
    ``needing``, if given), in their order of first use."""
    return list(
        dict.fromkeys(
            name
            for family, axes in sweep.items()
            if needing is None or needing in SWEEP_NEEDS[family]
            for name in sweep_axes(axes).get("gini", [])
        )
    )
