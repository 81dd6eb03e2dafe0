"""The buyer with their terms (the canvas's buyer field): each segment's buyer says what they pay when the
answer says so, and a buyer and a user name the same person when their holders match, whatever the terms.
Phrasings written for these tests, in no corpus or scenario file."""

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


def test_the_terms_stop_where_using_starts_and_the_user_stays_a_person() -> None:
    said = "the school pays the yearly licence and uses the reports, the teachers use it to plan their groups"
    assert with_terms("the school", said) == "the school (pays the yearly licence)"
    got = _roles("en", ["Primary schools"], said)["Primary schools"]
    assert got[0] == "the school (pays the yearly licence)" and "(" not in got[1], got


@pytest.mark.parametrize(("role", "said"), [
    ("le parent", "c'est le parent qui paie, l'enfant joue le soir"),  # the verb alone says nothing more
    ("the parents", "the parents pay and the kids use it every evening"),  # the kids' clause is theirs
    ("the kids", "the parents pay for the subscription"),  # a clause that does not name the role
    ("the kids", "the kids use it for their homework"),  # no paying clause
])
def test_a_clause_that_says_nothing_more_than_the_verb_adds_no_terms(role: str, said: str) -> None:
    assert with_terms(role, said) == role


def test_numbers_keep_their_point_and_comma() -> None:
    said = "makers pay the 20p listing fee and our 6.5% on each sale; clients pay 9,90 € per order"
    assert with_terms("makers", said) == "makers (pay the 20p listing fee and our 6.5% on each sale)"
    assert with_terms("clients", said) == "clients (pay 9,90 € per order)"


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


@pytest.mark.parametrize("said", [
    "le passager paie sa place, le conducteur recoit l'argent et paie rien",
    "guests pay a 10% fee, the drivers don't pay anything for the listing",
])
def test_a_denied_payment_is_no_terms(said: str) -> None:
    role = "le conducteur" if "conducteur" in said else "the drivers"
    assert with_terms(role, said) == role
