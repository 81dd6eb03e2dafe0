"""What the room shows of the canvas versions: the history as a Markdown table and a side-by-side diff of two
versions (one row per changed field: segment, field, the value in each version).

Pure functions, no Chainlit. Founder text goes into table cells escaped (`cell`): Markdown marks, pipes and
line breaks show as typed, and the message is passed through `safe_markdown` before it is sent, so HTML and
links stay text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from assistant.canvas import field_names as names
from assistant.canvas.versions import CanvasVersion, FieldChange, diff, value_at
from assistant.domain import Language, as_language
from assistant.prompts import Prompts
from assistant.ui.catalogue import BySection

# The tables' column heads and the history's texts by language: prompts/<lang>/ui.yaml, section `history`.
COLUMNS: Mapping[str, dict[str, tuple[str, ...]]] = BySection(
    lambda c: {"history": tuple(c.history.columns.history), "diff": tuple(c.history.columns.diff)})
TEXTS: Mapping[str, dict[str, str]] = BySection(lambda c: c.history.texts)
# Brackets as entities rather than backslash escapes: `safe_markdown` looks for links by their brackets.
_MARKS = str.maketrans({**{c: "\\" + c for c in "\\`*_~|#"}, "[": "&#91;", "]": "&#93;"})


def _lang(language: str) -> Language:
    return as_language(language)


def text(language: str, key: str, **values: object) -> str:
    """One of the history's texts (`TEXTS`) in the language, filled with `values`."""
    return TEXTS[_lang(language)][key].format(**values)


def cell(value: object, limit: int = 300) -> str:
    """Founder text for one table cell: one line, Markdown marks and pipes escaped, at most `limit` chars."""
    text = " ".join(str(value or "").split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text.translate(_MARKS) or "—"


def field_label(field: str, language: str) -> str:
    """A changed field as the founder reads it, record keys (founder text) escaped."""
    return names.field_label(field, language, cell)


def when(at: str, language: str) -> str:
    try:
        return datetime.fromisoformat(at).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return TEXTS[_lang(language)]["unknown_date"]


def _row(values: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def _table(head: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows)]


def _summary(version: CanvasVersion, language: str) -> str:
    """What changed in a version, in the founder's words (already escaped)."""
    texts = TEXTS[_lang(language)]
    if version.changes is None:
        return texts["first"]
    parts = [f"{texts['added']} {cell(n)}" for n in version.changes.added]
    parts += [f"{texts['removed']} {cell(n)}" for n in version.changes.removed]
    parts += [f"{cell(c.name)} : " + ", ".join(dict.fromkeys(field_label(f.field, language) for f in c.fields))
              for c in version.changes.changed]
    parts += [field_label(f.field, language) for f in version.changes.canvas]
    return " ; ".join(parts) or "—"


def history_markdown(versions: list[CanvasVersion], language: str, prompts: Prompts) -> str:
    """The versions, oldest first, as a table: number, date, the question reopened, what changed."""
    texts = TEXTS[_lang(language)]
    if not versions:
        return texts["none"]
    lang = _lang(language)
    rows = []
    for v in versions:
        question = prompts.text(lang, f"topics.{v.question_id}") if v.changes and v.question_id else "—"
        rows.append([str(v.number), when(v.at, language), cell(question), _summary(v, language)])
    return "\n".join([f"**{texts['history']}**", "", *_table(COLUMNS[_lang(language)]["history"], rows)])


def _items(seg: dict[str, Any] | None, change: FieldChange, side: str) -> str:
    """One side of a changed field: a text field's value, or a list's items with those added (+) or
    removed (−) marked."""
    if not (change.added or change.removed):
        return cell(change.before if side == "before" else change.after)
    found = value_at(seg or {}, change.field)
    items = [str(i) for i in found] if isinstance(found, list) else []
    marked = set(change.removed if side == "before" else change.added)
    sign = "−" if side == "before" else "+"
    return " ; ".join(f"**{sign} {cell(i)}**" if i in marked else cell(i) for i in items) or "—"


def _segment(content: dict[str, Any], name: str) -> dict[str, Any] | None:
    key = name.strip().casefold()
    return next((s for s in content.get("segments") or [] if str(s.get("name", "")).strip().casefold() == key),
                None)


def diff_markdown(old: CanvasVersion, new: CanvasVersion, language: str) -> str:
    """A side-by-side diff of two versions: one row per segment added or removed and per changed field."""
    texts = TEXTS[_lang(language)]
    d = diff(old, new)
    title = f"**{texts['diff'].format(a=old.number, b=new.number)}**"
    if d.empty:
        return f"{title}\n\n{texts['no_change']}"
    head = (*COLUMNS[_lang(language)]["diff"], f"v{old.number}", f"v{new.number}")
    rows = [[cell(n), texts["added"], "—", cell(_describe(_segment(new.content, n)))] for n in d.added]
    rows += [[cell(n), texts["removed"], cell(_describe(_segment(old.content, n))), "—"] for n in d.removed]
    for c in d.changed:
        before, after = _segment(old.content, c.name), _segment(new.content, c.name)
        rows += [[cell(c.name), field_label(f.field, language), _items(before, f, "before"), _items(after, f, "after")]
                 for f in c.fields]
    rows += [[texts["canvas"], field_label(f.field, language), _items(old.content, f, "before"),
              _items(new.content, f, "after")] for f in d.canvas]
    return "\n".join([title, "", *_table(head, rows)])


def _describe(seg: dict[str, Any] | None) -> str:
    if not seg:
        return ""
    return " — ".join(str(v) for v in (seg.get("name"), seg.get("who")) if v)


def compare_pairs(versions: list[CanvasVersion], limit: int = 4) -> list[tuple[int, int]]:
    """The other comparisons offered under the history: each earlier version against the latest one."""
    if len(versions) < 3:
        return []
    latest = versions[-1].number
    return [(v.number, latest) for v in versions[:-2]][-limit:]
