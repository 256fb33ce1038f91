"""Supplying the TTD database: a template generated from the schema, and a converter from a
wide spreadsheet in the annexes' own terms.

* :func:`write_template` writes ``wto-ttd_template.csv`` (the header of :data:`TTD_SCHEMA`)
  and ``wto-ttd_template.xlsx`` (sheet ``ttd`` with that header, sheet ``columns`` describing
  each column: type, required, allowed values, meaning). ``make ttd-template`` regenerates the
  copies shipped in ``sources/templates``.
* :func:`from_annex_wide` reads a spreadsheet laid out as Annexes 8.2-8.4 describe a deal:
  agreement name, theme, type, signatories as country names, signature and entry-into-force
  years, yes/no fields, one column per provision named by its annex label. It returns a table
  in the schema's layout (validated), or raises naming the column, spreadsheet row and value
  that could not be read. :func:`to_annex_wide` is its inverse (used to test the round trip).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

from gvcneg.empirics.gvcdr2025_ch8.iso import EU_CODE, _code_table, names_to_iso3
from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import (
    CRM_PROVISIONS,
    DIGITAL_PROVISIONS,
    INVESTMENT_COLUMNS,
    INVESTMENT_SCALE,
    SOURCE,
    TTD_COLUMNS,
    TTD_SCHEMA,
    TTDDataError,
    accession_items,
    split_codes,
    validate_ttd,
)

TEMPLATE_STEM = "wto-ttd_template"


def column_docs() -> dict[str, str]:
    """Column -> meaning, from the table in :mod:`ttd_schema`'s docstring."""
    from gvcneg.empirics.gvcdr2025_ch8 import ttd_schema

    docs, current = {}, None
    for line in (ttd_schema.__doc__ or "").splitlines():
        match = re.match(r"^([a-z_]+(?:_\* \(\d\))?)\s{2,}(.+)$", line)
        if match:
            current = match[1]
            docs[current] = match[2].strip()
        elif current and line.startswith(" " * 10) and line.strip():
            docs[current] += " " + line.strip()
        elif line.startswith("="):
            current = None
    return docs


def _allowed(column) -> str:
    parts = []
    for check in column.checks:
        stats = getattr(check, "statistics", {}) or {}
        if "allowed_values" in stats:
            parts.append(" | ".join(map(str, stats["allowed_values"])))
        elif "min_value" in stats and stats.get("max_value") is None:
            parts.append(f"length >= {stats['min_value']}")
        elif "min_value" in stats and "max_value" in stats:
            parts.append(f"{stats['min_value']} to {stats['max_value']}")
        elif check.error:
            parts.append(str(check.error))
    return "; ".join(parts)


def template_columns() -> pd.DataFrame:
    """One row per schema column: column, type, required, may be empty, allowed, meaning."""
    docs = column_docs()
    rows = []
    for name, column in TTD_SCHEMA.columns.items():
        meaning = docs.get(name)
        if meaning is None:
            prefix = "dig_* (9)" if name.startswith("dig_") else "crm_* (7)"
            label = {**DIGITAL_PROVISIONS, **CRM_PROVISIONS}[name]
            meaning = f"{label}: {docs.get(prefix, '')}"
        rows.append(
            {
                "column": name,
                "type": "text" if "str" in str(column.dtype) else str(column.dtype),
                "required": bool(column.required),
                "may_be_empty": bool(column.nullable),
                "allowed": _allowed(column),
                "meaning": meaning,
            }
        )
    return pd.DataFrame(rows)


