"""Reading kinds found while a ninth blind set was written and scored (evals/scenarios-blind9), each phrased
anew here: two groups in parallel ("X in A and Y in B"), a group put off with a return planned."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.grouping import split_groups
from assistant.understanding.reader import read_groups
from tests.contexts import context, read_flags

# --- two groups in parallel ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "first", "second"), [
    ("Kennels in Ohio and pet groomers in Kentucky", "kennels", "pet groomers"),
    ("Marinas in Brittany and sailing schools in Normandy", "marinas", "sailing schools"),
    ("Des salles d'escalade à Lyon et des studios de danse à Grenoble", "salles d'escalade", "studios de danse"),
    ("Des chenils en Bretagne et des toiletteurs en Normandie", "chenils", "toiletteurs"),
])
def test_two_parallel_qualified_phrases_are_two_groups(answer: str, first: str, second: str) -> None:
    groups = read_groups(answer, embed_queries)
    assert len(groups) == 2, groups
    assert first in groups[0].lower() and second in groups[1].lower()


@pytest.mark.parametrize("answer", [
    "Families with two kids under 10 and a car they use every weekend",
    "Des artisans avec une camionnette et un devis toujours en retard",
])
def test_a_group_with_an_attribute_list_stays_one_group(answer: str) -> None:
    assert len(read_groups(answer, embed_queries)) == 1


def test_a_place_qualified_phrase_waits_for_no_shared_head() -> None:
    """"gyms in Austin" is complete: the rule reader does not glue it to the next group as a modifier would be
    ("full-time rideshare and delivery drivers")."""
    assert split_groups("full-time rideshare and delivery drivers") == ["full-time rideshare and delivery drivers"]
    answer = "Gyms in Austin and physio clinics in Dallas"
    assert answer not in split_groups(answer)


# --- a return planned is no segment left fixed ------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Vets first. Groomers aren't worth it yet, we'll circle back to them after the summer."),
    ("en", "Not worth the effort right now; we'll come back to that next year."),
    ("fr", "Les vétos d'abord. Les toiletteurs, pas la peine pour l'instant, on y reviendra l'an prochain."),
    ("fr", "Les écoles attendront, on en reparlera plus tard, une fois le pilote fini."),
])
def test_a_group_put_off_with_a_return_planned_is_not_never_revisited(lang: str, answer: str) -> None:
    ctx = context("priority", answer, lang, "Une appli de rendez-vous pour vétérinaires et toiletteurs."
                  if lang == "fr" else "A booking app for vets and pet groomers.")
    assert "never_revisited" not in read_flags(ctx)


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Vets, and that's it. No need to come back to it next year, the market won't change."),
    ("fr", "Les vétos, point. On ne reviendra pas dessus l'an prochain, notre cible ne changera pas."),
])
def test_a_return_refused_still_leaves_the_segments_fixed(lang: str, answer: str) -> None:
    ctx = context("priority", answer, lang, "Une appli de rendez-vous pour vétérinaires et toiletteurs."
                  if lang == "fr" else "A booking app for vets and pet groomers.")
    assert "never_revisited" in read_flags(ctx)
