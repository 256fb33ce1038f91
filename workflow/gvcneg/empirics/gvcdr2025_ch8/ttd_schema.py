"""The targeted-trade-deals (TTD) database of chapter 8, as a validated table.

The authors' TTD database (section 8.3.1; its deal counts are targets in targets/gvcdr2025_ch8.yaml) is not published
with the report. This module fixes the layout a user's copy must follow, one row per deal,
with the fields of Annex 8.2 (general provisions), Annex 8.4 (nine digital provisions) and
Annex 8.3 (seven CRM provisions), plus the two codes of footnote 15 (binding language and
dispute settlement) for deals whose official text is available ("mappable", section 8.4.3).

Columns (CSV or Excel; one row per TTD):

===================== =====================================================================
ttd_id                unique identifier
name                  agreement name (Annex 8.2 "Agreement name")
theme                 ``digital`` or ``crm`` (Annex 8.1 theme-specific criteria)
sub_theme             main topic under the theme (Annexes 8.3/8.4 "Theme"); optional
type                  agreement, exchange_of_letters, joint_statement, declaration, mou,
                      side_letter, work_plan, other (section 8.1; Annex 8.2 "Type")
signatories           ISO3 codes of the original parties, separated by ``;``
year_signed           year of signature (cut-off 31 December 2024, Annex 8.1 "Temporal")
year_in_force         year of entry into force or activation (Annex 8.2 "Year"); optional
composition           bilateral, plurilateral or multilateral (bilateral = two parties)
binding_nature        binding, non_binding, not_specified (Annex 8.2 "Binding nature")
text_available        true/false (Annex 8.2 "Text available"); true = mappable
source_category       official_document, joint_statement, press_release, news_media
                      (the source hierarchy of section 8.3.1)
accessions            ``ISO3:YEAR`` items separated by ``;`` (Annex 8.2 "Accessions"); optional
duration_years        specified duration in years (Annex 8.2 "Timeline"); empty = none stated
renewal               automatic, none, not_specified (Annex 8.2 "Renewal")
binding_language      binding, non_binding, not_specified (footnote 15); mappable deals only
dispute_settlement    adjudicative, consultative, not_specified (footnote 15); mappable only
dig_* (9)             Annex 8.4 provisions, 0/1 (``dig_investment`` 0-3), mappable digital only
crm_* (7)             Annex 8.3 provisions, 0/1 (``crm_investment`` 0-3), mappable CRM only
===================== =====================================================================
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

SOURCE = "wto-ttd"

THEMES = ("digital", "crm")
TYPES = (
    "agreement",
    "exchange_of_letters",
    "joint_statement",
    "declaration",
    "mou",
    "side_letter",
    "work_plan",
    "other",
)
COMPOSITIONS = ("bilateral", "plurilateral", "multilateral")
BINDING_CODES = ("binding", "non_binding", "not_specified")
DISPUTE_CODES = ("adjudicative", "consultative", "not_specified")
SOURCE_CATEGORIES = ("official_document", "joint_statement", "press_release", "news_media")
RENEWAL_CODES = ("automatic", "none", "not_specified")

# Annex 8.4: the nine digital TTD provisions (label as in Figure 8.3).
DIGITAL_PROVISIONS = {
    "dig_cross_border_data": "Cross-border data flows",
    "dig_personal_data": "Personal data protection and consumer rights",
    "dig_cybersecurity": "Cybersecurity and digital trust",
    "dig_trade_facilitation": "Trade facilitation",
    "dig_infrastructure": "Digital infrastructure",
    "dig_emerging_tech": "Emerging technologies",
    "dig_investment": "Investment cooperation",
    "dig_knowledge_capacity": "Knowledge and capacity building",
    "dig_institutional": "Institutional mechanisms and governance",
}
# Annex 8.3: the seven CRM TTD provisions (label as in Figure 8.4).
CRM_PROVISIONS = {
    "crm_extraction_exploration": "Extraction and exploration",
    "crm_knowledge_capacity": "Knowledge and capacity building",
    "crm_economic_linkages": "Economic linkages and diversification",
    "crm_investment": "Investment cooperation",
    "crm_sustainable_governance": "Sustainable governance",
    "crm_infrastructure_logistics": "Infrastructure and logistics development",
    "crm_institutional": "Institutional mechanisms governance",
}
# The ordinal 0-3 investment scale of Annexes 8.3 and 8.4.
INVESTMENT_SCALE = {
    0: "not mentioned at all",
    1: "mentioned as an aim but not specified",
    2: "mentioned and related to some potential funding source",
    3: "direct financial commitment",
}
INVESTMENT_COLUMNS = ("dig_investment", "crm_investment")
CUT_OFF_YEAR = 2024

_ISO3 = re.compile(r"^[A-Z]{3}$")
_ACCESSION = re.compile(r"^[A-Z]{3}:\d{4}$")


class TTDDataError(ValueError):
    """The user's TTD file is missing or does not follow the schema."""


