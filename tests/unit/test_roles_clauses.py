"""Who pays and who uses, read clause by clause (issue 9, buyer/user kinds): a clause that goes on with the
paying verb keeps the subject before it; a payer noun ("the subscriber") is a role, not a verb; who gets
paid or who might pay is no payer; someone else named doing something is the user before the payer is.
Phrasings written for these tests, in no corpus or scenario file."""

from __future__ import annotations

import pytest

from assistant.understanding.reader import read_buyer_user


def _assert_roles(answer: str, buyer: str, user: str) -> tuple[str, str]:
    """The answer's buyer and user contain `buyer` and `user` (lower case); returns them."""
    got_buyer, got_user = read_buyer_user(answer)
    assert buyer in got_buyer.lower() and user in got_user.lower(), (got_buyer, got_user)
    return got_buyer, got_user


@pytest.mark.parametrize("answer, buyer, user", [
    ("the port authority leases the scanners and pays per container, dock workers scan with them",
     "port authority", "dock workers"),
    ("les gerants de camping commandent et reglent par virement, les vacanciers reservent les activites",
     "gerants de camping", "vacanciers"),
])
def test_a_clause_that_goes_on_with_the_paying_verb_keeps_its_subject(answer: str, buyer: str, user: str) -> None:
    _assert_roles(answer, buyer, user)


@pytest.mark.parametrize("answer, who", [
    ("the subscriber pays and reads every issue", "subscriber"),
    ("l'acheteuse paie et cuisine les recettes elle-meme", "acheteuse"),
])
def test_a_payer_noun_after_a_determiner_is_the_role(answer: str, who: str) -> None:
    _assert_roles(answer, who, who)


@pytest.mark.parametrize("answer, user", [
    ("music teachers run it in class, no idea yet who pays for the licences", "music teachers"),
    ("les animateurs l'utilisent en atelier, pour qui paie on sait pas encore", "animateurs"),
])
def test_who_pays_asked_is_no_payer(answer: str, user: str) -> None:
    buyer, got_user = read_buyer_user(answer)
    assert buyer == "" and user in got_user.lower(), (buyer, got_user)


def test_who_gets_paid_is_not_the_payer() -> None:
    _assert_roles("pet owners pay for each walk, the walkers sign up for free and get paid weekly", "pet owners",
                  "walkers")


@pytest.mark.parametrize("answer, buyer, user", [
    ("grandparents pay and choose the box, the grandkids open it every month", "grandparents", "grandkids"),
    ("les communes achetent et planifient, les habitants deposent leurs dechets", "communes", "habitants"),
])
def test_someone_else_doing_something_is_the_user(answer: str, buyer: str, user: str) -> None:
    _assert_roles(answer, buyer, user)


@pytest.mark.parametrize("answer", [
    "the gym owner buys it and checks the stats, sometimes a coach helps but rarely",
    "the gym owner buys it and checks the stats, no agency in between",
])
def test_a_hedged_or_denied_other_is_not_the_user(answer: str) -> None:
    _assert_roles(answer, "gym owner", "gym owner")


@pytest.mark.parametrize("answer, buyer, user", [
    ("those who wear the tracker are toddlers, the ones who pay are mostly their grandparents",
     "grandparents", "toddlers"),
    ("celles qui s'en servent ce sont les auxiliaires de vie, celui qui paie c'est souvent le departement",
     "departement", "auxiliaires de vie"),
])
def test_a_pseudo_cleft_names_the_role_after_its_hedge(answer: str, buyer: str, user: str) -> None:
    got_buyer, _ = _assert_roles(answer, buyer, user)
    assert not got_buyer.lower().startswith(("mostly", "souvent")), got_buyer


@pytest.mark.parametrize("answer, who", [("the beekeeper", "beekeeper"), ("l'ostéopathe", "ostéopathe")])
def test_one_role_alone_answers_both(answer: str, who: str) -> None:
    _assert_roles(answer, who, who)


@pytest.mark.parametrize("answer, who", [
    ("les artisans, parce qu'ils achetent leur materiel eux-memes et paient comptant", "artisans"),
    ("the gym owners, because they buy the licence and pay monthly", "gym owners"),
])
def test_a_subordinate_clause_s_pronoun_is_the_subject_before_it(answer: str, who: str) -> None:
    buyer, _user = read_buyer_user(answer)
    assert who in buyer.lower(), buyer


@pytest.mark.parametrize("answer, buyer, user", [
    ("the florist owner pays the plan, the shop staff use it at the till", "the florist owner", "the shop staff"),
    ("le gerant du camping paie, l'equipe d'accueil utilise la tablette", "le gerant du camping", "l'equipe d'accueil"),
])
def test_a_role_is_its_whole_noun_phrase_and_ends_at_the_verb(answer: str, buyer: str, user: str) -> None:
    got_buyer, got_user = read_buyer_user(answer)
    assert got_buyer.lower() == buyer and got_user.lower() == user, (got_buyer, got_user)


@pytest.mark.parametrize("pitch, answer, apart", [
    ("a revision app sold to secondary schools", "the pupils pay and use it every evening", True),
    ("une appli de suivi remboursee par les mutuelles", "les patients paient et l'utilisent", True),
    ("a fleet app licensed to trucking companies", "the drivers pay for it and use it", True),
    ("a booking tool sold to hair salons", "salon owners pay and use it", False),  # the same party
    ("une appli pour les etudiants en medecine", "chaque etudiant paie et l'utilise", False),
])
def test_a_payer_named_after_the_verb_in_the_pitch_is_someone_else_paying(pitch: str, answer: str,
                                                                        apart: bool) -> None:
    from assistant.understanding.roles_session import payer_named_apart

    assert payer_named_apart(answer, [pitch]) is apart


@pytest.mark.parametrize("earlier, answer, apart", [
    # the payer is the subject of a verb before the paying one, named by two coordinated nouns
    ("most of them never shop online: it's usually a niece or a grandson who signs them up and pays by card",
     "the elderly are our customers, they pay and they eat the meals", True),
    ("souvent c'est le fils ou la fille qui nous trouve et règle l'abonnement avec sa carte",
     "nos clients ce sont les personnes âgées, elles paient et elles mangent", True),
    ("it's usually the residents who find us and pay the monthly plan",
     "the residents pay and use it", False),  # the same party
])
def test_a_payer_in_an_earlier_answer_shares_the_subject_of_the_verb_before(earlier: str, answer: str,
                                                                            apart: bool) -> None:
    from assistant.understanding.roles_session import payer_named_apart

    assert payer_named_apart(answer, [earlier]) is apart


@pytest.mark.parametrize("clause, role", [
    ("usually it's a son or a daughter who finds us", "a son or a daughter"),
    ("the parents or the grandparents pay", "the parents"),
])
def test_a_role_goes_on_after_or_and_an_article(clause: str, role: str) -> None:
    from assistant.understanding.roles_reader import clause_subject

    assert clause_subject(clause) == role


@pytest.mark.parametrize("answer, user", [
    ("Le parent paie l'abonnement, toute la famille mange le pain", "toute la famille"),
    ("the office manager pays the monthly plan, the whole team drinks the coffee", "the whole team"),
])
def test_who_consumes_what_is_sold_is_its_user(answer: str, user: str) -> None:
    assert read_buyer_user(answer)[1].lower() == user
