"""Kinds the twentieth blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind20/`): a platform pitch whose taking side finds the other as a bare plural ("find freelance
certified welders"); a take rate taken from one party on each exchange; the employer of the group named before, told
by a pronoun that points back ("the companies they work for"), or a group told by what it does for the group
before ("the NGOs working on girls' education"), is that group's buyer, not a segment of its own; a sameness claim
is no job, pain or gain; a name never ends on a preposition; the payer waved away with the list it opens ("le
budget, la mairie, tout ça c'est de l'intendance"); a hard-wrapped answer keeps its negation; the groups kept after
a first-person frame and a list put off as a whole; "he or his editor uses it" names the editor."""

from __future__ import annotations

from assistant.canvas import Canvas
from assistant.text.vectors import embed_queries
from assistant.understanding.exchange import exchange_sides
from assistant.understanding.extract import fields_from_answer, groups_updates
from assistant.understanding.mistakes.sides import one_sided_platform
from assistant.understanding.platform import is_platform
from assistant.understanding.segment_names import segment_name
from tests.contexts import context, read_flags

# --- one_sided_platform ----------------------------------------------------------------------------------------

CREW_PITCH = ("We run app where small building contractors in Kraków find qualified scaffolders for one or two "
              "weeks. Scaffolders upload their tickets, contractor posts the job, we take fee per day from contractor.")


def test_a_bare_plural_found_is_the_other_side() -> None:
    assert sorted(exchange_sides(CREW_PITCH)) == ["contractors", "scaffolders"]
    # a preposition first: the object is no group ("they book for their clients")
    assert exchange_sides("Agencies book for their clients on our site.") == []


def test_one_side_of_a_bare_plural_exchange_is_stated() -> None:
    answer = ("For the contractors. Small builders with 5 to 30 people on site who need scaffolding fast. "
              "They pay, they are our clients.")
    found = one_sided_platform(context("for_whom", answer, "en", pitch=CREW_PITCH))
    assert found is not None and found.stated


def test_a_take_rate_from_one_party_on_each_exchange_is_a_platform() -> None:
    assert is_platform("Growers see today's prices. We take 3% from the trader on each sale made in the app.")
    assert is_platform("Les pêcheurs voient les prix. On prend 3 % au mareyeur sur chaque vente faite dans l'appli.")
    assert not is_platform("We take 3% off the first order for new shops.")


# --- one segment: the group and the organisation that buys for it ------------------------------------------------


def test_the_employer_the_group_works_for_is_no_segment_of_its_own() -> None:
    answer = ("Nurses coming back from a long sick leave who are scared of night shifts, and the hospitals they "
              "work for, mostly the ones that can't afford to lose more staff.")
    updates = groups_updates(answer, embed_queries, Canvas(language="en"))
    assert len(updates) == 1 and "hospitals" in updates[0].who


def test_a_group_told_by_what_it_does_for_the_group_before_is_part_of_it() -> None:
    answer = ("Les apprentis boulangers de 16 à 20 ans qui lâchent leur CAP en première année, et les chambres des "
              "métiers qui financent l'accompagnement des apprentis.")
    updates = groups_updates(answer, embed_queries, Canvas(language="fr"))
    assert len(updates) == 1 and "chambres des métiers" in updates[0].who


def test_two_groups_side_by_side_stay_two() -> None:
    # guards: a comma before the pronoun, and a second group that does not name the first
    answer = "Independent bakeries in Leeds, and the coffee shops, they all need bread before 7."
    assert len(groups_updates(answer, embed_queries, Canvas(language="en"))) == 2
    answer = "Les kinés libéraux de Lille, et les cabinets d'ostéopathes de la métropole."
    assert len(groups_updates(answer, embed_queries, Canvas(language="fr"))) == 2


# --- canvas items -------------------------------------------------------------------------------------------------


def _items(question: str, answer: str, lang: str) -> list[str]:
    canvas = Canvas(language=lang)  # type: ignore[arg-type]
    updates = fields_from_answer(question, answer, canvas, lang, None)  # type: ignore[arg-type]
    return [i for u in updates for i in getattr(u, question)]


