"""The eight regional blocs of Table 8.1, with members from the WTO RTA database.

Table 8.1: "Shared regional bloc: whether both countries in a dyad belong to the same regional
integration arrangement. Membership is time-invariant and manually coded based on bloc
participation. Included blocs: USMCA, Mercosur, AfCFTA, ASEAN, EU, EFTA, SAARC and GCC."
Instead of a hand-typed list, members are the current signatories of each bloc's own RTA in
the WTO RTA export (config maps bloc -> RTA name; SAARC's trade arm is SAFTA; the EU's current
membership is the signatory list of "EU (28) Enlargement", which no longer lists the UK).
"""

from __future__ import annotations

from itertools import product

import pandas as pd

from gvcneg.data.excel import read_excel
from gvcneg.data.source_schemas import check_source_frame
from gvcneg.empirics.gvcdr2025_ch8.covariates import CovariateSourceError
from gvcneg.empirics.gvcdr2025_ch8.iso import names_to_iso3

SOURCE = "wto-rta"


def read_bloc_members(path, bloc_rtas: dict[str, str]) -> pd.DataFrame:
    """bloc, iso3: one row per member of each bloc (from the RTA's current signatories)."""
    frame = check_source_frame(read_excel(path, sheet_name="AllRTAs"), SOURCE, path=path)
    needed = ["RTA Name", "Status", "Current signatories"]
    if any(c not in frame.columns for c in needed):
        raise CovariateSourceError(f"source {SOURCE}: file {path}: expected columns {needed}")
    rows = []
    for bloc, rta_name in bloc_rtas.items():
        match = frame[(frame["RTA Name"] == rta_name) & frame["Status"].str.startswith("In Force")]
        if len(match) != 1:
            raise CovariateSourceError(
                f"source {SOURCE}: file {path}: bloc {bloc}: expected one RTA in force named "
                f"{rta_name!r}, found {len(match)}; fix gvcdr2025_ch8.blocs in config.yaml"
            )
        names = [n.strip() for n in str(match["Current signatories"].iloc[0]).split(";")]
        codes = names_to_iso3(names)
        unknown = [n for n, c in codes.items() if c is None and n != "Western Sahara"]
        if unknown:
            raise CovariateSourceError(
                f"source {SOURCE}: bloc {bloc}: signatory names without ISO3: {unknown}"
            )
        rows.extend({"bloc": bloc, "iso3": codes[n]} for n in names if codes.get(n))
    return pd.DataFrame(rows).drop_duplicates().sort_values(["bloc", "iso3"]).reset_index(drop=True)


def shared_bloc(pairs: pd.DataFrame, members: pd.DataFrame) -> pd.Series:
    """1.0 where exporter and importer belong to at least one common bloc."""
    sharing = {
        (a, b)
        for _, bloc in members.groupby("bloc")["iso3"]
        for a, b in product(bloc.tolist(), repeat=2)
    }
    keys = pd.MultiIndex.from_arrays([pairs["exporter"], pairs["importer"]])
    return pd.Series(keys.isin(list(sharing)).astype(float), index=pairs.index)
