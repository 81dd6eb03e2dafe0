"""The cue words (negation, hedges, contrast, past beliefs, function words), the intake words (commands, free
questions), the field-sorting words of the offline engine and the substance words live in data
(`assistant/lexicon/<lang>/{cues,intake,extract,substance}.yaml`): the readers give the same results through them
in both languages."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas, Segment
from assistant.lexicon import words
from assistant.lexicon.cues import CueWords
from assistant.lexicon.extract import ExtractWords
from assistant.lexicon.intake import IntakeWords
from assistant.lexicon.substance import SubstanceWords
from assistant.text.patterns import compile_all, find
from assistant.text.tokens import tokenise
from assistant.understanding.cues import (
    FUNCTION_WORDS,
    contrast_after,
    is_hedged,
    is_negator,
    negated_after,
    negated_before,
    past_belief_before,
)
from assistant.understanding.extract import classify_item, priority_updates
from assistant.understanding.intake import is_free_question, read_message
from assistant.understanding.substance import content_words, names_people_in_general


def test_each_language_holds_its_own_words() -> None:
    fr, en = words(CueWords, "cues", "fr"), words(CueWords, "cues", "en")
    assert "les" in fr.function_words and "les" not in en.function_words
    assert "the" in en.function_words and "the" not in fr.function_words
    assert fr.ne_particles == ["ne", "n"] and fr.ne_negators == ["plus"]
    assert not en.ne_particles and not en.ne_negators
    assert "pas mal" in fr.not_negating and "no matter" in en.not_negating
    intake_fr, intake_en = words(IntakeWords, "intake", "fr"), words(IntakeWords, "intake", "en")
    assert "passer" in intake_fr.commands["skip"] and "next" in intake_en.commands["skip"]
    assert intake_fr.alternatives == ["ou"] and intake_en.alternatives == ["or"]
    assert "besoin" in words(ExtractWords, "extract", "fr").need_words
    assert words(ExtractWords, "extract", "en").rating_fit == ["fit"]
    assert words(SubstanceWords, "substance", "en").quantity_links == ["of"]


def _at(text: str, word: str):  # type: ignore[no-untyped-def]
    tokens = tokenise(text)
    return tokens, find(tokens, compile_all((word,)))


@pytest.mark.parametrize(("text", "word", "negated"), [
    ("Ce n'est pas pour tout le monde", "tout le monde", True),
    ("Il y a pas mal de familles", "familles", False),          # "pas mal de" is an idiom
    ("Sans doute les parents", "parents", False),
    ("Not for everyone", "everyone", True),
    ("No doubt parents will love it", "parents", False),
    ("Never the big chains", "chains", True),
])
def test_negation_before_reads_the_moved_words(text: str, word: str, negated: bool) -> None:
    tokens, m = _at(text, word)
    assert m is not None and negated_before(tokens, m) is negated


def test_ne_plus_and_negation_after_are_french_only() -> None:
    tokens = tokenise("On ne cible plus les étudiants")
    assert is_negator(tokens, 3)  # "plus" after "ne"
    assert not is_negator(tokenise("Plus de clients"), 0)
    tokens, m = _at("Tout le monde n'a pas un chien", "tout le monde")
    assert m is not None and negated_after(tokens, m)
    tokens, m = _at("Everyone has a dog, not a cat", "everyone")
    assert m is not None and not negated_after(tokens, m)


@pytest.mark.parametrize(("text", "hedged"), [
    ("Je pense que les parents paieraient", True),
    ("Les parents paient déjà", False),
    ("I guess parents would pay", True),
    ("Parents already pay", False),
])
def test_hedges_read_the_moved_words(text: str, hedged: bool) -> None:
    assert is_hedged(text) is hedged


@pytest.mark.parametrize(("text", "word", "contrast", "past"), [
    ("Tout le monde, mais en fait surtout les parents pressés", "tout le monde", True, False),
    ("Au début je pensais que tout le monde en voulait", "tout le monde", False, True),
    ("Everyone, but actually mostly busy parents", "everyone", True, False),
    ("At first we thought everyone needed it", "everyone", False, True),
    ("Everyone needs it", "everyone", False, False),
])
def test_contrast_and_past_belief_read_the_moved_words(text: str, word: str, contrast: bool, past: bool) -> None:
    tokens, m = _at(text, word)
    assert m is not None
    assert contrast_after(tokens, m) is contrast and past_belief_before(tokens, m) is past


def test_function_words_of_both_languages_say_nothing() -> None:
    assert all(w in FUNCTION_WORDS for w in ("les", "dans", "the", "with", "a", "on"))
    assert "parents" not in FUNCTION_WORDS
    assert content_words("Les parents dans la ville") == ["parents", "ville"]
    assert content_words("The parents in the city") == ["parents", "city"]


@pytest.mark.parametrize(("text", "command"), [
    ("/passer", "skip"), ("suivant", "skip"), ("Question suivante", "skip"), ("Montre le canevas", "canvas"),
    ("Donne-moi un exemple !", "example"), ("/entretiens", "interviews"), ("/kit", "interviews"),
    ("/next", "skip"), ("next question", "skip"), ("Show the canvas.", "canvas"), ("give me an example", "example"),
    ("/reset", "restart"), ("help", "help"),
])
def test_commands_read_the_moved_words(text: str, command: str) -> None:
    reading = read_message(text, session_language=None, max_chars=400)
    assert reading.kind == "command" and reading.command == command


def test_an_unknown_command_is_offered_the_closest_word_of_every_language() -> None:
    assert read_message("/pase", session_language=None, max_chars=400).suggestion == "skip"
    assert read_message("/exmple", session_language=None, max_chars=400).suggestion == "example"


@pytest.mark.parametrize(("text", "question"), [
    ("Comment choisir mon segment ?", True),
    ("Qu'est-ce qu'un persona ?", True),
    ("B2B ou B2C ?", True),
    ("Les parents ou les grands-parents ?", False),
    ("Should I focus on one segment?", True),
    ("Niche or mass market?", True),
    ("Parents or grandparents?", False),
    ("Comment choisir mon segment", False),  # no question mark
])
def test_free_questions_read_the_moved_words(text: str, question: bool) -> None:
    assert is_free_question(text) is question


@pytest.mark.parametrize(("item", "field"), [
    ("ils ont besoin de gagner du temps", "needs"),
    ("achètent en ligne chaque semaine", "behaviours"),
    ("entre 30 et 45 ans", "characteristics"),
    ("they are looking for a cheaper option", "needs"),
    ("they order every week", "behaviours"),
    ("aged 30 to 45", "characteristics"),
])
def test_items_are_sorted_into_fields_with_the_moved_words(item: str, field: str) -> None:
    assert classify_item(item) == field


@pytest.mark.parametrize(("answer", "value", "fit"), [
    ("valeur 4/5, adéquation 3/5", 4, 3),
    ("Adequation 2, valeur 5", 5, 2),
    ("value 4/5, fit 3/5", 4, 3),
    ("Fit: 1; Value: 2", 2, 1),
])
def test_priority_ratings_read_the_moved_labels(answer: str, value: int, fit: int) -> None:
    [update] = priority_updates(answer, Canvas(segments=[Segment(name="Parents")]))
    assert (update.priority_value, update.priority_fit) == (value, fit)


@pytest.mark.parametrize(("text", "general"), [
    ("des millions de personnes", False),
    ("des milliers de clients", False),
    ("thousands of people", False),
    ("les gens en général", True),
    ("people in general", True),
])
def test_a_number_of_people_is_a_market_size(text: str, general: bool) -> None:
    assert names_people_in_general(text) is general


@pytest.mark.parametrize(("text", "general"), [
    ("£2.50 per person a month, split between the housemates", False),
    ("9 € par personne et par mois pour les colocations étudiantes", False),
    ("anyone who shares a flat, people in general", True),
    ("utilisé par les gens du quartier, tout simplement", True),
])
def test_a_price_per_person_is_a_unit_not_people_in_general(text: str, general: bool) -> None:
    assert names_people_in_general(text) is general