def split_codes(text) -> list[str]:
    """``"USA; JPN"`` -> ``["USA", "JPN"]`` (empty for missing)."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return []
    return [part.strip() for part in str(text).split(";") if part.strip()]


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """ISO3 codes of economies (country_converter's table, incl. TWN, XKX) and EUN (the EU)."""
    from gvcneg.empirics.gvcdr2025_ch8.iso import EU_CODE, _code_table

    return frozenset(_code_table()["ISO3"]) | {EU_CODE, "XKX"}


def unknown_codes(text) -> list[str]:
    """Codes of a signatories or accessions cell that map to no economy (e.g. a typo 'JAP')."""
    codes = [item.split(":")[0] for item in split_codes(text)]
    return [c for c in codes if _ISO3.match(c) and c not in known_codes()]


def _codes_known(series: pd.Series) -> pd.Series:
    return series.map(lambda text: not unknown_codes(text))


def _signatories_ok(series: pd.Series) -> pd.Series:
    def ok(text):
        codes = split_codes(text)
        return (
            len(codes) >= 2 and len(set(codes)) == len(codes) and all(_ISO3.match(c) for c in codes)
        )

    return series.map(ok)


def _accessions_ok(series: pd.Series) -> pd.Series:
    return series.map(lambda text: all(_ACCESSION.match(c) for c in split_codes(text)))


def _provision_column(name: str) -> pa.Column:
    top = 3 if name in INVESTMENT_COLUMNS else 1
    return pa.Column(
        "Int64",
        pa.Check.in_range(0, top),
        nullable=True,
        coerce=True,
        description=f"Annex provision {name}: 0/1" + (" (0-3 scale)" if top == 3 else ""),
    )


def _composition_matches(df: pd.DataFrame) -> pd.Series:
    n = df["signatories"].map(lambda t: len(split_codes(t)))
    bilateral = df["composition"] == "bilateral"
    return (bilateral & (n == 2)) | (~bilateral & (n >= 2))


def _in_force_after_signing(df: pd.DataFrame) -> pd.Series:
    return df["year_in_force"].isna() | (df["year_in_force"] >= df["year_signed"])


def _codes_only_for_mappable(df: pd.DataFrame) -> pd.Series:
    """Footnote 15 codes exist exactly for deals whose text is available."""
    mappable = df["text_available"].astype(bool)
    coded = df["binding_language"].notna() & df["dispute_settlement"].notna()
    uncoded = df["binding_language"].isna() & df["dispute_settlement"].isna()
    return (mappable & coded) | (~mappable & uncoded)


def _provisions_match_theme(df: pd.DataFrame) -> pd.Series:
    """Mappable deals carry every provision of their own theme and none of the other."""
    mappable = df["text_available"].astype(bool)
    dig = df[list(DIGITAL_PROVISIONS)]
    crm = df[list(CRM_PROVISIONS)]
    is_digital = df["theme"] == "digital"
    own_full = (is_digital & dig.notna().all(axis=1)) | (~is_digital & crm.notna().all(axis=1))
    other_empty = (is_digital & crm.isna().all(axis=1)) | (~is_digital & dig.isna().all(axis=1))
    own_empty = (is_digital & dig.isna().all(axis=1)) | (~is_digital & crm.isna().all(axis=1))
    return other_empty & ((mappable & own_full) | (~mappable & own_empty))


# Cross-field rules: the columns each involves (named in error messages) and its message.
_ROW_CHECKS = {
    "composition": (
        ["composition", "signatories"],
        "composition 'bilateral' needs exactly two parties",
    ),
    "in_force": (["year_in_force", "year_signed"], "year_in_force before year_signed"),
    "codes": (
        ["text_available", "binding_language", "dispute_settlement"],
        "binding_language and dispute_settlement are given exactly for text_available deals",
    ),
    "provisions": (
        ["theme", "text_available", "dig_*", "crm_*"],
        "mappable deals need all provisions of their theme (dig_* or crm_*) and none of the "
        "other; deals without text have none",
    ),
}

TTD_SCHEMA = pa.DataFrameSchema(
    {
        "ttd_id": pa.Column(str, unique=True, description="unique identifier"),
        "name": pa.Column(str, pa.Check.str_length(min_value=1)),
        "theme": pa.Column(str, pa.Check.isin(THEMES)),
        "sub_theme": pa.Column(str, nullable=True, required=False),
        "type": pa.Column(str, pa.Check.isin(TYPES)),
        "signatories": pa.Column(
            str,
            [
                pa.Check(
                    _signatories_ok,
                    element_wise=False,
                    error="at least two distinct ISO3 codes separated by ';'",
                ),
                pa.Check(
                    _codes_known,
                    element_wise=False,
                    error="ISO3 code(s) that map to no economy (typo?); EU = EUN",
                ),
            ],
        ),
        "year_signed": pa.Column(int, pa.Check.in_range(1990, CUT_OFF_YEAR), coerce=True),
        "year_in_force": pa.Column(
            "Int64", pa.Check.in_range(1990, 2100), nullable=True, coerce=True
        ),
        "composition": pa.Column(str, pa.Check.isin(COMPOSITIONS)),
        "binding_nature": pa.Column(str, pa.Check.isin(BINDING_CODES)),
        "text_available": pa.Column(bool, coerce=True),
        "source_category": pa.Column(str, pa.Check.isin(SOURCE_CATEGORIES)),
        "accessions": pa.Column(
            str,
            [
                pa.Check(
                    _accessions_ok, element_wise=False, error="items 'ISO3:YEAR' separated by ';'"
                ),
                pa.Check(
                    _codes_known,
                    element_wise=False,
                    error="ISO3 code(s) that map to no economy (typo?); EU = EUN",
                ),
            ],
            nullable=True,
            required=False,
        ),
        "duration_years": pa.Column(float, pa.Check.gt(0), nullable=True, coerce=True),
        "renewal": pa.Column(str, pa.Check.isin(RENEWAL_CODES)),
        "binding_language": pa.Column(str, pa.Check.isin(BINDING_CODES), nullable=True),
        "dispute_settlement": pa.Column(str, pa.Check.isin(DISPUTE_CODES), nullable=True),
        **{name: _provision_column(name) for name in DIGITAL_PROVISIONS},
        **{name: _provision_column(name) for name in CRM_PROVISIONS},
    },
    checks=[
        pa.Check(_composition_matches, error=_ROW_CHECKS["composition"][1]),
        pa.Check(_in_force_after_signing, error=_ROW_CHECKS["in_force"][1]),
        pa.Check(_codes_only_for_mappable, error=_ROW_CHECKS["codes"][1]),
        pa.Check(_provisions_match_theme, error=_ROW_CHECKS["provisions"][1]),
    ],
    strict=True,
    name="TTD database (Annexes 8.2-8.4)",
)

TTD_COLUMNS = list(TTD_SCHEMA.columns)


# The sheet of the template workbook (ttd_template.write_template) that holds the deals.
TEMPLATE_SHEET = "ttd"


def is_workbook(path: Path) -> bool:
    """An Excel workbook by content (a zip archive), whatever the file is called: a CSV twin
    supplied through ``paths.user_data`` is cached under the registry's ``.xlsx`` name."""
    import zipfile

    return zipfile.is_zipfile(path)


def _read_table(path: Path) -> pd.DataFrame:
    """The deals table of a workbook (its sheet ``ttd``, as in the template; a single-sheet
    workbook's only sheet) or of a CSV file."""
    path = Path(path)
    if not is_workbook(path):
        return pd.read_csv(path, dtype={"ttd_id": str}, keep_default_na=True)
    with pd.ExcelFile(path) as book:
        sheets = book.sheet_names
        if TEMPLATE_SHEET in sheets:
            sheet = TEMPLATE_SHEET
        elif len(sheets) == 1:
            sheet = sheets[0]
        else:
            raise TTDDataError(
                f"source {SOURCE}: file {path}: the workbook has sheets {sheets} but none named "
                f"{TEMPLATE_SHEET!r}, the template's deals sheet. Put the deals on a sheet named "
                f"{TEMPLATE_SHEET!r} (make ttd-template writes the layout)."
            )
        return pd.read_excel(book, sheet_name=sheet, dtype={"ttd_id": str})


def _fix_hint() -> str:
    return (
        "Fix the file so it follows the TTD layout documented in "
        "gvcneg/empirics/gvcdr2025_ch8/ttd_schema.py (Annexes 8.2-8.4 of the GVC Development "
        "Report 2025), or point config paths.user_data['wto-ttd'] at a conforming copy."
    )


def _row_labels(rows) -> str:
    """Data rows -> spreadsheet rows (row 1 is the header)."""
    shown = [int(r) + 2 for r in rows[:5] if pd.notna(r)]
    more = "" if len(rows) <= 5 else f" and {len(rows) - 5} more"
    return f"spreadsheet row(s) {shown}{more}" if shown else ""


def extra_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in TTD_COLUMNS]


