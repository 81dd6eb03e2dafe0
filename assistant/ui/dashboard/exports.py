"""The dashboard's downloads: the founders' table as CSV, and every canvas as Markdown and JSON in one ZIP
(the same files as the room's export button: canvas_view.export_props)."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from assistant.cohorts.overview import FounderRow, SessionFacts
from assistant.ui.canvas_view import export_props

COLUMNS = ["founder", "cohort", "sessions", "thread_id", "progress_percent", "segments", "validated",
           "partially_validated", "assumption", "open_critiques", "last_activity", "model_calls", "tokens"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text  # a spreadsheet never runs a cell as a formula


def table_csv(rows: list[FounderRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for r in rows:
        critiques = ";".join(f"{k}:{v}" for k, v in sorted(r.open_critiques.items()))
        writer.writerow([_cell(v) for v in (
            r.founder, r.cohort, r.sessions, r.thread_id, r.percent, r.segments, r.validation.get("validated", 0),
            r.validation.get("partially_validated", 0), r.validation.get("assumption", 0), critiques,
            r.last_activity, r.model_calls, r.tokens)])
    return buf.getvalue()


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._@+-]", "_", name)[:80] or "_"


def canvases_zip(facts: list[SessionFacts], language: str) -> bytes:
    """`<founder>/<thread id>.md` and `.json` for every session."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for fact in facts:
            for file in export_props(fact.canvas, language)["files"]:
                archive.writestr(f"{_safe(fact.owner)}/{_safe(fact.thread_id)}.{file['format']}", file["content"])
    return buf.getvalue()
