"""An answer dictated with no punctuation that goes through the segments in turn: each part goes to its own
segment, as it would in a punctuated answer (the twelfth blind set's voice-dictation founder; every sentence here
is phrased anew). Guards: a group named as an object or a complement is no turn, a short stretch is no run-on, and
a one-segment canvas is left alone."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas, Segment
from assistant.understanding.dictation import with_turns
from assistant.understanding.extract import fields_from_answer


def _canvas(lang: str, *names: str) -> Canvas:
    return Canvas(language=lang, segments=[Segment(name=n) for n in names], focus_segment=names[0])  # type: ignore[arg-type]


def _field(canvas: Canvas, question: str, answer: str) -> dict[str, list[str]]:
    updates = fields_from_answer(question, answer, canvas, canvas.language)  # type: ignore[arg-type]
    return {u.segment: list(getattr(u, question)) for u in updates}


@pytest.mark.parametrize(("lang", "names", "answer", "first", "second"), [
    # the run-on opens on a group the canvas names otherwise ("walker" for "Dog walking students")
    ("en", ("Pet owners in flats", "Dog walking students"),
     "the walker wants to fill the gaps between lectures with paid walks close to campus and get paid the same "
     "day the owners want someone reliable who turns up on time and sends a photo after every single walk",
     "fill the gaps", "someone reliable"),
    # topics with no comma ("pour les laveurs … pour les garages …")
    ("fr", ("Garages indépendants de la périphérie", "Laveurs auto à domicile"),
     "pour les laveurs trouver des clients réguliers pas trop loin de chez eux sans payer une pub qui marche pas "
     "pour les garages rendre la voiture propre au client sans monopoliser un apprenti une heure",
     "clients réguliers", "rendre la voiture"),
])
def test_a_dictated_answer_gives_each_part_to_the_segment_it_turns_to(
        lang: str, names: tuple[str, str], answer: str, first: str, second: str) -> None:
    jobs = _field(_canvas(lang, *names), "jobs", answer)
    said_of = {name: " ".join(items) for name, items in jobs.items()}
    assert first in said_of.get(names[1], "") and first not in said_of.get(names[0], "")
    assert second in said_of.get(names[0], "") and second not in said_of.get(names[1], "")


def test_a_group_named_as_an_object_inside_a_run_on_is_no_turn() -> None:
    canvas = _canvas("fr", "Restaurants de plage", "Patrons de bateau")
    answer = ("les patrons de bateau vendre toute la pêche avant midi avoir des restaurants qui reviennent toutes "
              "les semaines et être payés sur le compte sans courir après personne")
    assert with_turns(answer, canvas) == answer


@pytest.mark.parametrize("answer", [
    # punctuated: the reading by sentence already sees the turns
    "The walkers want steady slots near campus. The owners want someone reliable who sends photos.",
    # too short to be a run-on
    "walkers want slots the owners want photos",
    # the group after a verb that takes it as its object ("want the walkers"), a short first part
    "owners want the walkers to turn up on time and to send a photo after every single walk of the week",
])
def test_punctuated_short_or_object_answers_are_left_as_they_are(answer: str) -> None:
    canvas = _canvas("en", "Pet owners in flats", "Dog walking students")
    assert with_turns(answer, canvas) == answer


def test_a_one_segment_canvas_is_left_alone() -> None:
    answer = ("the walker wants to fill the gaps between lectures with paid walks close to campus the owners want "
              "someone reliable who turns up on time")
    assert with_turns(answer, _canvas("en", "Dog walking students")) == answer


def test_a_label_naming_a_group_keeps_its_words_for_the_roles() -> None:
    """"particulier : il achète…": the label says who pays in a segment named otherwise ("Particuliers …")."""
    from assistant.text.vectors import embed_queries
    from assistant.understanding.roles_by_segment import roles_by_segment

    canvas = _canvas("fr", "Particuliers sportifs du dimanche", "Clubs de course à pied")
    answer = ("coureur : il achète la semelle 49 euros et la porte lui-même. clubs : le président choisit, le "
              "trésorier paie, et les licenciés l'utilisent à l'entraînement")
    roles = {u.segment: u for u in roles_by_segment(answer, canvas, embed_queries)}
    assert "coureur" in roles["Particuliers sportifs du dimanche"].buyer
    assert "licenciés" in roles["Clubs de course à pied"].user
