"""Who pays and who uses when the answer names one group only (issue 9, kind 12): the group that pays and
does something else with the product ("le coureur l'achète, il la porte") is also its user; a group that only
pays leaves the user unsaid. Phrasings written for these tests, in no corpus file."""

from __future__ import annotations

import pytest

from assistant.understanding.reader import read_buyer_user


@pytest.mark.parametrize("answer, who", [
    ("la couturiere l'achete elle-meme, elle s'en sert sur chaque commande", "couturiere"),
    ("l’ébéniste l’achète, il s’en sert pour chaque devis", "ébéniste"),
    ("le moniteur d'auto-ecole paie son forfait, il planifie ses lecons avec", "moniteur"),
    ("the beekeeper buys the sensor and checks his hives on the app", "beekeeper"),
    ("the sommelier pays for it, he logs every bottle in it", "sommelier"),
])
def test_one_group_that_pays_and_acts_is_also_the_user(answer: str, who: str) -> None:
    buyer, user = read_buyer_user(answer)
    assert who in buyer.lower() and who in user.lower(), (buyer, user)
    assert len(buyer.split()) <= 3, buyer  # the role, not the object pronoun or the verb after it


@pytest.mark.parametrize("answer, who", [
    ("la region paie, c'est tout", "region"),
    ("the county pays for it, that's it", "county"),
])
def test_a_group_that_only_pays_leaves_the_user_unsaid(answer: str, who: str) -> None:
    buyer, user = read_buyer_user(answer)
    assert who in buyer.lower() and user == "", (buyer, user)
