"""Groups put off, groups announced (issue 9, kinds 1 and 2): a group that the words right after it put off
to later is recorded as deferred, never a segment; a group read as deferred that no word puts off is a
segment; a platform side's heading and the founder's targeting verb are not part of the group. Phrasings
written for these tests, in no corpus or scenario file."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list


@pytest.mark.parametrize(("answer", "kept", "deferred"), [
    ("On part sur les boulangeries artisanales de Rennes. Les traiteurs et compagnie, on verra quand ça "
     "tournera.", "boulangeries", "traiteurs"),
    ("Climbing gyms in Leeds first. The yoga studios and the rest, we'll see once it works.", "climbing gyms",
     "yoga studios"),
    ("Les cabinets dentaires d'abord, les cliniques ça viendra plus tard.", "cabinets dentaires", "cliniques"),
    ("Independent florists, and wedding planners come later once we have a catalogue.", "florists",
     "wedding planners"),
])
def test_a_group_put_off_by_the_words_after_it_is_deferred(answer: str, kept: str, deferred: str) -> None:
    reading = read_group_list(answer, embed_queries)
    assert any(kept in g.lower() for g in reading.groups), reading
    assert not any(deferred in g.lower() for g in reading.groups), reading
    assert any(deferred in g.lower() for g in reading.deferred), reading


def test_everyone_else_put_off_defers_nobody_named() -> None:
    reading = read_group_list("wedding venues first, everyone else can wait", embed_queries)
    assert any("wedding venues" in g.lower() for g in reading.groups), reading
    assert not reading.deferred, reading


@pytest.mark.parametrize(("answer", "group", "not_in"), [
    ("C'est une plateforme à deux faces. Côté offre c'est les traiteurs indépendants qui cuisinent chez eux "
     "et veulent des commandes en semaine.", "traiteurs", "offre"),
    ("Sure. On the supply side it's retired teachers who want a few hours of tutoring a week.",
     "retired teachers", "side"),
])
def test_a_side_heading_and_its_copula_are_not_part_of_the_group(answer: str, group: str, not_in: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and group in groups[0].lower() and not_in not in groups[0].lower(), groups


def test_the_group_a_targeting_verb_announces_is_read_after_a_concession() -> None:
    answer = ("Oui c'est vrai, c'est large. On commence par les opticiens indépendants, c'est le métier que je "
              "connais. Les grandes enseignes, on verra plus tard.")
    reading = read_group_list(answer, embed_queries)
    assert [g for g in reading.groups if "opticiens" in g.lower()], reading
    assert not [g for g in reading.groups if "enseignes" in g.lower()], reading


@pytest.mark.parametrize("answer, group", [
    ("Hmm, c'est vrai que les pharmaciens m'ont dit que c'est la moitie de leurs clients. Donc ok, les aidants "
     "familiaux c'est un vrai segment, avec des besoins un peu differents.", "aidants familiaux"),
    ("Fair, our pilot says otherwise. So yes, night-shift paramedics are a segment of their own, with other "
     "needs.", "night-shift paramedics"),
])
def test_a_group_said_to_be_a_segment_is_read_after_a_preamble(answer: str, group: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert any(group in g.lower() and "segment" not in g.lower() for g in groups), groups


def test_a_statement_about_ca_names_no_group() -> None:
    answer = ("les gens qui cuisinent le soir en semaine et qui lisent les etiquettes. ca reste large, mais c'est ca "
              "notre marche : un geste tres repandu, pas une niche")
    groups = read_group_list(answer, embed_queries).groups
    assert not [g for g in groups if g.lower().strip().startswith("mais")], groups
