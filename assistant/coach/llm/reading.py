"""A tolerant reader for the analysis a model returns: JSON-mode or plain-text output, code fences, prose
around the object, a wrapped object, strings for lists, unknown keys and bad items are forgiven; an output
with none of the expected keys is not (`SchemaError`)."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from assistant.coach.llm.schema import INT_FIELDS, LIST_FIELDS, QUESTION_FIELDS, SchemaError, analysis_model
from assistant.domain import MISTAKE_IDS, SEGMENT_TYPES, QuestionId

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def extract_json(text: str) -> Any:
    """The first JSON object in a reply: bare, fenced, or with prose around it."""
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for candidate in candidates:
        for start in [i for i, c in enumerate(candidate) if c in "{["][:20]:
            try:
                value, _ = decoder.raw_decode(candidate[start:])
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict | list):
                return value
    raise SchemaError("no JSON object found in the reply")


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, str | int | float) and str(v).strip()]
    return []


def _as_str(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if isinstance(v, str | int | float))
    return "" if value is None or isinstance(value, dict) else str(value).strip()


def _as_bool(value: Any) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    low = str(value).strip().lower()
    if low in ("true", "yes", "oui", "1"):
        return True
    return False if low in ("false", "no", "non", "0") else None


def _as_rating(value: Any) -> int | None:
    match = re.search(r"[1-5]", str(value)) if value is not None and not isinstance(value, bool) else None
    return int(match.group()) if match else None


def _segment(item: Any, fields: tuple[str, ...]) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        return None
    name = _as_str(item.get("segment") or item.get("name") or item.get("segment_name"))
    if not name:
        return None
    out: dict[str, Any] = {"segment": name[:120]}
    for field in fields:
        raw = item.get(field)
        if field in LIST_FIELDS:
            out[field] = _as_list(raw)
        elif field == "segment_type":
            out[field] = raw if raw in SEGMENT_TYPES else None
        elif field == "validated":
            out[field] = _as_bool(raw)
        elif field in INT_FIELDS:
            out[field] = _as_rating(raw)
        else:
            out[field] = _as_str(raw)
    return out


def _finding(item: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict) or item.get("mistake_id") not in MISTAKE_IDS:
        return None
    return {"mistake_id": item["mistake_id"], "evidence": _as_str(item.get("evidence")),
            "cited": _as_list(item.get("cited")), "message": _as_str(item.get("message"))}


def parse_analysis(text: str, question_id: QuestionId) -> BaseModel:
    """Read the model's reply as the analysis model of `question_id`, forgiving what can be forgiven."""
    data = extract_json(text)
    model = analysis_model(question_id)
    keys = set(model.model_fields)
    if isinstance(data, list):
        data = next((d for d in data if isinstance(d, dict)), {})
    if isinstance(data, dict) and not keys & data.keys() and len(data) == 1:
        inner = next(iter(data.values()))
        data = inner if isinstance(inner, dict) else data
    if not isinstance(data, dict) or not (keys - {"usable"}) & data.keys():
        raise SchemaError(f"the reply has none of the expected keys {sorted(keys)}")
    fields = QUESTION_FIELDS.get(question_id, ())
    out: dict[str, Any] = {}
    if "updates" in keys:
        raw = data.get("updates")
        items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
        out["updates"] = [s for s in (_segment(i, fields) for i in items) if s]
    for key in ("startup", "focus_segment", "follow_up"):
        if key in keys:
            out[key] = _as_str(data.get(key))
    raw_findings = data.get("findings")
    finding_items = raw_findings if isinstance(raw_findings, list) else []
    out["findings"] = [f for f in (_finding(i) for i in finding_items) if f]
    usable = _as_bool(data.get("usable", True))
    out["usable"] = True if usable is None else usable
    try:
        return model.model_validate(out)
    except ValidationError as exc:
        raise SchemaError(str(exc)) from exc
