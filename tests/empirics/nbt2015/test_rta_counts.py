"""RTA counts under the two WTO conventions (Figure 1 of National Board of Trade 2015)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gvcneg.empirics.nbt2015.rta_counts import count_in, rtas_in_force, tidy_rtas

EXPORT = Path(__file__).resolve().parents[4] / "shared" / "data" / "wto-rta" / "AllRTAs.xlsx"


def export_rows(rows):
    """A frame in the WTO export's layout (only the columns the counts use)."""
    columns = [
        "RTA ID", "RTA Name", "Coverage", "Status", "Accession?",
        "Date of Entry into Force (G)", "Date of Entry into Force (S)", "Inactive Date",
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    for col in columns[-3:]:
        frame[col] = pd.to_datetime(frame[col])
    return frame


TOY = export_rows(
    [
        # goods and services: 1 agreement, 2 notifications from 2000 (services from 2002)
        [1, "A-B", "Goods & Services", "In Force", "No", "2000-03-01", "2002-01-01", None],
        # goods only, inactive mid-2005
        [2, "C-D", "Goods", "Inactive", "No", "1990-01-01", None, "2005-06-30"],
        # an accession to agreement 1: a notification, not a new agreement
        [3, "A-B accession of E", "Goods", "In Force", "No", "2004-05-01", None, None],
        [4, "Accession X", "Goods", "In Force", "Yes", "2004-05-01", None, None],
        # announced, never in force
        [5, "F-G", None, "Early announcement-Signed", "No", None, None, None],
        # in force by its own terms but not notified to the WTO: not counted
        [6, "H-I", "Goods", "Early announcement-Signed", "No", "2003-01-01", None, None],
    ]
)


def test_dropping_inactive_agreements_removes_them_from_past_years_too():
    series = rtas_in_force(tidy_rtas(TOY), 1999, 2006, include_inactive=False)
    assert count_in(series, 1999, "agreements") == 0  # C-D (inactive since 2005) is gone
    assert count_in(series, 2004, "agreements") == 2
    assert count_in(series, 2006, "agreements") == 2  # unchanged after it became inactive


def test_toy_counts_by_hand():
    series = rtas_in_force(tidy_rtas(TOY), 1999, 2006)
    expected = {
        1999: (1, 1),  # C-D only
        2000: (2, 2),  # + A-B goods
        2001: (2, 2),
        2002: (2, 3),  # + A-B services notification
        2004: (3, 5),  # + agreement 3, + accession 4 (notification only)
        2005: (2, 4),  # C-D inactive on 30 June
        2006: (2, 4),
    }
    for year, (agreements, notifications) in expected.items():
        assert count_in(series, year, "agreements") == agreements, year
        assert count_in(series, year, "notifications") == notifications, year


def test_inactive_on_31_december_is_not_in_force_that_year_end():
    toy = TOY.copy()
    toy.loc[1, "Inactive Date"] = pd.Timestamp("2005-12-31")
    series = rtas_in_force(tidy_rtas(toy), 2005, 2005)
    assert count_in(series, 2005, "agreements") == 2


def test_inactive_without_date_is_rejected():
    toy = TOY.copy()
    toy.loc[1, "Inactive Date"] = pd.NaT
    with pytest.raises(pa.errors.SchemaErrors, match="inactive date"):
        tidy_rtas(toy)


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="Inactive Date"):
        tidy_rtas(TOY.drop(columns=["Inactive Date"]))


dates = st.one_of(
    st.none(),
    st.dates(
        min_value=pd.Timestamp("1950-01-01").date(), max_value=pd.Timestamp("2020-12-31").date()
    ),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(dates, dates, dates, st.booleans()), min_size=1, max_size=12))
def test_notifications_never_fewer_than_agreements(draws):
    rows = []
    for i, (goods, services, inactive, accession) in enumerate(draws):
        if goods is None and services is None:
            goods = pd.Timestamp("2000-01-01").date()
        start = min(d for d in (goods, services) if d is not None)
        if inactive is not None and inactive < start:
            inactive = None
        status = "Inactive" if inactive is not None else "In Force"
        rows.append([i, f"R{i}", "Goods", status, "Yes" if accession else "No",
                     goods, services, inactive])  # fmt: skip
    series = rtas_in_force(tidy_rtas(export_rows(rows)), 1950, 2020)
    wide = series.pivot(index="year", columns="convention", values="count")
    assert (wide["notifications"] >= wide["agreements"]).all()
    assert (wide >= 0).all().all()


@pytest.mark.skipif(not EXPORT.exists(), reason="shared data mirror not present")
def test_real_export_latest_year_matches_the_status_column():
    export = pd.read_excel(EXPORT, sheet_name="AllRTAs")
    rtas = tidy_rtas(export)
    series = rtas_in_force(rtas, 1958, 2025)
    # Independent count from the export's Status column: agreements in force now, whose
    # entry into force (goods or services) is not later than 2025, excluding accessions.
    active = export["Status"].isin(["In Force", "In force for at least one Party"])
    start = export[["Date of Entry into Force (G)", "Date of Entry into Force (S)"]].min(axis=1)
    expected = int((active & (export["Accession?"] == "No") & (start <= "2025-12-31")).sum())
    assert count_in(series, 2025, "agreements") == expected
    # The EU's founding treaty is in force from 1958; the count rises over the document window.
    assert count_in(series, 1958, "agreements") >= 1
    assert count_in(series, 2013, "agreements") > count_in(series, 1995, "agreements")
    assert count_in(series, 2013, "notifications") > count_in(series, 2013, "agreements")