# Columns holding calendar years: a fractional value is an error, never truncated.
YEAR_COLUMNS = ("year_signed", "year_in_force")
# Optional columns (may be absent from a user's file).
OPTIONAL_COLUMNS = ("sub_theme", "accessions")


def _layout_problems(frame: pd.DataFrame, file: str) -> list[str]:
    """A header the schema does not describe: required columns missing (with the unknown
    columns that look like them), or no data rows."""
    import difflib

    problems = []
    missing = [c for c in TTD_COLUMNS if c not in frame.columns and c not in OPTIONAL_COLUMNS]
    if missing:
        extra = extra_columns(frame)
        hints = []
        for column in missing:
            close = difflib.get_close_matches(column, [str(c) for c in extra], n=1, cutoff=0.75)
            if close:
                hints.append(f"{close[0]!r} -> {column!r}")
        problems.append(
            f"the header lacks required column(s) {missing}"
            + (f" (rename: {', '.join(hints)})" if hints else "")
            + "; the layout must be the template's (make ttd-template) or the annexes' wide "
            "layout (column 'Agreement name', see ttd_template.from_annex_wide)"
        )
    elif frame.empty:
        problems.append("no rows: the file has a header but no deals")
    return problems


def _fractional_years(frame: pd.DataFrame) -> list[str]:
    """Year cells that are numbers but not whole years (2021.7), by column and row."""
    lines = []
    for column in YEAR_COLUMNS:
        if column not in frame:
            continue
        values = pd.to_numeric(frame[column], errors="coerce")
        bad = values.notna() & (values != values.round())
        if bad.any():
            rows = list(frame.index[bad.to_numpy()])
            examples = ", ".join(repr(v) for v in frame.loc[bad, column].head(3))
            lines.append(
                f"column {column}: a year must be a whole number, not a fraction; e.g. {examples}"
                f" ({_row_labels(rows)})"
            )
    return lines


