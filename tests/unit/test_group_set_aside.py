"""ignores_underserved is an act: the founder turns some group away. An answer that describes its target as
underserved ("students without a car", "their broker ignores them") makes no such mistake, whatever the
classifier head guesses from its words; an answer that sets a group aside still does.
Phrasings written for these tests, in no scenario or corpus file."""

from __future__ import annotations

import pytest

from assistant.understanding.mistakes.aside import sets_a_group_aside
from tests.contexts import context, read_flags


def _flags(question: str, answer: str, lang: str) -> set[str]:
    return read_flags(context(question, answer, lang))


DESCRIBED_TARGETS = [
    # the head flagged these three before the definition held (measured when this test was written)
    ("for_whom", "en", "elderly people in rural areas who don't have a pharmacy nearby and can't drive anymore"),
    ("for_whom", "fr", "les seniors à la campagne, sans pharmacie à côté, qui ne conduisent plus et que les applis de "
                       "livraison ne desservent pas"),
    ("for_whom", "fr", "les petites communes rurales de moins de 2000 habitants, les gros éditeurs ne leur proposent "
                       "rien d'adapté"),
    ("for_whom", "en", "night nurses who finish at 7am and can't find a dentist open before noon; the big chains "
                       "don't open that early"),
    ("for_whom", "fr", "les auto-entrepreneurs du bâtiment qui n'ont ni comptable ni logiciel, les banques les "
                       "renvoient vers des outils trop compliqués"),
    ("for_whom", "en", "farmers market vendors without a card reader who lose sales every saturday"),
    ("most_important", "fr", "les petits clubs de foot amateurs, personne ne s'occupe d'eux, les fédérations ne leur "
                             "donnent aucun outil"),
    ("for_whom", "fr", "des parents solos qui bossent en horaires décalés et qui trouvent pas de garde le soir, "
                       "surtout en zone rurale"),
    ("priority", "fr", "on garde les deux côtés à Lille, et on refait le point chaque trimestre avec les missions non "
                       "pourvues par quartier"),
]

GROUPS_TURNED_AWAY = [
    ("for_whom", "en", "independent gyms in big cities. small-town gyms, skip them, they'll never pay for software"),
    ("for_whom", "fr", "les agences immobilières de centre-ville. les petites agences de village, on les zappe, pas "
                       "de budget"),
    ("most_important", "en", "corporate law firms with 50+ lawyers. solo practitioners? nope, too small to bother "
                             "with"),
    ("priority", "fr", "d'abord les pharmacies en ville. celles à la campagne, franchement, c'est peine perdue"),
]


@pytest.mark.parametrize(("question", "lang", "answer"), DESCRIBED_TARGETS)
def test_a_target_described_as_underserved_is_not_ignoring_the_underserved(question: str, lang: str,
                                                                           answer: str) -> None:
    assert not sets_a_group_aside(answer)
    assert "ignores_underserved" not in _flags(question, answer, lang)


@pytest.mark.parametrize(("question", "lang", "answer"), GROUPS_TURNED_AWAY)
def test_a_small_group_turned_away_is_still_flagged(question: str, lang: str, answer: str) -> None:
    assert sets_a_group_aside(answer)
    assert "ignores_underserved" in _flags(question, answer, lang)


@pytest.mark.parametrize("answer", [
    "we won't build anything for the night crews",  # a negation of the founder's own
    "on va pas y aller, les assos",
    "retirees, no.",  # a negation alone at a clause's edge
    "not the solo accountants",
    "pas les grands groupes",
    "les saisonniers, bof",  # words that turn a group away
    "rural clinics are hopeless, let someone else deal with them",
])
def test_ways_of_setting_a_group_aside(answer: str) -> None:
    assert sets_a_group_aside(answer)


@pytest.mark.parametrize("answer", [
    "students without a car who find the train too expensive",
    "ceux qui n'ont pas le temps de courir les marchés",
    "not very comfortable with apps, they keep their books on paper",  # describes, refuses nobody
    "nobody serves them today",
    "les jobs non pourvus par métier",
    "sole traders, precisely because the big accounting tools ignore them",
])
def test_descriptions_that_set_no_group_aside(answer: str) -> None:
    assert not sets_a_group_aside(answer)
