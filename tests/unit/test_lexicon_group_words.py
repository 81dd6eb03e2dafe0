"""The words of customer groups, of cutting an answer into groups, of platforms and of "I don't know" live in
data (`assistant/lexicon/<lang>/{groups,grouping,platform_markers,dont_know}.yaml`): every language's files
load into their strict models, and the readers give, through the data, what they gave with the lists in
Python, in French and in English."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from assistant.lexicon import LEXICON_DIR, words
from assistant.lexicon.groups import GroupWords
from assistant.text.tokens import tokenise
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.group_predicate import names_a_segment
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import announced_count, group_words, is_group_word
from assistant.understanding.platform import is_platform, names_both_sides, platform_sides


def _data(language: str, name: str) -> dict[str, Any]:
    data = yaml.safe_load((LEXICON_DIR / language / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_number_words_are_a_mapping_to_their_value() -> None:
    assert words(GroupWords, "groups", "fr").number_words["trois"] == 3
    assert words(GroupWords, "groups", "en").number_words["two"] == 2
    with pytest.raises(ValidationError):
        GroupWords.model_validate({**_data("en", "groups"), "number_words": ["one", "two"]})


@pytest.mark.parametrize(("word", "group"), [
    ("kines", True), ("restauration", True), ("torrefacteurs", True), ("exigeants", False), ("paient", False),
    ("customers", True), ("hospitality", True), ("beekeepers", True), ("however", False), ("computers", False),
])
def test_group_words_come_from_the_data(word: str, group: bool) -> None:
    assert is_group_word(word) is group


def test_a_modifier_group_word_gives_way_to_the_group_after_it() -> None:
    assert group_words(tokenise("independent restaurants and freelance designers")) == ["restaurants", "designers"]
    assert group_words(tokenise("les restaurateurs independants")) == ["restaurateurs", "independants"]


@pytest.mark.parametrize(("text", "count"), [
    ("On a trois cibles : les kinés, les patients et les mutuelles", 3),
    ("We serve two sides that need each other", 2),
    ("3 segments", 3),
    ("les kinés et les patients", None),
])
def test_the_number_of_groups_announced(text: str, count: int | None) -> None:
    assert announced_count(text) == count


@pytest.mark.parametrize(("text", "groups"), [
    ("Nos clients sont les restaurateurs indépendants et les traiteurs",
     ["les restaurateurs indépendants", "les traiteurs"]),
    ("Les commerçants du centre : fleuristes, cavistes. Et les mairies.",
     ["Les commerçants du centre : fleuristes, cavistes", "les mairies"]),
    ("We connect small business owners with freelance accountants",
     ["small business owners", "freelance accountants"]),
    ("farmers who can not deal with calling 8 farms", ["farmers who can not deal with calling 8 farms"]),
])
def test_an_answer_is_cut_into_its_groups_through_the_data(text: str, groups: list[str]) -> None:
    assert split_groups(text) == groups


def test_a_platform_and_its_sides_are_read_through_the_data() -> None:
    assert platform_sides("On met en relation les kinés et les patients") == ["kines", "patients"]
    assert platform_sides("We connect dog owners with dog walkers") == ["owners", "walkers"]
    assert is_platform("Une place de marché pour les artisans")
    assert is_platform("A two-sided marketplace for hosts and guests")
    assert not is_platform("Une appli pour les kinés") and not is_platform("An app for runners")
    assert names_both_sides("des deux côtés") and names_both_sides("on one side the hosts, on the other the guests")
    assert not names_both_sides("the hosts")


@pytest.mark.parametrize(("text", "dont_know"), [
    ("je sais pas", True), ("jsp trop", True), ("je sais pas, les restaurateurs ?", False),
    ("No idea honestly", True), ("not sure yet", True), ("not sure, but we did about 20 interviews", False),
])
def test_dont_know_is_read_through_the_data(text: str, dont_know: bool) -> None:
    assert is_dont_know(text) is dont_know


def test_a_structure_noun_after_the_copula_makes_a_segment() -> None:
    assert names_a_segment("les infirmières de nuit, c est un vrai segment")


@pytest.mark.parametrize("pitch", [
    # an auction, or a seller and a buyer each paying a fee: two sides (third blind set, 2026-12-02)
    "An online auction for used tractors: dealers list machines, farms bid over three days",
    "Sellers pay 3% of the hammer price and buyers a 2% fee, we handle the transport",
    "Une plateforme de vente aux enchères de vins pour les caves",
    "On prend 4 % au vendeur et 1 % à l'acheteur sur chaque lot de bois",
])
def test_an_auction_or_fees_on_sellers_and_buyers_make_a_platform(pitch: str) -> None:
    assert is_platform(pitch)


def test_a_buyer_alone_makes_no_platform() -> None:
    assert not is_platform("We help the buyer at each school get the purchase approved by the district")


@pytest.mark.parametrize(("pitch", "sides"), [
    # words founders use for people the lexicon lacked (third blind set, 2026-12-02)
    ("une plateforme qui met en relation les proprios de camping-cars avec des mécanos à domicile",
     ["proprios", "mecanos"]),
    ("une appli qui met en relation les voisins et les habitants du quartier", ["voisins", "habitants"]),
    ("an app that connects neighbours with parents who work late", ["neighbours", "parents"]),
])
def test_colloquial_words_for_people_name_the_sides_of_a_platform(pitch: str, sides: list[str]) -> None:
    assert platform_sides(pitch) == sides


def test_a_word_close_to_a_new_people_word_is_no_group() -> None:
    from assistant.understanding.groups import is_group_word
    for word in ("voisinage", "locally", "neighbourhood", "habitat"):
        assert not is_group_word(word), word
