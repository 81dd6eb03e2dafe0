"""Kinds the eighteenth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind18/`): a platform founder who names one side as "our customers" (under the pitch's word, or a
name of their own for the buyers), with the other side's word only as someone the group has ("their plumber") or
a place the pitch shares; a group let down by someone else is no group turned away; "I need to think about it"
says nothing; a population is no research; a payment owed to the customer is not who pays for the product; side
headings that open a clause frame the group after them; a relative clause's next verb is no group."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.mistakes.aside import sets_a_group_aside
from assistant.understanding.mistakes.sides import one_sided_platform
from tests.contexts import context, read_flags, rule_flags


def _groups(answer: str) -> list[str]:
    return read_group_list(answer, embed_queries).groups


# --- one_sided_platform ----------------------------------------------------------------------------------------

GARDEN_PITCH = ("Une plateforme qui met en relation les gestionnaires de résidences (copropriétés, résidences "
                "seniors) avec des jardiniers indépendants. Le gestionnaire publie son besoin, les jardiniers "
                "font une offre, on prend 10 % côté jardinier.")


def test_one_side_named_with_the_other_only_as_what_the_group_has_is_stated() -> None:
    answer = ("Nos clients ce sont les gestionnaires de copropriétés à Nantes qui ont des espaces verts et qui se "
              "font planter par leur jardinier en plein printemps. C'est eux qu'on veut aider.")
    found = one_sided_platform(context("for_whom", answer, "fr", pitch=GARDEN_PITCH))
    assert found is not None and found.stated
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "fr", pitch=GARDEN_PITCH))


def test_both_sides_named_are_no_mistake() -> None:
    answer = ("Les gestionnaires de copropriétés à Nantes, et de l'autre côté les jardiniers indépendants qui "
              "veulent des contrats à l'année.")
    assert "one_sided_platform" not in read_flags(context("for_whom", answer, "fr", pitch=GARDEN_PITCH))


POTTERY_PITCH = ("We run a site where the potters of Tonalá sell their pieces straight to buyers abroad: we shoot "
                 "the photos and handle shipping, the potter pays 12% per sale and the buyer pays the freight.")


def test_the_buyers_under_a_name_of_their_own_leave_the_supplying_side_out() -> None:
    answer = ("Our customers are Mexican-Americans in Texas and California who want real talavera for the house "
              "or a wedding and are tired of paying three times the price at the import stores.")
    found = one_sided_platform(context("for_whom", answer, "en", pitch=POTTERY_PITCH))
    assert found is not None and found.stated
    assert "one_sided_platform" in read_flags(context("for_whom", answer, "en", pitch=POTTERY_PITCH))


@pytest.mark.xfail(strict=True, reason="known limit, a trade made on 2026-12-05: since 'we run a site where the "
                   "potters sell' reads the pitch's sides, the rule reader, whose group lexicon has no word for "
                   "'Mexican-Americans', reads the potters alone and states the mistake (the group model reads both "
                   "groups); before, no side was read and nothing was flagged")
def test_naming_the_supplying_side_by_what_it_sells_is_both_sides() -> None:
    answer = ("Mexican-Americans in Texas who want real talavera, and the potters of Tonalá who sell through us "
              "instead of through middlemen.")
    assert "one_sided_platform" not in read_flags(context("for_whom", answer, "en", pitch=POTTERY_PITCH))


TEA_PITCH = ("a platform that connects small tea shops in Canada, the UK and Korea with tea cooperatives in "
             "Nuwara Eliya. The shop posts a blend and a volume, the cooperatives bid on it, we take 15% paid by "
             "the shop.")


def test_an_apposition_describing_a_sides_own_trade_and_a_place_shared_with_the_pitch_are_no_second_side() -> None:
    answer = ("Our customers are the small independent tea shops - owners who sell online or in one or two "
              "stores, who want single-estate tea but can't buy 2 tonnes at the auction. Mostly Canada, a few "
              "in Korea.")
    found = one_sided_platform(context("for_whom", answer, "en", pitch=TEA_PITCH))
    assert found is not None and found.stated


# --- ignores_underserved ---------------------------------------------------------------------------------------


def test_a_group_let_down_by_someone_else_is_not_turned_away() -> None:
    assert not sets_a_group_aside("les petites mairies qui se font laisser tomber par leur prestataire en été")
    assert not sets_a_group_aside("family farms ignored by the big co-ops")
    assert sets_a_group_aside("les petites mairies, on les laisse tomber")


def test_a_group_let_down_by_its_supplier_is_no_ignored_segment() -> None:
    answer = ("Nos clients ce sont les gestionnaires de copropriétés à Nantes qui se font laisser tomber par leur "
              "jardinier en plein printemps.")
    assert "ignores_underserved" not in read_flags(context("for_whom", answer, "fr", pitch=GARDEN_PITCH))


# --- an answer that says nothing -------------------------------------------------------------------------------


def test_i_need_to_think_about_it_says_nothing() -> None:
    assert is_dont_know("Faut que je réfléchisse à ça, franchement.")
    assert is_dont_know("Je dois y réfléchir honnêtement")
    assert is_dont_know("hmm I need to think about that one")
    assert is_dont_know("j'y ai pas encore pensé")
    assert not is_dont_know("je dois réfléchir, mais sans doute les kinés du centre-ville")
    assert not is_dont_know("we need to think about the farmers up north too")


# --- not_validated ---------------------------------------------------------------------------------------------


def test_a_population_is_no_research() -> None:
    answer = ("Ça vient de mes 10 ans en officine. Il y a 4 millions de personnes diabétiques en France, je suis sûr "
              "que les mutuelles voudront ça.")
    assert "not_validated" in rule_flags(context("evidence", answer, "fr"))
    assert "not_validated" not in rule_flags(context("evidence", "On a interviewé 30 personnes diabétiques.", "fr"))


# --- buyer_user_confusion --------------------------------------------------------------------------------------


def test_a_payment_owed_to_the_customer_is_not_the_products_payer() -> None:
    from assistant.understanding.roles_session import session_payers

    assert session_payers(["their pain: the councils paying late, 90 days sometimes"]) == set()
    assert session_payers(["get paid by the insurer within 30 days"]) == set()
    assert session_payers(["the councils pay for the licence"]) == {"counc"}


# --- groups --------------------------------------------------------------------------------------------------


def test_side_headings_that_open_a_clause_frame_the_group_after_them() -> None:
    groups = _groups("Two sides. On one side the licensed mountain guides in Chamonix - maybe 200 work freelance. "
                     "On the other side the hotels that get asked for guides every morning.")
    assert len(groups) == 2
    assert "guides" in groups[0] and "hotels" in groups[1]


def test_a_side_heading_after_its_group_frames_nothing() -> None:
    assert len(_groups("Les guides d'un côté, les hôtels de l'autre.")) == 2


def test_a_relative_clauses_next_verb_is_no_group() -> None:
    answer = ("people 30 to 50 in Plateau and Mile End who already buy bulk coffee, compare roasts like wine "
              "people do, and hate running out on a Sunday")
    assert len(_groups(answer)) == 1


def test_a_group_after_and_with_a_plural_stays_a_group() -> None:
    assert len(_groups("bakeries that bake on site, and coworking spaces with a kitchen")) == 2


# --- the buyer of a side that pays nothing -----------------------------------------------------------------------


def test_a_side_said_to_pay_nothing_gets_nobody_as_its_buyer() -> None:
    from assistant.canvas import Canvas, Segment, role_holder
    from assistant.understanding.roles_by_segment import roles_by_segment

    canvas = Canvas(language="en", segments=[Segment(name="Dog owners"), Segment(name="Student walkers")])
    answer = ("Dog owners pay per walk in the app. Student walkers pay nothing, they keep 80% of each walk and use "
              "the app to accept walks.")
    by_segment = {u.segment: u for u in roles_by_segment(answer, canvas, embed_queries)}
    walkers = by_segment["Student walkers"]
    assert walkers.buyer.startswith("Nobody on this side pays") and "pay nothing" in walkers.buyer
    assert role_holder(walkers.buyer) == ""  # no person to interview as the buyer
    assert "walkers" in walkers.user.lower()
    assert "owners" in by_segment["Dog owners"].buyer.lower()


def test_the_reflection_on_a_side_that_pays_nothing_does_not_call_it_one_person() -> None:
    from assistant.analysis import SegmentUpdate
    from assistant.coach.voice import reflect
    from assistant.prompts import Prompts

    up = SegmentUpdate(segment="Hôtes", buyer="Personne ne paie de ce côté (les hôtes ne paient rien)",
                       user="Les hôtes")
    said = reflect(Prompts(), "fr", "buyer_user", "Les hôtes ne paient rien.", [up])
    assert "sans payer" in said and "même personne" not in said


def test_a_group_selling_in_a_sentence_the_founder_opens_is_a_side_but_our_company_is_the_founder() -> None:
    from assistant.understanding.exchange import exchange_sides
    from assistant.understanding.platform import is_platform

    assert exchange_sides("We built an app where the weavers of Oaxaca sell their rugs to shops abroad.") == [
        "weavers", "shops"]
    assert not is_platform("Notre société propose aux syndics de copropriété la pose de bornes de recharge et leur "
                           "exploitation ; le syndic paie un forfait annuel par place.")


def test_a_user_the_grammar_names_apart_from_the_payer_replaces_the_heads_same_person() -> None:
    from assistant.understanding.roles_model import read_roles_in

    answer = ("Mostly an adult son, often one who lives abroad, finds us, orders and pays by card. The grandmother "
              "eats the meals. Sometimes the GP recommends us, but he does not pay.")
    buyer, user = read_roles_in(answer, embed_queries)
    assert "adult" in buyer and "grandmother" in user.lower()
    # a clause is no user: "the runner" stays both
    assert read_roles_in("the cyclist pays and the cyclist rides it, easy. sometimes a partner buys a voucher, we "
                         "sold 20 vouchers in june", embed_queries) == ("the cyclist", "the cyclist")