def write_template(directory) -> list[Path]:
    """The CSV and xlsx templates (header only; the xlsx documents every column)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    header = pd.DataFrame(columns=TTD_COLUMNS)
    csv = directory / f"{TEMPLATE_STEM}.csv"
    header.to_csv(csv, index=False)
    xlsx = directory / f"{TEMPLATE_STEM}.xlsx"
    with pd.ExcelWriter(xlsx) as writer:
        header.to_excel(writer, sheet_name="ttd", index=False)
        template_columns().to_excel(writer, sheet_name="columns", index=False)
    return [csv, xlsx]


# --- the annexes' wide layout -------------------------------------------------------------

LABELS = {
    "theme": {"Digital": "digital", "Critical raw minerals": "crm", "CRM": "crm"},
    "type": {
        "Agreement": "agreement",
        "Exchange of letters": "exchange_of_letters",
        "Joint statement": "joint_statement",
        "Declaration": "declaration",
        "MoU": "mou",
        "Memorandum of understanding": "mou",
        "Side letter": "side_letter",
        "Work plan": "work_plan",
        "Other": "other",
    },
    "composition": {
        "Bilateral": "bilateral",
        "Plurilateral": "plurilateral",
        "Multilateral": "multilateral",
    },
    "binding_nature": {
        "Binding": "binding",
        "Non-binding": "non_binding",
        "Not specified": "not_specified",
    },
    "source_category": {
        "Official document": "official_document",
        "Joint statement": "joint_statement",
        "Press release": "press_release",
        "News media": "news_media",
    },
    "renewal": {"Automatic": "automatic", "No renewal": "none", "Not specified": "not_specified"},
    "binding_language": {
        "Binding": "binding",
        "Non-binding": "non_binding",
        "Not specified": "not_specified",
    },
    "dispute_settlement": {
        "Adjudicative": "adjudicative",
        "Consultative": "consultative",
        "Not specified": "not_specified",
    },
}
ANNEX_COLUMNS = {
    "TTD ID": "ttd_id",
    "Agreement name": "name",
    "Theme": "theme",
    "Sub-theme": "sub_theme",
    "Type": "type",
    "Signatories": "signatories",
    "Year signed": "year_signed",
    "Year": "year_in_force",
    "Composition": "composition",
    "Binding nature": "binding_nature",
    "Text available": "text_available",
    "Source": "source_category",
    "Accessions": "accessions",
    "Timeline (years)": "duration_years",
    "Renewal": "renewal",
    "Binding language": "binding_language",
    "Dispute settlement": "dispute_settlement",
}
PROVISION_LABELS = sorted(set(DIGITAL_PROVISIONS.values()) | set(CRM_PROVISIONS.values()))
YES = {
    "yes": True,
    "y": True,
    "1": True,
    "true": True,
    "no": False,
    "n": False,
    "0": False,
    "false": False,
}
_ACCESSION = re.compile(r"^\s*(?P<name>.+?)\s*\((?P<year>\d{4})\)\s*$")


class AnnexFormatError(TTDDataError):
    """A cell of the wide spreadsheet cannot be read."""


def _iso3_name(code: str) -> str:
    if code == EU_CODE:
        return "European Union"
    table = _code_table()
    return table.loc[table["ISO3"] == code, "name_short"].iloc[0]


def to_annex_wide(deals: pd.DataFrame) -> pd.DataFrame:
    """A schema table in the annexes' wide layout (country names, labels, yes/no)."""
    inverse = {field: {v: k for k, v in reversed(list(m.items()))} for field, m in LABELS.items()}
    rows = []
    for deal in deals.to_dict("records"):
        row = {}
        for label, column in ANNEX_COLUMNS.items():
            value = deal.get(column)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                row[label] = None
            elif column in inverse:
                row[label] = inverse[column][value]
            elif column == "signatories":
                row[label] = "; ".join(_iso3_name(c) for c in split_codes(value))
            elif column == "accessions":
                row[label] = "; ".join(f"{_iso3_name(c)} ({y})" for c, y in accession_items(value))
            elif column == "text_available":
                row[label] = "Yes" if value else "No"
            else:
                row[label] = value
        provisions = DIGITAL_PROVISIONS if deal["theme"] == "digital" else CRM_PROVISIONS
        for label in PROVISION_LABELS:
            row[label] = None
        for column, label in provisions.items():
            value = deal.get(column)
            if value is None or pd.isna(value):
                continue
            if column in INVESTMENT_COLUMNS:
                row[label] = int(value)
            else:
                row[label] = "Yes" if int(value) else "No"
        rows.append(row)
    return pd.DataFrame(rows, columns=[*ANNEX_COLUMNS, *PROVISION_LABELS])


def _blank(value) -> bool:
    return (
        value is None or (not isinstance(value, str) and pd.isna(value)) or str(value).strip() == ""
    )


