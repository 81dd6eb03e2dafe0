"""Structured output: the strict schema we send, and the tolerant reader of what comes back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.coach.llm.reading import extract_json, parse_analysis
from assistant.coach.llm.schema import QUESTION_FIELDS, SchemaError, analysis_model, skeleton, strict_schema
from assistant.domain import QUESTION_IDS


def _objects(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            found.append(node)
        for value in node.values():
            found += _objects(value)
    elif isinstance(node, list):
        for value in node:
            found += _objects(value)
    return found


@pytest.mark.parametrize("question_id", QUESTION_IDS)
def test_strict_schema_is_what_openai_strict_mode_accepts(question_id: str) -> None:
    schema = strict_schema(analysis_model(question_id))  # type: ignore[arg-type]
    text = json.dumps(schema)
    assert '"default"' not in text and '"minimum"' not in text
    for obj in _objects(schema):
        assert obj["additionalProperties"] is False
        assert set(obj["required"]) == set(obj["properties"])


def test_each_question_asks_only_for_its_own_fields() -> None:
    pains = analysis_model("pains")
    segment = pains.model_fields["updates"].annotation.__args__[0]  # type: ignore[union-attr]
    assert set(segment.model_fields) == {"segment", "pains"}
    assert "updates" not in analysis_model("intake").model_fields
    assert "startup" in analysis_model("intake").model_fields
    assert "focus_segment" in analysis_model("most_important").model_fields
    assert set(QUESTION_FIELDS) == set(QUESTION_IDS)


def test_skeleton_is_json_that_names_every_key() -> None:
    shape = json.loads(skeleton(analysis_model("evidence")))
    assert set(shape) == {"updates", "findings", "follow_up", "usable"}
    assert set(shape["updates"][0]) == {"segment", "evidence", "validated", "assumptions"}
    assert "too_broad" in shape["findings"][0]["mistake_id"]


def test_reads_fenced_json_with_prose_around_it() -> None:
    reply = ('Sure! Here it is:\n```json\n{"updates": [{"segment": "Parents", "pains": ["queues"]}], '
             '"findings": [], "follow_up": "", "usable": true}\n```\nHope it helps.')
    out = parse_analysis(reply, "pains").model_dump()
    assert out["updates"] == [{"segment": "Parents", "pains": ["queues"]}]


def test_forgives_strings_for_lists_wrappers_unknown_keys_and_bad_items() -> None:
    reply = json.dumps({"analysis": {
        "updates": {"name": "Parents", "pains": "queues", "mood": "happy"},
        "findings": [{"mistake_id": "made_up"},
                     {"mistake_id": "too_broad", "evidence": "everyone", "cited": "x#y"}],
        "usable": "yes", "confidence": 0.9,
    }})
    out = parse_analysis(reply, "pains").model_dump()
    assert out["updates"] == [{"segment": "Parents", "pains": ["queues"]}]
    assert [f["mistake_id"] for f in out["findings"]] == ["too_broad"]
    assert out["findings"][0]["cited"] == ["x#y"]
    assert out["usable"] is True and out["follow_up"] == ""


def test_ratings_and_booleans_are_coerced() -> None:
    reply = json.dumps({"updates": [{"segment": "A", "priority_value": "4/5", "priority_fit": 9}],
                        "focus_segment": "A", "findings": []})
    out = parse_analysis(reply, "priority").model_dump()
    assert out["updates"][0]["priority_value"] == 4 and out["updates"][0]["priority_fit"] is None
    reply = json.dumps({"updates": [{"segment": "A", "validated": "false"}]})
    ev = parse_analysis(reply, "evidence").model_dump()
    assert ev["updates"][0]["validated"] is False


@pytest.mark.parametrize("reply", [
    "I think the founder targets parents.",  # no JSON at all
    '{"updates": [{"segment": "Parents"',  # truncated
    '{"name": "SmolLM", "age": 2}',  # JSON that ignores the schema
    "[1, 2, 3]",
])
def test_output_that_breaks_the_schema_is_refused(reply: str) -> None:
    with pytest.raises(SchemaError):
        parse_analysis(reply, "pains")


def test_extract_json_takes_the_first_object() -> None:
    assert extract_json('noise {"a": 1} {"b": 2}') == {"a": 1}
