"""The words of the buyer/user reader live in data (`assistant/lexicon/<lang>/role_reading.yaml`): each language
holds its own, the readers' regular expressions and word sets are built from them on first use, and who pays and
who uses reads the same in French and in English through the data. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from assistant.lexicon import words
from assistant.lexicon.role_reading import RoleReadingWords, role_regex, role_word_set
from assistant.understanding.role_terms import with_terms
from assistant.understanding.roles_by_segment import parse_buyer_user
from assistant.understanding.roles_candidates import role_candidates
from assistant.understanding.roles_reader import DETERMINERS, PAYS, USES, read_roles
from assistant.understanding.roles_session import payer_named_apart, roles_told_apart


def test_each_language_holds_its_own_words() -> None:
    fr, en = words(RoleReadingWords, "role_reading", "fr"), words(RoleReadingWords, "role_reading", "en")
    assert "qui" in fr.person_relatives and "who" in en.person_relatives
    assert "les" in fr.determiners and "les" not in en.determiners and "the" in en.determiners
    assert "ne paie pas" in fr.negations and "nobody" in en.negations
    assert "c est lui" in fr.cleft_pronouns and not en.cleft_pronouns  # a French cleft only


def test_the_readers_names_are_built_from_the_data_on_first_use() -> None:
    broken = role_regex(r"\b{no_such_list}\b")  # nothing is read until it is used
    with pytest.raises(KeyError, match="no_such_list"):
        broken.search("x")
    assert PAYS.fullmatch("paient") and PAYS.fullmatch("pays") and USES.search("les enfants jouent")
    assert "l" in DETERMINERS and "the" in DETERMINERS and "parents" not in DETERMINERS
    union = frozenset({"of"}) | role_word_set("relatives")
    assert isinstance(union, frozenset) and union == {"of", "qui", "that", "who"}


@pytest.mark.parametrize(("answer", "buyer", "user"), [
    ("the parents pay and the kids play with it every day", "the parents", "the kids"),
    ("les parents paient et les enfants jouent avec tous les jours", "les parents", "les enfants"),
    ("the users are the ward nurses, the hospital pays", "the hospital", "the ward nurses"),
    ("les utilisateurs sont les infirmieres, l'hopital paie", "l'hopital", "les infirmieres"),
    ("buyer: the CFO. user: every employee who travels", "the CFO", "every employee who travels"),
    ("payeur : la DAF. utilisateurs : les comptables", "la DAF", "les comptables"),
    ("the teacher pays and uses it himself", "the teacher", "the teacher"),
    ("la prof paie et l'utilise elle-meme", "la prof", "la prof"),
])
def test_who_pays_and_who_uses_read_through_the_data(answer: str, buyer: str, user: str) -> None:
    assert read_roles(answer) == (buyer, user)


@pytest.mark.parametrize(("answer", "user"), [
    ("advertisers pay nothing, readers use it for free", "readers"),
    ("les annonceurs paient rien, les lecteurs l'utilisent gratuitement", "les lecteurs"),
    ("no idea who pays yet, the nurses use it", "the nurses"),
    ("on ne sait pas qui va payer, les infirmieres l'utilisent", "les infirmieres"),
])
def test_paying_denied_or_asked_names_no_buyer(answer: str, user: str) -> None:
    assert read_roles(answer) == ("", user)


@pytest.mark.parametrize(("answer", "buyer"), [
    ("the guest pays the booking plus a 10% service fee", "the guest (pays the booking plus a 10% service fee)"),
    ("le client paie la reservation plus 10% de frais", "le client (paie la reservation plus 10% de frais)"),
])
def test_the_buyer_keeps_their_terms(answer: str, buyer: str) -> None:
    assert with_terms(read_roles(answer)[0], answer) == buyer


@pytest.mark.parametrize(("pitch", "answer"), [
    ("An app sold to school districts", "each teacher pays and uses it"),
    ("Une appli vendue aux mairies", "chaque agent paie et l'utilise"),
])
def test_a_payer_named_in_the_pitch_is_someone_else_paying(pitch: str, answer: str) -> None:
    assert not roles_told_apart(answer) and payer_named_apart(answer, [pitch])


@pytest.mark.parametrize(("answer", "phrase"), [
    ("c'est lui qui paie, l'artisan", "l'artisan"),
    ("whoever does the shopping pays", "whoever does the shopping"),
])
def test_candidates_read_the_moved_function_words(answer: str, phrase: str) -> None:
    assert phrase in [c.text for c in role_candidates(answer)[1]]


@pytest.mark.parametrize(("answer", "roles"), [
    ("parents pay, kids play", ("parents pay", "kids play")),
    ("les parents paient, les enfants jouent", ("les parents paient", "les enfants jouent")),
])
def test_the_best_effort_split_reads_the_moved_cues(answer: str, roles: tuple[str, str]) -> None:
    assert parse_buyer_user(answer) == roles
