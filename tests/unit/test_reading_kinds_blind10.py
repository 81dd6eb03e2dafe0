"""Kinds of founder writing the tenth blind set showed the reader getting wrong, each phrased anew here (none of
these sentences is in `evals/scenarios-blind10/`): a take rate written with "%", a refusal to go over the segments
again said with a casual or "re-" verb, a quoted complaint read as a refusal, a month read as a market,
a telegraphic profile of places and asides, a group turned away with "leave them" or "laissez tomber", an
alternative read as a refusal, and a target swept by two conceded alternatives."""

from __future__ import annotations

import pytest

from assistant.text.tokens import spell_percent, tokenise
from assistant.understanding.mistakes.aside import sets_a_group_aside
from assistant.understanding.mistakes.revisit import speaks_of_the_target_over_time
from assistant.understanding.platform import is_platform
from tests.contexts import context, read_flags, rule_flags

# --- a take rate written with "%" ---------------------------------------------------------------------------


def test_a_percent_sign_after_a_number_is_spelled_for_the_platform_markers() -> None:
    assert [t.norm for t in tokenise(spell_percent("we keep 20%."))] == ["we", "keep", "20", "percent"]
    assert [t.norm for t in tokenise(spell_percent("1,5 % sur ce qui"))] == ["1", "5", "percent", "sur", "ce", "qui"]
    assert spell_percent("We take 1% of sales processed") == "We take 1% of sales processed"


@pytest.mark.parametrize("pitch", [
    "Garage owners rent their empty garage to neighbours for the winter months, and we keep 15%.",
    "Les propriétaires louent leur garage vide à des voisins. Le propriétaire nous laisse 4 % sur chaque paiement.",
    "The club pays us 2% of what goes through the app; members pay their fees by card.",
])
def test_a_take_rate_written_with_a_percent_sign_makes_a_platform(pitch: str) -> None:
    assert is_platform(pitch)


@pytest.mark.parametrize("pitch", [
    "A budgeting app for students. 20% of students run out of money before the end of the month.",
    "Un abonnement de paniers bio, 30 % moins cher que le magasin.",
])
def test_a_percentage_that_is_no_take_rate_makes_no_platform(pitch: str) -> None:
    assert not is_platform(pitch)


# --- never_revisited: casual and "re-" verbs, quotes, dictation ----------------------------------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("Garages first, then the neighbours. I wrote the segments down last spring and there's no need to keep "
     "tinkering with them.", "en"),
    ("We know our customers. I'm not going to be reworking the target every quarter because somebody read a blog.",
     "en"),
    ("Les agences d'abord. La cible est posée, pas besoin de la remanier tous les six mois.", "fr"),
])
def test_a_refusal_to_go_over_the_segments_again_said_casually_is_read(answer: str, lang: str) -> None:
    assert "never_revisited" in rule_flags(context("priority", answer, lang))


def test_a_quoted_complaint_is_no_refusal_to_review() -> None:
    answer = '- guests leave fewer "bathroom not clean" reviews\n- the room list is live on the desk screen'
    assert "never_revisited" not in rule_flags(context("gains", answer, "en"))


def test_a_month_is_no_market_and_a_counted_shift_no_change_of_target() -> None:
    # "march" is near "market*" for a typo-tolerant match; "40 shifts" are hours worked, not a change
    assert not speaks_of_the_target_over_time("The pilot has run since March.")
    assert not speaks_of_the_target_over_time("The customers filled 40 shifts in the pilot.")
    assert speaks_of_the_target_over_time("Our market has not changed since 2019.")


# --- demographics_only: a telegraphic profile --------------------------------------------------------------


def test_a_telegraphic_profile_of_places_and_asides_is_demographics_only() -> None:
    answer = ("- households in the Highlands, around Inverness\n- 4-5 people per home\n- income under 2,000 GBP/month\n"
              "- crofters (sheep, peat, a bit of fishing)\n- speak Gaelic and English")
    assert "demographics_only" in rule_flags(context("for_whom", answer, "en"))


