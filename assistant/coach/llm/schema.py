"""What the model must return when it analyses an answer, and a tolerant reader for what it does return.

One pydantic model per question (only the canvas fields that question fills), whose field descriptions
are the model's instructions. `strict_schema` turns it into an OpenAI `json_schema`; `parse_analysis`
reads JSON-mode or plain-text output: code fences, prose around the object, a wrapped object, strings
for lists, unknown keys and bad items are forgiven; an output with none of the expected keys is not.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from assistant.coach.base import SegmentUpdate
from assistant.domain import MISTAKE_IDS, SEGMENT_TYPES, MistakeId, QuestionId


class SchemaError(ValueError):
    """The model's output cannot be read as an analysis."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ModelFinding(_Strict):
    mistake_id: MistakeId = Field(description="Id of the common mistake this answer shows.")
    evidence: str = Field(description="An exact quote of the founder's words that shows the mistake.")
    cited: list[str] = Field(description="Ids of the passages (from the <passage id=...> tags) that back it.")
    message: str = Field(description="One short, kind sentence saying why it is a problem.")


# The canvas fields an answer to each question may fill (besides the segment name).
QUESTION_FIELDS: dict[str, tuple[str, ...]] = {
    "intake": (),
    "for_whom": ("who", "segment_type", "type_rationale", "linked_segments"),
    "most_important": ("who", "segment_type", "type_rationale"),
    "characteristics": ("characteristics", "needs", "behaviours"),
    "jobs": ("jobs",),
    "pains": ("pains",),
    "gains": ("gains",),
    "buyer_user": ("buyer", "user"),
    "evidence": ("evidence", "validated", "assumptions"),
    "priority": ("priority_value", "priority_fit"),
    "summary": (),
}

_LIST_FIELDS = {"characteristics", "needs", "behaviours", "jobs", "pains", "gains", "evidence", "assumptions",
                "linked_segments"}
_INT_FIELDS = {"priority_value", "priority_fit"}


# What each canvas field means, for the model (the field descriptions are its instructions).
_DESCRIPTIONS = {
    "who": "Who they are, in the founder's words.",
    "type_rationale": "One sentence on why this segment type fits.",
    "linked_segments": "For a multi-sided platform: the names of the other sides.",
    "characteristics": "Traits that set them apart (not only age, gender or city).",
    "needs": "What they need or want, as the founder says it.",
    "behaviours": "What they actually do today (habits, how they buy, what they use).",
    "jobs": "Jobs to be done: tasks or goals they are trying to get done.",
    "pains": "Frustrations, risks, costs or obstacles they meet while doing those jobs.",
    "gains": "Outcomes and benefits they hope for, beyond removing the pains.",
    "buyer": "Who decides and pays.",
    "user": "Who uses the product day to day.",
    "evidence": "Interviews, data, pilots, sales or sign-ups the founder reports, with their numbers.",
    "assumptions": "What is still assumed, not yet backed by evidence.",
    "priority_value": "Value of the segment to the business, as the founder rates it.",
    "priority_fit": "Fit with what the startup can deliver, as the founder rates it.",
}


def _segment_field(name: str) -> tuple[Any, Any]:
    desc = _DESCRIPTIONS.get(name) or SegmentUpdate.model_fields[name].description or name.replace("_", " ")
    if name in _LIST_FIELDS:
        return list[str], Field(description=desc)
    if name == "segment_type":
        return SegmentUpdate.model_fields[name].annotation, Field(description="Segment type, or null.")
    if name == "validated":
        return bool | None, Field(description=desc + " Null when the answer does not say.")
    if name in _INT_FIELDS:
        return int | None, Field(description=desc + " A rating from 1 to 5, or null.")
    return str, Field(description=desc)


@lru_cache(maxsize=16)
def analysis_model(question_id: QuestionId) -> type[BaseModel]:
    """The structured output for an answer to `question_id` (every field required, as strict mode wants)."""
    fields = QUESTION_FIELDS.get(question_id, ())
    top: dict[str, Any] = {}
    if fields:
        seg_fields: dict[str, Any] = {
            "segment": (str, Field(description="Name of the segment: an existing one, or a new one.")),
        }
        seg_fields.update({name: _segment_field(name) for name in fields})
        segment = create_model(f"Segment_{question_id}", __base__=_Strict, **seg_fields)
        top["updates"] = (list[segment], Field(  # type: ignore[valid-type]
            description="What the answer says, one entry per segment it is about. Only the founder's own "
                        "words: never invent, never complete."))
    if question_id == "intake":
        top["startup"] = (str, Field(description="What the startup does, in one sentence from the answer."))
    if question_id in ("most_important", "priority"):
        top["focus_segment"] = (str, Field(description="Name of the segment to focus on first, or empty."))
    top["findings"] = (list[ModelFinding], Field(description="Mistakes the answer shows; empty if none."))
    top["follow_up"] = (str, Field(description="When there are findings: ONE short question that helps the "
                                               "founder fix the first one by themselves. Otherwise empty."))
    top["usable"] = (bool, Field(description="False only when the answer gives nothing to record."))
    return create_model(f"Analysis_{question_id}", __base__=_Strict, **top)


def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """JSON Schema in the strict form OpenAI structured outputs accept (all keys required, no extras)."""

    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            node = {k: fix(v) for k, v in node.items() if k not in ("default", "title")}
            if node.get("type") == "object" or "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node.get("properties", {}))
            for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                node.pop(key, None)
            return node
        if isinstance(node, list):
            return [fix(v) for v in node]
        return node

    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})
    out = fix(schema)
    if defs:
        out["$defs"] = {name: fix(d) for name, d in defs.items()}
    return dict(out)


def skeleton(model: type[BaseModel]) -> str:
    """A one-line example of the expected JSON, for servers that only offer JSON mode."""

    def example(name: str, annotation: Any) -> Any:
        text = str(annotation)
        if name == "mistake_id":
            return "|".join(MISTAKE_IDS)
        if name == "segment_type":
            return "|".join(SEGMENT_TYPES) + "|null"
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return {k: example(k, f.annotation) for k, f in annotation.model_fields.items()}
        if text.startswith("list["):
            inner = getattr(annotation, "__args__", (str,))[0]
            return [example(name, inner)]
        if "bool" in text:
            return True if name == "usable" else None
        if "int" in text:
            return 3
        return "..."

    shape = {k: example(k, f.annotation) for k, f in model.model_fields.items()}
    return json.dumps(shape, ensure_ascii=False)


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
        if field in _LIST_FIELDS:
            out[field] = _as_list(raw)
        elif field == "segment_type":
            out[field] = raw if raw in SEGMENT_TYPES else None
        elif field == "validated":
            out[field] = _as_bool(raw)
        elif field in _INT_FIELDS:
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
