"""Canvas versions: what the founder owns in the canvas, frozen at the first summary and at every accepted
change after it, and a structural diff of two versions (segments added, removed, changed field by field).

Pure functions over pydantic models; the graph stores the version list with the session (state key
`versions`), the room and the CLI read it through `CoachSession.versions`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas.models import Canvas

# What a version does not hold: the coach's notes and bookkeeping, not the founder's canvas.
NOT_VERSIONED = frozenset({"schema_version", "language", "critiques", "open_questions", "metadata", "version"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldChange(_Strict):
    """One field that differs: list fields give the items `added` and `removed`, other fields their text
    `before` and `after` ("" when empty). `field` is dotted below a segment or the canvas ("priority.rank")."""

    field: str
    before: str = ""
    after: str = ""
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class SegmentChange(_Strict):
    name: str
    fields: list[FieldChange]


class CanvasDiff(_Strict):
    """From version `before` to version `after`: segments matched by name (case-insensitive); a renamed
    segment is one removed and one added."""

    before: int
    after: int
    added: list[str] = Field(default_factory=list, description="Names of the segments only in `after`.")
    removed: list[str] = Field(default_factory=list, description="Names of the segments only in `before`.")
    changed: list[SegmentChange] = Field(default_factory=list)
    canvas: list[FieldChange] = Field(default_factory=list, description="Startup, focus and other canvas fields.")

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.canvas)


class CanvasVersion(_Strict):
    """One version: its number (1 = the first summary), when it was made (ISO 8601; "" when unknown, for a
    session finished before versions existed), the question open when the change came, how the founder's
    turn was read ("answer", "command", ...), what changed from the previous version (None for version 1)
    and the versioned content itself (`snapshot`)."""

    number: int = Field(ge=1)
    at: str = ""
    question_id: str = ""
    kind: str = ""
    changes: CanvasDiff | None = None
    content: dict[str, Any]


def snapshot(canvas: Canvas) -> dict[str, Any]:
    """The versioned part of a canvas as JSON values: every field but the coach's notes and bookkeeping
    (`NOT_VERSIONED`), so a field added to the canvas later is versioned too."""
    return {k: v for k, v in canvas.model_dump(mode="json").items() if k not in NOT_VERSIONED}


ITEM_KEYS = ("segment", "name")  # what tells apart the records of a list (a persona by its segment)
_PATH = re.compile(r"([^.\[\]]+)(?:\[([^\]]*)\])?")


def _is_fact(value: Any) -> bool:
    return isinstance(value, dict) and {"value", "source"} <= value.keys()


def plain(value: Any) -> Any:
    """A value as the founder reads it: a traced fact (`{"value": ..., "source": ...}`, e.g. a persona
    field) is its value, a list of them the non-empty values; anything else as it is."""
    if _is_fact(value):
        return value["value"]
    if isinstance(value, list) and value and all(_is_fact(v) for v in value):
        return [str(v["value"]) for v in value if str(v["value"]).strip()]
    return value


def _keyed(value: Any) -> dict[str, dict[str, Any]] | None:
    """A list of records by their key (`ITEM_KEYS`), or None when it is not one."""
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        return None
    keys = [next((v[k] for k in ITEM_KEYS if isinstance(v.get(k), str)), None) for v in value]
    return None if None in keys else dict(zip(keys, value, strict=True))  # type: ignore[arg-type]


def value_at(content: dict[str, Any], field: str) -> Any:
    """The value (`plain`) at a `FieldChange.field` path of a snapshot or segment ("pains",
    "priority.rank", "personas[Parents].moment"); None when the path leads nowhere."""
    node: Any = content
    for name, key in _PATH.findall(field):
        node = node.get(name) if isinstance(node, dict) else None
        if key:
            node = (_keyed(node) or {}).get(key)
        node = plain(node)
    return node


def _text(value: Any) -> str:
    value = plain(value)
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, bool | int | float):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _records(name: str, a: Any, b: Any) -> list[FieldChange] | None:
    """Two lists of records compared record by record ("personas[Parents].pains"); None when they are not."""
    ka, kb = _keyed(a), _keyed(b)
    if (ka is None and a) or (kb is None and b) or (ka is None and kb is None):
        return None
    ka, kb = ka or {}, kb or {}
    out: list[FieldChange] = []
    for key in list(ka) + [k for k in kb if k not in ka]:
        if key in ka and key in kb:
            out += _fields(ka[key], kb[key], f"{name}[{key}].")
        else:
            out.append(FieldChange(field=f"{name}[{key}]", before=key if key in ka else "",
                                   after=key if key in kb else ""))
    return out


def _fields(before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> list[FieldChange]:
    out: list[FieldChange] = []
    for key in list(before) + [k for k in after if k not in before]:
        a, b = plain(before.get(key)), plain(after.get(key))
        if a == b:
            continue
        name = f"{prefix}{key}"
        records = _records(name, a, b)
        if records is not None:
            out += records
        elif isinstance(a, dict) and isinstance(b, dict):
            out += _fields(a, b, f"{name}.")
        elif _is_text_list(a or []) and _is_text_list(b or []) and (isinstance(a, list) or isinstance(b, list)):
            old, new = [v for v in a or []], [v for v in b or []]
            old_keys, new_keys = {v.casefold() for v in old}, {v.casefold() for v in new}
            added = [v for v in new if v.casefold() not in old_keys]
            removed = [v for v in old if v.casefold() not in new_keys]
            if added or removed:
                out.append(FieldChange(field=name, added=added, removed=removed))
        else:
            out.append(FieldChange(field=name, before=_text(a), after=_text(b)))
    return out


def _by_name(content: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(s.get("name", "")).strip().casefold(): s for s in content.get("segments") or []}


def diff(old: CanvasVersion, new: CanvasVersion) -> CanvasDiff:
    """The structural difference between two versions (any two, in either order)."""
    return diff_content(old.content, new.content, old.number, new.number)


def diff_content(old: dict[str, Any], new: dict[str, Any], before: int = 0, after: int = 0) -> CanvasDiff:
    """The structural difference between two snapshots; `before`/`after` are their version numbers."""
    old_segs, new_segs = _by_name(old), _by_name(new)
    changed = []
    for key, seg in new_segs.items():
        if key in old_segs:
            fields = _fields(old_segs[key], seg)
            if fields:
                changed.append(SegmentChange(name=str(seg.get("name", "")), fields=fields))
    top_old = {k: v for k, v in old.items() if k != "segments"}
    top_new = {k: v for k, v in new.items() if k != "segments"}
    return CanvasDiff(
        before=before, after=after,
        added=[str(s.get("name", "")) for k, s in new_segs.items() if k not in old_segs],
        removed=[str(s.get("name", "")) for k, s in old_segs.items() if k not in new_segs],
        changed=changed, canvas=_fields(top_old, top_new),
    )


def next_version(versions: list[CanvasVersion], canvas: Canvas, *, at: str, question_id: str = "",
                 kind: str = "") -> CanvasVersion | None:
    """The version `canvas` makes after `versions` (oldest first), or None when its versioned content is the
    latest version's (the coach's notes, usage counters or language changed, nothing the founder owns)."""
    content = snapshot(canvas)
    if versions and versions[-1].content == content:
        return None
    last = versions[-1] if versions else None
    return CanvasVersion(
        number=(last.number + 1) if last else 1, at=at, question_id=question_id, kind=kind, content=content,
        changes=diff_content(last.content, content, last.number, last.number + 1) if last else None,
    )


def load_versions(values: list[dict[str, Any]] | None) -> list[CanvasVersion]:
    """Versions from their stored dumps (a state without the key, from before versions existed: none)."""
    return [CanvasVersion.model_validate(v) for v in values or []]


def find(versions: list[CanvasVersion], number: int) -> CanvasVersion:
    """The version numbered `number`; raises KeyError when there is none."""
    for v in versions:
        if v.number == number:
            return v
    raise KeyError(f"no canvas version {number}")
