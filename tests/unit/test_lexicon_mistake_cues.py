"""The words of the not_validated, never_revisited, demographics_only and assumes_homogeneous detectors live in
data (`assistant/lexicon/<lang>/{validation,revisit,profile}.yaml`): every language's file loads into its strict
model, and the detectors read them in both languages."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from assistant.lexicon import words
from assistant.lexicon.profile import ProfileWords
from assistant.lexicon.revisit import RevisitWords
from assistant.lexicon.validation import ValidationWords
from assistant.understanding.mistakes.profile import assumes_homogeneous, demographic_profile, demographics_only
from assistant.understanding.mistakes.revisit import (
    never_revisited,
    speaks_of_the_target_over_time,
)
from assistant.understanding.mistakes.validation import evidence_level, not_validated, plans_research
from tests.contexts import context

MODELS: list[tuple[type[BaseModel], str]] = [
    (ValidationWords, "validation"), (RevisitWords, "revisit"), (ProfileWords, "profile")]






def test_each_language_holds_its_own_words() -> None:
    fr, en = words(ValidationWords, "validation", "fr"), words(ValidationWords, "validation", "en")
    assert "entretien*" in fr.evidence_nouns and "interview*" in en.evidence_nouns
    assert fr.folded_sure == ["sur"] and not en.folded_sure
    assert "que" in fr.sure_followers and "that" in en.sure_followers and "that" not in fr.sure_followers
    assert set(fr.single_quantities) == {"un", "une"} and set(en.single_quantities) == {"a", "an"}
    revisit_fr, revisit_en = words(RevisitWords, "revisit", "fr"), words(RevisitWords, "revisit", "en")
    assert "sont" in revisit_fr.copulas and "are" in revisit_en.copulas and "are" not in revisit_fr.copulas
    assert "the" in revisit_en.articles and "the" not in revisit_fr.articles
    profile_fr, profile_en = words(ProfileWords, "profile", "fr"), words(ProfileWords, "profile", "en")
    assert "qui" in profile_fr.relatives and "who" in profile_en.relatives and "who" not in profile_fr.relatives
    assert profile_fr.presentatives == ["c est"] and not profile_en.presentatives
    assert "urbain*" in profile_fr.location and "urban" in profile_en.location


@pytest.mark.parametrize(("language", "question", "answer", "flagged", "level", "plans"), [
    ("fr", "evidence", "Pas encore, mais je suis sûr que ça va marcher", True, "assumption", False),
    ("fr", "evidence", "On a interviewé 22 infirmières et 3 cliniques ont signé un pilote", False, "validated", False),
    ("fr", "evidence", "Mes amis et ma famille adorent l'idée", True, "assumption", False),
    ("fr", "evidence", "Je vais interroger 20 voyageurs le mois prochain", True, "assumption", True),
    ("fr", "evidence", "Zéro entretien pour l'instant", True, "assumption", False),
    ("fr", "pains", "On est sur le marché depuis deux ans", False, "assumption", False),
    ("fr", "pains", "Je suis sûr qu'ils en ont besoin", True, "assumption", False),
    ("en", "evidence", "Not yet, but I'm pretty sure it will work", True, "assumption", False),
    ("en", "evidence", "We interviewed 30 shop owners and have 12 paying customers", False, "validated", False),
    ("en", "evidence", "My gut tells me, I have worked 10 years in the industry", True, "assumption", False),
    ("en", "evidence", "We will interview 20 nurses next month", True, "assumption", True),
])
def test_not_validated_reads_the_moved_words(language: str, question: str, answer: str, flagged: bool, level: str,
                                             plans: bool) -> None:
    assert (not_validated(context(question, answer, language)) is not None) is flagged
    assert evidence_level(answer) == level
    assert plans_research(answer) is plans


@pytest.mark.parametrize(("language", "answer", "flagged", "over_time"), [
    ("fr", "Nos segments ne changeront pas, c'est réglé une fois pour toutes", True, True),
    # said for a time only: no claim about the target over time, which a head's guess could lean on
    ("fr", "Pour l'instant nos segments ne changent pas beaucoup", False, False),
    ("fr", "Notre cible est figée", True, True),
    ("fr", "On a fait notre segmentation il y a 3 ans et c'est bon", True, True),
    ("fr", "59 euros la révision pour les garages", False, False),
    ("en", "Our segments will never change", True, True),
    ("en", "Once defined, there is no need to revisit our target", True, True),
    ("en", "Our segments won't change for now", False, False),
    ("en", "Our customers are locked in", True, True),
])
def test_never_revisited_reads_the_moved_words(language: str, answer: str, flagged: bool, over_time: bool) -> None:
    assert (never_revisited(context("for_whom", answer, language)) is not None) is flagged
    assert speaks_of_the_target_over_time(answer) is over_time


@pytest.mark.parametrize(("language", "answer", "flagged", "categories"), [
    ("fr", "Des femmes de 30 à 45 ans, cadres, à Paris", True, {"age", "gender", "location", "occupation"}),
    ("fr", "Des cadres qui vivent à Lyon, plutôt aisés", True, {"income", "location", "occupation"}),
    ("fr", "Des femmes de 30 à 45 ans qui reprennent le sport après une grossesse", False, {"age", "gender"}),
    ("en", "Women aged 30 to 45, managers, living in London", True, {"gender", "location", "occupation"}),
    ("en", "Women aged 30 to 45 who struggle to find time to exercise", False, {"gender"}),
])
def test_demographics_only_reads_the_moved_words(language: str, answer: str, flagged: bool,
                                                 categories: set[str]) -> None:
    assert (demographics_only(context("characteristics", answer, language)) is not None) is flagged
    assert demographic_profile(answer)[0] == categories


@pytest.mark.parametrize(("language", "answer", "flagged"), [
    ("fr", "Ils ont tous les mêmes besoins", True),
    ("fr", "Un client c'est un client", True),
    ("fr", "C'est le même problème que Excel", False),
    ("en", "They are all the same really", True),
    ("en", "A driver is a driver", True),
    ("en", "Basically the same price as a taxi", False),
])
def test_assumes_homogeneous_reads_the_moved_words(language: str, answer: str, flagged: bool) -> None:
    assert (assumes_homogeneous(context("for_whom", answer, language)) is not None) is flagged
