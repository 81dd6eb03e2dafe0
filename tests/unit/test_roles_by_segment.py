"""Who pays and who uses, per segment (issue 9, buyer/user; the canvas's buyer and user fields): an answer
that speaks of each segment in turn gives each its own roles, instead of one pair copied to every segment.
Phrasings written for these tests, in no corpus or scenario file."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas, Segment
from assistant.understanding.extract import fields_from_answer


def _roles(lang: str, names: list[str], answer: str) -> dict[str, tuple[str, str]]:
    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=n) for n in names])  # type: ignore[arg-type]
    return {u.segment: (u.buyer.lower(), u.user.lower())
            for u in fields_from_answer("buyer_user", answer, canvas, lang)}  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "names", "answer", "expected"), [
    ("en", ["Climbing gyms", "Route setters"],
     "gyms: the owner pays the yearly licence and the front desk staff use it. setters: each setter pays "
     "nothing, they log their routes in the app",
     {"Climbing gyms": ("owner", "front desk"), "Route setters": ("", "setter")}),
    ("fr", ["Creches associatives", "Assistantes maternelles"],
     "Pour les creches, c'est la directrice qui signe et les auxiliaires qui s'en servent. Pour les "
     "assistantes maternelles, c'est elles qui paient et qui l'utilisent le soir",
     {"Creches associatives": ("directrice", "auxiliaires"),
      "Assistantes maternelles": ("assistantes", "assistantes")}),
])
def test_each_segment_gets_the_roles_its_sentences_name(lang: str, names: list[str], answer: str,
                                                        expected: dict[str, tuple[str, str]]) -> None:
    got = _roles(lang, names, answer)
    for name, (buyer, user) in expected.items():
        assert buyer in got[name][0] and user in got[name][1], got
        if not buyer:
            assert got[name][0] == "", got


def test_an_answer_about_no_segment_in_particular_gives_every_segment_the_same_roles() -> None:
    got = _roles("en", ["Dog owners", "Dog walkers"], "the owner pays per walk and books in the app")
    assert got["Dog owners"] == got["Dog walkers"] and "owner" in got["Dog owners"][0], got


@pytest.mark.parametrize(("lang", "name", "answer", "buyer"), [
    ("fr", "Grimpeurs reguliers", "Les grimpeurs paient la carte, toute la bande en profite.", "grimpeurs"),
    ("en", "Busy commuters", "Commuters pay per ride, their kids sometimes ride along.", "commuters"),
])
def test_a_sentence_that_opens_on_the_segment_as_its_subject_keeps_it_as_the_role(
        lang: str, name: str, answer: str, buyer: str) -> None:
    got = _roles(lang, [name], answer)
    assert buyer in got[name][0], got


@pytest.mark.parametrize(("lang", "names", "answer"), [
    ("fr", ["Proprietaires de chalets", "Menuisiers independants"],
     "le proprietaire paie le devis par la plateforme, le menuisier paie 6% de commission. chaque cote s'en sert"),
    ("en", ["Tutors", "Students"], "both pay and both use it: the same people on each side, really"),
])
def test_a_role_that_says_the_same_people_stands_for_each_segment_never_for_a_phrase(
        lang: str, names: list[str], answer: str) -> None:
    """"Chaque côté", "both", "the same": the canvas never shows them as a buyer or a user."""
    from assistant.text.vectors import embed_queries

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=n) for n in names])  # type: ignore[arg-type]
    for embed in (None, embed_queries):
        for u in fields_from_answer("buyer_user", answer, canvas, lang, embed):  # type: ignore[arg-type]
            for role in (u.buyer, u.user):
                assert role.lower().strip() not in ("chaque cote", "both", "the same", "les deux", "each side"), u
