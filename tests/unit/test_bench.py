"""The benchmark suite's pure pieces: summaries, options, the fake model's answers, the table."""

from __future__ import annotations

import json

import pytest

from assistant.coach.llm.reading import parse_analysis
from assistant.coach.llm.schema import analysis_model, strict_schema
from benchmarks.model_server import count_tokens, instance
from benchmarks.plan import parse_pair, parse_triple
from benchmarks.report import lookup, table
from benchmarks.stats import median, p95, percentile


def test_percentiles_interpolate_and_refuse_nothing() -> None:
    values = [float(v) for v in range(1, 101)]
    assert median(values) == 50.5
    assert p95(values) == pytest.approx(95.05)
    assert percentile([7.0], 0.95) == 7.0
    with pytest.raises(ValueError, match="no measurement"):
        p95([])


@pytest.mark.parametrize("question", ["intake", "for_whom", "evidence", "priority"])
def test_the_fake_model_answers_every_analysis_schema_with_a_readable_instance(question: str) -> None:
    schema = strict_schema(analysis_model(question))  # type: ignore[arg-type]
    parsed = parse_analysis(json.dumps(instance(schema)), question)  # type: ignore[arg-type]
    assert parsed.model_dump()["usable"] is True


def test_token_count_is_words_and_punctuation() -> None:
    assert count_tokens("Hello, world!") == 4


def test_options_are_checked_with_a_clear_message() -> None:
    assert parse_pair("5,30") == (5.0, 30.0)
    assert parse_pair("0") == (0.0, 0.0)
    assert parse_triple("1,50,200") == (1, 50, 200)
    with pytest.raises(ValueError, match="MIN,MAX"):
        parse_pair("30,5")
    with pytest.raises(ValueError, match="three positive"):
        parse_triple("1,50")


def test_table_marks_missed_targets() -> None:
    results = {"offline_turn_ms": {"p50": 40.0, "p95": 90.0}, "machine": {"cores": 2}, "run": {}}
    assert lookup(results, "offline_turn_ms.p95") == 90.0
    assert lookup(results, "nothing.here") is None
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(table(results))
    row = next(line for line in console.export_text().splitlines() if "offline turn p95" in line)
    assert "NO" in row


def test_founders_on_the_same_scenario_send_different_texts_that_read_the_same() -> None:
    from assistant.understanding.intake import read_message
    from benchmarks.sessions import invisible_tag

    tags = {invisible_tag(n) for n in range(300)}
    assert len(tags) == 300
    text = "Independent dental practices that still book appointments by phone."
    plain = read_message(text, session_language="en", max_chars=4000)
    tagged = read_message(text + invisible_tag(41), session_language="en", max_chars=4000)
    assert tagged.text != plain.text  # the tag survives the reader's cleaning: no shared cache entry
    assert (tagged.kind, tagged.language) == (plain.kind, plain.language)


def test_a_local_model_session_that_cannot_run_is_skipped_with_its_reason() -> None:
    import asyncio
    from pathlib import Path

    from benchmarks.plan import QUICK
    from benchmarks.report import REQUIRED
    from benchmarks.run import llm_section

    ticks: list[int] = []
    results = asyncio.run(llm_section(QUICK, Path("/nonexistent"), lambda: ticks.append(1)))
    assert results["llm_session_s"]["smollm2"] is None and "--quick" in results["llm_session_s"]["skipped"]
    assert ticks == [1]
    assert "llm_session_s.smollm2" not in REQUIRED  # a machine without the server still writes valid results
    from rich.console import Console

    console = Console(width=300, record=True)
    console.print(table({**results, "machine": {}}))
    row = next(line for line in console.export_text().splitlines() if "SmolLM2" in line)
    assert "skipped: not in --quick" in row