def _normalised_name(name) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(name).casefold()).strip()


def _duplicate_deals(frame: pd.DataFrame) -> list[str]:
    """The same deal under two ids: the same name (ignoring case and punctuation) and the same
    set of signatories, or every field but the id identical."""
    if not {"name", "signatories"} <= set(frame.columns) or frame.empty:
        return []
    key_name = (
        frame["name"].map(_normalised_name)
        + "|"
        + frame["signatories"].map(lambda t: ";".join(sorted(split_codes(t))))
    )
    lines = []
    for _, group in frame.groupby(key_name.to_numpy(), sort=False):
        if len(group) > 1:
            ids = ", ".join(map(str, group["ttd_id"]))
            lines.append(
                f"column ttd_id: one deal listed {len(group)} times (ids {ids}): the same name "
                f"and signatories; keep one row ({_row_labels(list(group.index))})"
            )
    return lines


def validate_ttd(frame: pd.DataFrame, file: str = "<frame>") -> pd.DataFrame:
    """Validate a TTD table; raise :class:`TTDDataError` listing every failure by column and
    spreadsheet row. Columns outside the schema are dropped with a warning (a user's copy may
    carry notes or extra codes), unless required columns are missing: then the layout is not
    the schema's and the error names what is missing. A header without rows, a fractional year
    and one deal under two ids are errors too."""
    frame = frame.reset_index(drop=True)
    layout = _layout_problems(frame, file)
    if layout:
        raise TTDDataError(
            f"source {SOURCE}: file {file}: " + "; ".join(layout) + f". {_fix_hint()}"
        )
    extra = extra_columns(frame)
    if extra:
        warnings.warn(
            f"source {SOURCE}: file {file}: column(s) {extra} are not in the TTD schema and "
            "are ignored",
            stacklevel=2,
        )
    frame = frame.drop(columns=extra).copy()
    before = _fractional_years(frame) + _duplicate_deals(frame)
    if before:
        detail = "\n  - ".join(before)
        raise TTDDataError(
            f"source {SOURCE}: file {file} does not follow the TTD schema:\n  - {detail}\n"
            f"{_fix_hint()}"
        )
    for column in ("binding_language", "dispute_settlement", "accessions", "sub_theme"):
        if column in frame:
            frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
    try:
        return TTD_SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        messages = {message: columns for columns, message in _ROW_CHECKS.values()}
        lines, seen = [], set()
        for (column, check), group in cases.groupby(["column", "check"], dropna=False, sort=False):
            rows = sorted(set(group["index"].dropna().tolist()))
            if check in messages:
                if check in seen:
                    continue
                seen.add(check)
                lines.append(f"columns {', '.join(messages[check])}: {check}; {_row_labels(rows)}")
                continue
            values = group["failure_case"].head(3).tolist()
            if "map to no economy" in str(check):
                values = sorted({c for v in group["failure_case"] for c in unknown_codes(v)})
            examples = ", ".join(repr(v) for v in values)
            lines.append(f"column {column}: {check}; e.g. {examples} ({_row_labels(rows)})")
        detail = "\n  - ".join(lines)
        raise TTDDataError(
            f"source {SOURCE}: file {file} does not follow the TTD schema:\n  - {detail}\n"
            f"{_fix_hint()}"
        ) from err


def load_ttd(path) -> pd.DataFrame:
    """Read and validate the user's TTD database (CSV or Excel)."""
    path = Path(path)
    if not path.is_file():
        raise TTDDataError(
            f"source {SOURCE}: file {path} not found. The TTD database is not available offline; "
            f"set config paths.user_data['{SOURCE}'] to your copy. {_fix_hint()}"
        )
    try:
        frame = _read_table(path)
    except TTDDataError:
        raise
    except Exception as err:  # unreadable, wrong format
        raise TTDDataError(
            f"source {SOURCE}: file {path} could not be read as CSV/Excel ({err}). {_fix_hint()}"
        ) from err
    return validate_ttd(frame, file=str(path))


def mappable(deals: pd.DataFrame, theme: str) -> pd.DataFrame:
    """Deals of one theme whose official text is available (section 8.4.3)."""
    return deals[(deals["theme"] == theme) & deals["text_available"].astype(bool)]


def accession_items(text) -> list[tuple[str, int]]:
    """``"KOR:2024; CRI:2023"`` -> ``[("KOR", 2024), ("CRI", 2023)]``."""
    out = []
    for item in split_codes(text):
        code, year = item.split(":")
        out.append((code, int(year)))
    return out
