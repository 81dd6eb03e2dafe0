"""A role with its terms (the canvas's buyer and user fields): each segment's buyer says what they pay and its
user what they use it for, when the answer says so, and two fields name the same person when their holders
match, whatever their terms. Phrasings written for these tests, in no corpus or scenario file."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas, Segment, role_holder
from assistant.coach.voice import reflect
from assistant.prompts import Prompts
from assistant.understanding.extract import fields_from_answer
from assistant.understanding.role_terms import with_terms


def _roles(lang: str, names: list[str], answer: str) -> dict[str, tuple[str, str]]:
    from assistant.text.vectors import embed_queries

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=n) for n in names])  # type: ignore[arg-type]
    return {u.segment: (u.buyer, u.user)
            for u in fields_from_answer("buyer_user", answer, canvas, lang, embed_queries)}  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "names", "answer", "terms"), [
    ("en", ["Boat owners", "Independent skippers"],
     "the boat owner pays the rental plus a 6% booking fee. the skipper pays 15% of each trip he sells.",
     {"Boat owners": "6% booking fee", "Independent skippers": "15% of each trip"}),
    ("fr", ["Proprietaires de chevaux", "Moniteurs independants"],
     "le proprietaire paie la pension et 8 % de frais de service, le moniteur paie 20 euros par mois pour "
     "apparaitre dans l'annuaire.",
     {"Proprietaires de chevaux": "8 % de frais", "Moniteurs independants": "20 euros par mois"}),
])
def test_each_segments_buyer_carries_what_it_pays(lang: str, names: list[str], answer: str,
                                                   terms: dict[str, str]) -> None:
    got = _roles(lang, names, answer)
    for name, said in terms.items():
        buyer = got[name][0]
        assert said in buyer and buyer.endswith(")"), got
        other = next(t for n, t in terms.items() if n != name)
        assert other not in buyer, got  # the other segment's terms stay with it


def test_the_user_carries_what_it_uses_the_product_for() -> None:
    said = "the school pays the yearly licence, the teachers use it to plan their reading groups"
    assert with_terms("the teachers", said, paying=False) == "the teachers (use it to plan their reading groups)"
    assert with_terms("the school", said, paying=True) == "the school (pays the yearly licence)"


@pytest.mark.parametrize(("role", "said", "paying"), [
    ("the parents", "c'est the parents qui paient", True),  # the verb alone says nothing more
    ("the parents", "the parents pay and the kids use it every evening", True),  # the kids' clause is theirs
    ("les parents", "les parents paient", True),
    ("the kids", "the parents pay for the subscription", False),  # a clause that does not name the role
])
def test_a_clause_that_says_nothing_more_than_the_verb_adds_no_terms(role: str, said: str, paying: bool) -> None:
    assert with_terms(role, said, paying=paying) == role


def test_numbers_keep_their_point_and_comma() -> None:
    said = "makers pay the 20p listing fee and our 6.5% on each sale; clients pay 9,90 € per order"
    assert with_terms("makers", said, paying=True) == "makers (pay the 20p listing fee and our 6.5% on each sale)"
    assert with_terms("clients", said, paying=True) == "clients (pay 9,90 € per order)"


def test_the_same_holder_with_different_terms_is_one_person_to_convince() -> None:
    assert role_holder("the host (pays 3% of what they earn)") == "the host"
    prompts = Prompts()
    answer = "the host pays 3% of what they earn and uses the calendar to accept bookings"
    from assistant.analysis import SegmentUpdate

    same = reflect(prompts, "en", "buyer_user", answer, [SegmentUpdate(
        segment="Hosts", buyer="the host (pays 3% of what they earn)", user="the host (the calendar)")])
    differ = reflect(prompts, "en", "buyer_user", answer, [SegmentUpdate(
        segment="Hosts", buyer="the agency (pays 3%)", user="the host (the calendar)")])
    assert "same person" in same, same
    assert "“the agency”" in differ and "3%" not in differ, differ