def test_a_sameness_claim_is_no_job() -> None:
    items = _items("jobs", "same for all of them: get paid on time. No difference between a young driver and an "
                           "old one, a driver is a driver, plan the week without calling the dispatcher", "en")
    assert any("get paid on time" == i for i in items)
    assert not any("difference" in i or "a driver is a driver" in i or i.startswith("same for") for i in items)
    assert any("plan the week" in i for i in items)


def test_a_name_never_ends_on_a_preposition() -> None:
    # cut at its sixth word, the name stops before the preposition it would end on
    assert segment_name("Nurses going back to work after a long sick leave who fear night shifts") == (
        "Nurses going back to work")


# --- buyer_user_confusion --------------------------------------------------------------------------------------


def test_the_payer_waved_away_as_housekeeping_is_the_confusion() -> None:
    pitch = ("On anime des ateliers de natation pour les classes de CE1 à la piscine municipale. Le département paie "
             "600 euros par classe, les élèves apprennent à nager.")
    answer = ("Nos clients ce sont les élèves, c'est eux qui nagent. Le département, le budget, tout ça c'est de "
              "l'intendance.")
    assert "buyer_user_confusion" in read_flags(context("buyer_user", answer, "fr", pitch=pitch))
    pitch = "We run swimming lessons for year 3 classes at the town pool. The county pays 600 pounds a class."
    answer = ("Our customers are the pupils, they're the ones swimming. The county, the budget, all that is "
              "housekeeping.")
    assert "buyer_user_confusion" in read_flags(context("buyer_user", answer, "en", pitch=pitch))


# --- a hard-wrapped answer ---------------------------------------------------------------------------------------


def test_a_sentence_wrapped_at_a_width_keeps_its_negation() -> None:
    from assistant.canvas import Segment
    from assistant.coach.base import TurnContext
    from assistant.coach.offline import OfflineCoach
    from assistant.prompts import Prompts
    from assistant.text.wrapping import unwrap

    answer = ("Everyone in the valley complains about the water rota, that part is common. But the growers are not\n"
              "    all the same:\n- the old ones trust the water master;\n- the young ones want figures.")
    assert "are not all the same:\n- the old ones" in unwrap(answer)
    assert unwrap("les boulangeries\nles traiteurs") == "les boulangeries\nles traiteurs"  # a list's short lines
    canvas = Canvas(language="en", segments=[Segment(name="Date growers")])
    turn = TurnContext(question_id="characteristics", answer=answer, language="en", canvas=canvas)
    analysis = OfflineCoach(Prompts(), embed=embed_queries).analyse_sync(turn)
    assert "assumes_homogeneous" not in {f.mistake_id for f in analysis.findings}


# --- groups kept and groups put off in one follow-up --------------------------------------------------------------


def test_the_groups_kept_after_a_first_person_frame_are_the_groups() -> None:
    from assistant.understanding.group_reader import read_group_list

    answer = ("Bon, d'accord, c'est trop. Je garde les boulangeries et les épiceries de nuit : même façon de "
              "travailler, cash, petit stock. Les hôtels, les cantines, les traiteurs, on verra quand ça tourne.")
    reading = read_group_list(answer, embed_queries)
    assert [g.split()[1] for g in reading.groups] == ["boulangeries", "épiceries"]
    assert not any("traiteurs" in g or "cantines" in g for g in reading.groups)


def test_a_list_put_off_as_a_whole_leaves_no_group() -> None:
    from assistant.understanding.group_reader import read_group_list

    reading = read_group_list("Fair enough. The hostels, the corner shops, the caterers, the food trucks, we'll see "
                              "once the stalls pay.", embed_queries)
    assert reading.groups == [] and len(reading.deferred) == 4


def test_a_pronoun_coordinated_with_the_user_leaves_the_user() -> None:
    from assistant.understanding.roles_reader import read_roles

    assert read_roles("The owner pays and she or her manager uses it every evening.") == ("The owner", "her manager")
    assert read_roles("Le gérant paie, et lui ou son adjoint utilisent l'outil le soir.")[1] == "son adjoint"
