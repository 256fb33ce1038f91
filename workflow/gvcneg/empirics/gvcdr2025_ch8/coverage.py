"""How much of the chapter's TTD database a supplied file is: evidence for every TTD row.

The chapter states its database's size (185 deals: 79 digital, 106 CRM; 148 signed after
2019; 33 digital and 55 CRM texts mapped), the years it covers (first CRM deal 2011, first
digital deal 2016, cut-off 2024) and who signs most (Korea, the US, Australia and the DR Congo
in over 50 post-2020 CRM dyad-years each). A supplied file is checked against each of these
statements, read from the targets registry (the only place published numbers are typed), so
that a file with eight real deals is reported as eight of 185 rather than as a reproduction.

The coverage table (one row per check) is the evidence the ledger's status function reads:
:func:`coverage_status` turns it into the row status, "partial data (k of n deals)" unless
every check agrees with the document.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from gvcneg.ledger.compare import REPRODUCED, compare_one, describe_published

# check -> (target id whose published value is the document's statement, what is counted).
CHECKS = {
    "deals_total": ("gvcdr2025_ch8.ttd_total", "deals in the database"),
    "deals_digital": ("gvcdr2025_ch8.ttd_digital", "digital deals"),
    "deals_crm": ("gvcdr2025_ch8.ttd_crm", "CRM deals"),
    "signed_after_2019": ("gvcdr2025_ch8.signed_after_2019", "deals signed after 2019"),
    "mapped_digital": ("gvcdr2025_ch8.mapped_digital", "digital deals with a mapped text"),
    "mapped_crm": ("gvcdr2025_ch8.mapped_crm", "CRM deals with a mapped text"),
    "first_year_digital": ("gvcdr2025_ch8.first_year_digital", "year of the first digital deal"),
    "first_year_crm": ("gvcdr2025_ch8.first_year_crm", "year of the first CRM deal"),
    "last_year_signed": ("gvcdr2025_ch8.last_year_signed", "year of the last deal"),
    **{
        f"crm_post2020_dyad_years_{code.lower()}": (
            f"gvcdr2025_ch8.crm_leader_{code.lower()}",
            f"post-2020 CRM dyad-years of {code} (signatory)",
        )
        for code in ("KOR", "USA", "AUS", "COD")
    },
}
COLUMNS = ["check", "counts", "target", "document", "document_value", "supplied", "agrees"]
# The check whose two numbers are the "k of n" of the status.
DEAL_CHECK = "deals_total"


def supplied_counts(deals: pd.DataFrame, participation: pd.DataFrame) -> dict[str, float]:
    """The supplied file's value of every check (``participation``: Figure 8.2's data)."""
    theme = deals["theme"]
    year = deals["year_signed"].astype(float)
    mapped = deals["text_available"].astype(bool)

    def first(name):
        years = year[theme == name]
        return float(years.min()) if len(years) else np.nan

    counts = {
        "deals_total": float(len(deals)),
        "deals_digital": float((theme == "digital").sum()),
        "deals_crm": float((theme == "crm").sum()),
        "signed_after_2019": float((year > 2019).sum()),
        "mapped_digital": float((mapped & (theme == "digital")).sum()),
        "mapped_crm": float((mapped & (theme == "crm")).sum()),
        "first_year_digital": first("digital"),
        "first_year_crm": first("crm"),
        "last_year_signed": float(year.max()) if len(year) else np.nan,
    }
    post = participation[(participation["theme"] == "crm") & (participation["period"] == "post")]
    for code in ("KOR", "USA", "AUS", "COD"):
        counts[f"crm_post2020_dyad_years_{code.lower()}"] = float(
            post.loc[post["iso3"] == code, "dyad_years"].sum()
        )
    return counts


def coverage_table(supplied: dict[str, float], targets: list[dict]) -> pd.DataFrame:
    """One row per check: the document's statement, the supplied value, whether they agree."""
    by_id = {t["id"]: t for t in targets}
    rows = []
    for check, (target_id, what) in CHECKS.items():
        if target_id not in by_id:
            raise KeyError(f"coverage check {check}: no target {target_id} in targets/")
        target = by_id[target_id]
        published = target["published"]
        value = supplied[check]
        agrees = bool(
            np.isfinite(value)
            and compare_one(published, target.get("tolerance", {}), value)[0] == REPRODUCED
        )
        rows.append(
            {
                "check": check,
                "counts": what,
                "target": target_id,
                "document": describe_published(published),
                "document_value": float(published.get("value", published.get("lower", np.nan))),
                "supplied": value,
                "agrees": agrees,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


@dataclass(frozen=True)
class Coverage:
    """The evidence a row's status needs: k of n deals, and whether every check agrees."""

    supplied_deals: int
    document_deals: int
    complete: bool
    disagreeing: tuple[str, ...]

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> Coverage:
        deals = table.set_index("check").loc[DEAL_CHECK]
        return cls(
            supplied_deals=int(deals["supplied"]),
            document_deals=int(deals["document_value"]),
            complete=bool(table["agrees"].all()),
            disagreeing=tuple(table.loc[~table["agrees"].astype(bool), "check"]),
        )

    @property
    def share(self) -> float:
        """The coverage figure: supplied deals over the document's (capped at 1)."""
        return min(self.supplied_deals / self.document_deals, 1.0)

    @property
    def label(self) -> str:
        return f"{self.supplied_deals} of {self.document_deals} deals"


def coverage_status(coverage: Coverage | None) -> str | None:
    """The ledger status a TTD row gets from the coverage evidence; None = judge as usual.

    A file that does not agree with every count the chapter states is not the chapter's
    database, whatever its size: "partial data (k of n deals)". (Kept in one place so that the
    ledger's single status function can take it over.)
    """
    if coverage is None or coverage.complete:
        return None
    return f"partial data ({coverage.label})"


def coverage_note(coverage: Coverage) -> str:
    """What the row's explanation says about the coverage."""
    differing = ", ".join(coverage.disagreeing)
    return (
        f"the supplied TTD file has {coverage.label} of the chapter's database "
        f"({coverage.share:.0%}); counts that differ from the chapter's: {differing}"
    )
