"""Too broad is a target with nothing that narrows it (issue 9, kind 6): a group with a narrowing attached
(a place, a sector, a size, a clause) is not flagged on a guess; a bare broad target still is. Phrasings
written for these tests, in no scenario or corpus file."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas
from assistant.text.vectors import embed_queries
from assistant.understanding.base import DetectionContext
from assistant.understanding.reader import read_mistakes


def _flags(question: str, answer: str, lang: str) -> set[str]:
    ctx = DetectionContext(question_id=question, answer=answer, language=lang,  # type: ignore[arg-type]
                           canvas=Canvas(), answers={})
    return {d.mistake_id for d in read_mistakes(ctx, embed_queries)}


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
