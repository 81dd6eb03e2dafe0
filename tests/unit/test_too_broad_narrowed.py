"""Too broad is a target with nothing that narrows it (issue 9, kind 6): a group with a narrowing attached
(a place, a sector, a size, a clause) is not flagged on a guess; a bare broad target still is. Phrasings
written for these tests, in no scenario or corpus file."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas
from assistant.understanding.base import DetectionContext
from tests.contexts import context, read_flags


def _flags(question: str, answer: str, lang: str) -> set[str]:
    return read_flags(context(question, answer, lang))


@pytest.mark.parametrize(("lang", "pitch"), [
    ("fr", "Une appli de covoiturage pour les salariés des zones industrielles."),
    ("fr", "Un logiciel de planning pour les infirmières libérales des zones rurales."),
    ("en", "A rota app for the cleaners of student residences."),
])
def test_a_pitch_for_a_narrowed_group_is_not_too_broad(lang: str, pitch: str) -> None:
    assert "too_broad" not in _flags("intake", pitch, lang)


@pytest.mark.parametrize(("lang", "answer"), [("fr", "Les PME"), ("en", "SMEs"), ("fr", "les gens de tous ages"),
                                              ("en", "basically anyone with a phone")])
def test_a_bare_broad_target_is_too_broad(lang: str, answer: str) -> None:
    assert "too_broad" in _flags("for_whom", answer, lang)


@pytest.mark.parametrize("answer", [
    "the surfboard people, they snap a fin every other month",
    "those climbing gym people who boulder three nights a week",
    "our sourdough people mostly, they bake every weekend",
])
def test_a_noun_modifier_after_a_determiner_narrows_a_broad_head(answer: str) -> None:
    """"the doodle people": a founder's shorthand for a precise group (a content word between a determiner
    and the broad noun modifies it), not "people" in general; "helps people" has no determiner before the verb."""
    assert "too_broad" not in _flags("most_important", answer, "en")


@pytest.mark.parametrize("answer", ["our app helps people save time", "the other people too, really anyone"])
def test_a_verb_or_other_before_a_broad_head_does_not_narrow_it(answer: str) -> None:
    assert "too_broad" in _flags("most_important", answer, "en")


@pytest.mark.parametrize("pitch", [
    "A shared-flat app that works out everyone's share of the rent and collects it on the 1st.",
    "we plan the rota for a kitchen team and send everyones hours to their phone",
])
def test_a_broad_word_that_owns_a_thing_names_no_target(pitch: str) -> None:
    """Found on a blind scenario ("it works out everyones share", typed without the apostrophe)."""
    assert "too_broad" not in _flags("intake", pitch, "en")


def test_a_possessive_beside_a_broad_target_leaves_it_flagged() -> None:
    assert "too_broad" in _flags("intake", "An app that works out everyone's share of the bills, for everyone.",
                                 "en")


@pytest.mark.parametrize(("answer", "flagged"), [
    ("students. like all students honestly, first years to phds", True),  # "like" opens on a filler
    ("honestly we are like everyone else in this market", False),  # "like" compares
])
def test_like_compares_only_inside_a_clause(answer: str, flagged: bool) -> None:
    """The rule detector alone (the classifier heads weigh its hit): a filler "like" is no comparison."""
    from assistant.understanding.mistakes import detect

    ctx = DetectionContext(question_id="for_whom", answer=answer, language="en", canvas=Canvas(), answers={})
    assert ("too_broad" in {d.mistake_id for d in detect(ctx)}) is flagged