def from_annex_wide(wide: pd.DataFrame, file: str = "<frame>") -> pd.DataFrame:
    """The annexes' wide layout -> the TTD schema table (validated)."""
    problems = []

    def fail(row, label, value, why):
        problems.append(f"column {label!r}, spreadsheet row {row + 2}: {value!r} {why}")

    missing = [
        c for c in ("Agreement name", "Theme", "Signatories", "Year signed") if c not in wide
    ]
    if missing:
        raise AnnexFormatError(f"source {SOURCE}: file {file}: missing column(s) {missing}")
    extra = [c for c in wide.columns if c not in ANNEX_COLUMNS and c not in PROVISION_LABELS]
    if extra:
        import warnings

        warnings.warn(f"source {SOURCE}: file {file}: column(s) {extra} ignored", stacklevel=2)
    names = {
        n.strip()
        for column in ("Signatories", "Accessions")
        if column in wide
        for cell in wide[column].dropna()
        for n in str(cell).split(";")
        if n.strip()
    }
    names = {(_ACCESSION.match(n)["name"] if _ACCESSION.match(n) else n) for n in names}
    codes = names_to_iso3(names)
    records = []
    for i, cell in enumerate(wide.to_dict("records")):
        out = {c: None for c in TTD_COLUMNS}
        out["ttd_id"] = str(cell.get("TTD ID") or f"TTD{i + 1:03d}")
        for label, column in ANNEX_COLUMNS.items():
            if column == "ttd_id" or label not in cell or _blank(cell[label]):
                continue
            value = cell[label]
            if column in LABELS:
                lookup = {k.lower(): v for k, v in LABELS[column].items()}
                code = lookup.get(str(value).strip().lower())
                if code is None:
                    fail(i, label, value, f"is not one of {sorted(LABELS[column])}")
                out[column] = code
            elif column == "signatories":
                parts = [n.strip() for n in str(value).split(";") if n.strip()]
                unknown = [n for n in parts if codes.get(n) is None]
                if unknown:
                    fail(i, label, unknown, "are not country names (or 'European Union')")
                out[column] = ";".join(codes.get(n) or "???" for n in parts)
            elif column == "accessions":
                items = []
                for part in [p for p in str(value).split(";") if p.strip()]:
                    match = _ACCESSION.match(part)
                    if not match or codes.get(match["name"]) is None:
                        fail(i, label, part, "is not 'Country name (year)'")
                        continue
                    items.append(f"{codes[match['name']]}:{match['year']}")
                out[column] = ";".join(items) or None
            elif column == "text_available":
                flag = YES.get(str(value).strip().lower())
                if flag is None:
                    fail(i, label, value, "is not yes/no")
                out[column] = flag
            else:
                out[column] = value
        provisions = DIGITAL_PROVISIONS if out["theme"] == "digital" else CRM_PROVISIONS
        for column, label in provisions.items():
            if label not in cell or _blank(cell[label]):
                continue
            value = cell[label]
            if column in INVESTMENT_COLUMNS:
                scale = {v.lower(): k for k, v in INVESTMENT_SCALE.items()}
                text = str(value).strip().lower()
                level = scale.get(text)
                if level is None and re.fullmatch(r"[0-3](\.0)?", text):
                    level = int(float(text))
                if level is None:
                    fail(i, label, value, "is not a level 0-3 of the annex investment scale")
                out[column] = level
            else:
                flag = YES.get(str(value).strip().lower())
                if flag is None:
                    fail(i, label, value, "is not yes/no")
                out[column] = None if flag is None else int(flag)
        records.append(out)
    if problems:
        raise AnnexFormatError(
            f"source {SOURCE}: file {file}: cells that cannot be converted:\n  - "
            + "\n  - ".join(problems)
        )
    frame = pd.DataFrame(records, columns=TTD_COLUMNS)
    frame["year_in_force"] = pd.to_numeric(frame["year_in_force"]).astype("Int64")
    return validate_ttd(frame, file=f"{file} (converted from the annex layout)")


def read_user_ttd(path) -> pd.DataFrame:
    """The user's TTD file in either layout: the schema's (``ttd_id``, ``signatories`` as ISO3
    codes, ...) or the annexes' wide layout (``Agreement name``, country names, provision labels),
    recognised by its header and converted. Validated either way."""
    from gvcneg.empirics.gvcdr2025_ch8.ttd_schema import _read_table, load_ttd

    path = Path(path)
    if path.is_file():
        try:
            header = _read_table(path).columns
        except Exception:  # unreadable: load_ttd reports it
            header = []
        if "Agreement name" in header and "ttd_id" not in header:
            return from_annex_wide(_read_table(path), file=str(path))
    return load_ttd(path)


def convert_annex_file(source, target) -> pd.DataFrame:
    """Read a wide annex-layout spreadsheet (xlsx or CSV) and write the schema table."""
    source, target = Path(source), Path(target)
    wide = (
        pd.read_excel(source) if source.suffix.lower() in (".xlsx", ".xls") else pd.read_csv(source)
    )
    deals = from_annex_wide(wide, file=str(source))
    if target.suffix.lower() == ".xlsx":
        deals.to_excel(target, index=False)
    else:
        deals.to_csv(target, index=False)
    return deals


def main(argv=None) -> int:
    """``python -m ...ttd_template DIR`` writes the templates; ``... convert IN OUT`` converts."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "convert":
        deals = convert_annex_file(argv[1], argv[2])
        print(f"wrote {argv[2]}: {len(deals)} deals in the TTD schema")
    else:
        for path in write_template(argv[0] if argv else "sources/templates"):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
