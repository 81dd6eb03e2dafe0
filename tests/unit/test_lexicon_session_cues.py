"""The words of the breadth, focus and roles detectors live in data (`assistant/lexicon/<lang>/{breadth,focus,
roles}.yaml`): every language's file loads into its strict model, and the detectors read them in both languages."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from assistant.lexicon import words
from assistant.lexicon.breadth import BreadthWords
from assistant.lexicon.focus import FocusWords
from assistant.lexicon.roles import RoleWords
from assistant.understanding.mistakes.aside import sets_a_group_aside
from assistant.understanding.mistakes.breadth import too_broad
from assistant.understanding.mistakes.focus import ignores_underserved, too_many_segments
from assistant.understanding.mistakes.roles import buyer_user_confusion, roles_likely_differ
from tests.contexts import context

MODELS: list[tuple[type[BaseModel], str]] = [(BreadthWords, "breadth"), (FocusWords, "focus"), (RoleWords, "roles")]






def test_each_language_holds_its_own_words() -> None:
    assert "tout le monde" in words(BreadthWords, "breadth", "fr").broad_pronouns
    assert "everyone" in words(BreadthWords, "breadth", "en").broad_pronouns
    assert "ne" in words(FocusWords, "focus", "fr").verb_negation and not words(FocusWords, "focus", "en").verb_negation
    assert "the" in words(FocusWords, "focus", "en").refused_group_openers
    assert "paient" in words(RoleWords, "roles", "fr").pay_verbs and "pays" in words(RoleWords, "roles", "en").pay_verbs


@pytest.mark.parametrize(("language", "answer", "broad"), [
    ("fr", "Un peu tout le monde en fait", True),
    ("fr", "les gens pressés qui cuisinent le soir", False),
    ("fr", "des personnes de 18 à 80 ans", True),
    ("en", "Everyone with a phone, basically", True),
    ("en", "busy parents who cook at night", False),
    ("en", "more than anyone, nurses who work nights", False),
])
def test_too_broad_reads_the_moved_words(language: str, answer: str, broad: bool) -> None:
    assert (too_broad(context("for_whom", answer, language)) is not None) is broad


@pytest.mark.parametrize(("language", "question", "answer", "flagged"), [
    ("fr", "for_whom", "On vise tous les secteurs", True),
    ("fr", "priority", "Ils sont tous aussi importants, impossible de choisir", True),
    ("en", "for_whom", "Every industry, really", True),
    ("en", "priority", "The dentists first, then the clinics", False),
])
def test_too_many_segments_reads_the_moved_words(language: str, question: str, answer: str, flagged: bool) -> None:
    assert (too_many_segments(context(question, answer, language)) is not None) is flagged


@pytest.mark.parametrize(("language", "answer", "flagged"), [
    ("fr", "Les petits cabinets ne nous intéressent pas", True),
    ("en", "Small shops are not worth it", True),
    ("en", "Small shops that open late, with no staff", False),
])
def test_ignores_underserved_reads_the_moved_words(language: str, answer: str, flagged: bool) -> None:
    assert (ignores_underserved(context("for_whom", answer, language)) is not None) is flagged


@pytest.mark.parametrize(("answer", "aside"), [
    ("seniors, no", True),
    ("pas les grands groupes", True),
    ("students without a car", False),
    ("les emplois non pourvus dans les hôpitaux", False),
])
def test_a_group_set_aside_through_the_moved_words(answer: str, aside: bool) -> None:
    assert sets_a_group_aside(answer) is aside


@pytest.mark.parametrize(("language", "answer", "pitch", "flagged"), [
    ("fr", "C'est la même personne, évidemment", "Une appli de maths pour les enfants de 6 à 10 ans", True),
    ("fr", "Les parents paient, les enfants utilisent", "Une appli de maths pour les enfants de 6 à 10 ans", False),
    ("en", "Same person, obviously", "Scheduling software for hospital nursing teams", True),
    ("en", "Parents pay, kids play", "A coding game for kids aged 8 to 11", False),
])
def test_buyer_user_confusion_reads_the_moved_words(language: str, answer: str, pitch: str, flagged: bool) -> None:
    assert (buyer_user_confusion(context("buyer_user", answer, language, pitch)) is not None) is flagged


def test_roles_likely_differ_in_both_languages() -> None:
    assert roles_likely_differ("un outil pour les salariés des PME") and roles_likely_differ("a gift for new parents")
    assert not roles_likely_differ("an app for freelance designers and their staff")