def test_a_telegraphic_profile_with_a_behaviour_is_more_than_demographics() -> None:
    answer = ("- households in the Highlands, around Inverness\n- 4-5 people per home\n"
              "- buy heating oil by the drum every month and hate running out in January")
    assert "demographics_only" not in rule_flags(context("for_whom", answer, "en"))


# --- ignores_underserved: "leave them", "laissez tomber"; an alternative is no refusal ---------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("The growers' groups in the valley. The elderly growers without a smartphone, we leave them, it's not worth "
     "the effort for them.", "en"),
    ("Les familles du centre-ville. Par contre les familles modestes des cités, laissez tomber : pas le budget, ce "
     "n'est pas un marché pour nous.", "fr"),
])
def test_a_group_turned_away_with_leave_them_or_laissez_tomber_is_read(answer: str, lang: str) -> None:
    assert "ignores_underserved" in rule_flags(context("characteristics", answer, lang))


@pytest.mark.parametrize("sentence", [
    "The trainees are on a small grant or none, have lessons all morning and work shifts at night.",
    "Les apprentis ont une petite bourse ou aucune, cours le matin et service le soir.",
    "Supply first: sans chambres, rien à louer.",
])
def test_an_alternative_or_a_nothing_to_do_is_no_group_turned_away(sentence: str) -> None:
    assert not sets_a_group_aside(sentence)


def test_a_group_refused_off_the_lexicon_is_still_turned_away() -> None:
    assert sets_a_group_aside("pas les huileries, trop petites pour nous")


# --- too_broad: two conceded alternatives sweep every case -------------------------------------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("Any cyclist really, whether they ride to work or only on Sundays, whether they live in town or up in the "
     "hills, it's a huge market.", "en"),
    ("Pour toutes les familles qui partent en vacances, qu'elles partent en juillet ou en août, qu'elles aient un "
     "ou trois enfants. Le marché est énorme.", "fr"),
])
def test_a_target_swept_by_two_conceded_alternatives_is_too_broad(answer: str, lang: str) -> None:
    assert "too_broad" in read_flags(context("for_whom", answer, lang))


def test_two_that_clauses_are_no_conceded_alternatives() -> None:
    answer = "Les retraités du quartier. Je pense qu'ils veulent du neuf ou de l'occasion, et qu'ils paient peu."
    assert "too_broad" not in rule_flags(context("for_whom", answer, "fr"))


# --- a voice dictation's spoken punctuation --------------------------------------------------------------


def test_spoken_punctuation_of_a_dictation_becomes_marks() -> None:
    from assistant.text.dictation import spoken_punctuation

    said = "it's a booking app for boat crews period owners post trips comma deckhands take them period"
    assert spoken_punctuation(said) == "it's a booking app for boat crews. owners post trips, deckhands take them."
    assert spoken_punctuation("les salles virgule les techniciens point final") == "les salles, les techniciens."
    typed = "a two-week trial period, then a monthly fee"
    assert spoken_punctuation(typed) == typed


def test_a_dictated_answer_is_read_sentence_by_sentence_by_the_offline_coach() -> None:
    from assistant.canvas import Canvas
    from assistant.coach.base import TurnContext
    from assistant.coach.offline import OfflineCoach
    from assistant.prompts import Prompts

    coach = OfflineCoach(Prompts(), embed=None)
    dictated = ("independent bike shops in Leeds comma the ones with one or two mechanics period they are "
                "drowning in repair bookings on paper")
    ctx = TurnContext(question_id="for_whom", answer=dictated, language="en", canvas=Canvas(language="en"))
    names = [u.segment for u in coach.analyse_sync(ctx).updates]
    assert names and not any("period" in n.lower() or "comma" in n.lower() for n in names)


def test_a_founder_who_dictated_once_dictates_every_answer() -> None:
    from assistant.text.dictation import spoken_punctuation

    assert spoken_punctuation("the venues and the crews period", dictated=True) == "the venues and the crews."
    assert spoken_punctuation("the venues and the crews period") == "the venues and the crews period"
