"""What the model must return when it analyses an answer.

One pydantic model per question (only the canvas fields that question fills), whose field descriptions
are the model's instructions. `strict_schema` turns it into an OpenAI `json_schema`, `skeleton` into a
one-line example for servers that only offer JSON mode; `reading.parse_analysis` reads what comes back.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

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

LIST_FIELDS = {"characteristics", "needs", "behaviours", "jobs", "pains", "gains", "evidence", "assumptions",
                "linked_segments"}
INT_FIELDS = {"priority_value", "priority_fit"}


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
    if name in LIST_FIELDS:
        return list[str], Field(description=desc)
    if name == "segment_type":
        return SegmentUpdate.model_fields[name].annotation, Field(description="Segment type, or null.")
    if name == "validated":
        return bool | None, Field(description=desc + " Null when the answer does not say.")
    if name in INT_FIELDS:
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
