"""Both poles of one axis named ("the young, the old", "les petits, les gros") sweep the axis: any age, any
size. Beside a target too broad, that is one group too wide, never a pile of segments."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.mistakes.breadth_words import spanning_poles
from assistant.understanding.reader import read_mistakes
from tests.contexts import context, read_flags
from tests.fakes.heads import GuessingHeads


@pytest.mark.parametrize(("answer", "lang", "pitch"), [
    ("Franchement? Tous les surfeurs qui passent à Biarritz, les jeunes, les vieux, d'où qu'ils viennent... Tout le "
     "monde aime le surf, donc tout le monde peut venir.", "fr", "On donne des cours de surf à Biarritz."),
])
def test_a_guess_of_many_segments_beside_a_sweep_of_ages_is_dropped(answer: str, lang: str, pitch: str) -> None:
    found = read_mistakes(context("for_whom", answer, lang, pitch=pitch), embed_queries,
                          GuessingHeads("too_many_segments"))  # type: ignore[arg-type]
    assert "too_many_segments" not in {d.mistake_id for d in found}


def test_a_list_of_genders_and_ages_is_everyone_not_four_segments() -> None:
    flags = read_flags(context("for_whom", "All the shoppers at the mall, the men, the women, the kids, the "
                               "grandparents. Everyone needs shoes.", "en", pitch="A shoe repair kiosk in a mall."))
    assert flags == {"too_broad"}


def test_poles_of_one_axis_are_told_from_kinds() -> None:
    assert spanning_poles(["les petits", "les gros", "les boulangeries"]) == {"les petits", "les gros"}
    assert spanning_poles(["small businesses", "big businesses"]) == {"small businesses", "big businesses"}
    assert spanning_poles(["young families", "retired couples"]) == set()  # kinds, not an axis swept
    assert spanning_poles(["the young"]) == set()  # one pole alone is a choice


def test_four_kinds_listed_at_once_are_still_too_many() -> None:
    flags = read_flags(context("for_whom", "Gyms, physio clinics, schools and amateur sports clubs, all of them "
                               "at the same time.", "en", pitch="A booking tool for sports venues."))
    assert "too_many_segments" in flags
