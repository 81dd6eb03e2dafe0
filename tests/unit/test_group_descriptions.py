"""A bullet or a fragment that describes the group named before it is no group of its own: "- with a setting
team of 2 to 6 people", "- Losing 25% of treated water" (what a founder sees: no segment called "With a setting
team" or "Losing" on the canvas); a group whose first word merely ends like a verb ("Nursing homes") still is."""

from __future__ import annotations

import pytest

from assistant.text.tokens import tokenise
from assistant.text.vectors import embed_queries
from assistant.understanding.extract import groups_updates
from assistant.understanding.group_descriptions import describes
from assistant.understanding.platform import platform_sides


@pytest.mark.parametrize("answer", [
    "- independent bike shops in the Midwest\n- 2 to 5 mechanics\n- with a service desk that still books on paper",
    "- Rural water districts in Ohio\n- Serving 2,000 to 20,000 people\n- Losing a third of their water to leaks",
    "- les cabinets d'architectes de 3 à 10 personnes\n- sans dessinateur à plein temps\n- avec des dossiers "
    "de permis en retard",
])
def test_describing_bullets_add_no_segment(answer: str) -> None:
    segments = [u.segment for u in groups_updates(answer, embed_queries)]
    assert len(segments) == 1, segments


@pytest.mark.parametrize(("text", "expected"), [
    ("with a setting team of 2 to 6", True), ("Losing 25% of treated water", True),
    ("Accompagner leurs enfants", True), ("sans salarié", True),
    ("Nursing homes in Ohio", False), ("wedding planners", False), ("les boulangers", False),
])
def test_describes(text: str, expected: bool) -> None:
    assert describes(tokenise(text)) is expected


def test_two_groups_of_a_nursing_answer_stay_two() -> None:
    segments = [u.segment for u in groups_updates("Nursing homes in Ohio, and home care agencies", embed_queries)]
    assert len(segments) == 2, segments


def test_platform_sides_in_the_sentence_after_the_marker() -> None:
    sides = platform_sides("It's a marketplace. Landlords list spare garages, tradespeople rent them by the month.")
    assert len(sides) == 2


def test_when_the_reader_reads_no_group_the_rule_groups_are_cleaned(monkeypatch: pytest.MonkeyPatch) -> None:
    # The fallback path: the group reader reads nothing, the rule reader's groups are used, cleaned of asides,
    # descriptions and a bare group restated with its qualifiers.
    from assistant.understanding import extract
    from assistant.understanding.group_reader import GroupReading

    monkeypatch.setattr(extract, "read_group_list", lambda answer, embed: GroupReading())
    answer = ("For the interpreters. It is for them I do this, the freelance legal interpreters who are on the "
              "national register and who are exploited by the agencies.")
    segments = [u.segment for u in groups_updates(answer, embed_queries)]
    assert sum("nterpreters" in s for s in segments) == 1, segments
    answer = "- toute personne qui ne nage pas bien\n- à énormément de gens, du collégien au papi"
    segments = [u.segment for u in groups_updates(answer, embed_queries)]
    assert segments and not any(s.startswith("À") for s in segments), segments
