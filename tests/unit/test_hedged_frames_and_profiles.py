"""Kinds of misreading found on the sixth blind set, each phrased anew: a target framed by a hedge and a
complementizer ("je dirais que ce sont…"), a target framed in jargon ("our ICP is…"), a target said to hold
whatever its size, a profile made of firmographics and a place verb, SMS words in a segment's name, a number
with a thousands comma in a name."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.segment_names import segment_name
from tests.contexts import context, rule_flags


def _rules(question: str, answer: str, language: str) -> set[str]:
    return rule_flags(context(question, answer, language))


@pytest.mark.parametrize(("answer", "word"), [
    ("Je dirais, si je devais tout résumer, que ce sont les exploitations maraîchères bio de Bretagne.",
     "exploitations"),
    ("Honestly I'd say it's the independent climbing gyms in Colorado.", "gyms"),
    ("Our ICP is clearly the series A / series B fintechs in London with a compliance team of one.", "fintechs"),
])
def test_a_target_framed_by_a_hedge_or_jargon_is_read(answer: str, word: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and word in groups[0], groups


@pytest.mark.parametrize(("answer", "language"), [
    ("Les cabinets d'architectes, quelle que soit leur taille, partout en France.", "fr"),
    ("Logistics companies whatever their size, anywhere in Europe.", "en"),
    ("Retailers of all sizes, in every sector.", "en"),
])
def test_a_target_said_to_hold_whatever_its_size_is_too_broad(answer: str, language: str) -> None:
    assert "too_broad" in _rules("for_whom", answer, language)


def test_a_size_range_is_still_no_sweep() -> None:
    assert "too_broad" not in _rules("for_whom", "Les cabinets d'architectes de 3 à 10 personnes à Nantes.", "fr")


@pytest.mark.parametrize("answer", [
    "Gérantes 40-60 ans. CSP+. Habitent Rennes ou la couronne. Magasin de 60 m². CA 200 à 400 k€.",
    "Owners 45-60. Mostly men. Store of 2,000 sq ft. Revenue 1 to 3 M$. Live in the suburbs.",
])
def test_a_profile_of_firmographics_and_places_is_demographics_only(answer: str) -> None:
    language = "fr" if "ans" in answer else "en"
    assert "demographics_only" in _rules("characteristics", answer, language)


def test_habits_still_count_as_behaviour() -> None:
    answer = "Gérantes 40-60 ans, CSP+, qui ont l'habitude de tout noter dans un cahier."
    assert "demographics_only" not in _rules("characteristics", answer, "fr")


@pytest.mark.parametrize(("group", "name"), [
    ("brands r customers", "Brands"),
    ("indie podcasters fr", "Indie podcasters"),
    ("Towns 2,000 to 20,000 people", "Towns 2,000 to 20,000 people"),
    ("Small shops, mostly in Lyon", "Small shops"),
])
def test_segment_names(group: str, name: str) -> None:
    assert segment_name(group) == name


@pytest.mark.parametrize(("answer", "language"), [
    ("Mostly the employer pays for the course, but that doesn't matter, the learner is our customer.", "en"),
    ("Dans 8 cas sur 10 c'est la mutuelle qui paie, mais peu importe, nos clients ce sont les patients.", "fr"),
])
def test_a_payer_named_then_waved_away_is_buyer_user_confusion(answer: str, language: str) -> None:
    assert "buyer_user_confusion" in _rules("buyer_user", answer, language)


@pytest.mark.parametrize(("answer", "language"), [
    ("The employer pays, the learners use it, and that matters: we sell to HR.", "en"),
    ("La mutuelle paie, mais les patients choisissent, donc on convainc les deux.", "fr"),
])
def test_a_payer_told_apart_is_no_confusion(answer: str, language: str) -> None:
    assert "buyer_user_confusion" not in _rules("buyer_user", answer, language)


@pytest.mark.parametrize(("text", "platform"), [
    ("2 sides really. hiking clubs in the alps, and then the guides obv, theyre the other half", True),
    ("Honestly it's two sides: venues and the bands that play there.", True),
    ("We see two sides of the problem: the cost and the time.", False),
])
def test_sides_announced_in_an_answer_make_a_platform(text: str, platform: bool) -> None:
    from assistant.understanding.platform import is_platform

    assert is_platform(text) is platform


def test_a_number_range_after_between_is_no_two_sides() -> None:
    from assistant.understanding.platform import is_platform

    answer = "Les chorales amateurs, entre 20 et 60 choristes, où les chefs de choeur et les trésoriers font tout."
    assert not is_platform(answer)
    assert is_platform("On met en relation les chorales et les chefs de choeur remplaçants.")
