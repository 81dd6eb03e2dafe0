"""Groups across a session (issue 9, kinds 1 and 3): a bare group narrowed right after is one group; a side
named in a later answer is its own segment even when another segment's description mentions it; a wish list
of more groups than the canvas holds adds none and sets no priority. Phrasings written for these tests, in no
scenario or corpus file."""

from __future__ import annotations

import pytest

from assistant.canvas import Canvas, Segment
from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.refinements import sides_named_later
from assistant.understanding.segment_names import known_segment


@pytest.mark.parametrize("answer, head", [
    ("gyms. independent gyms in leeds that lose members every january and can't afford a retention tool",
     "gyms"),
    ("Les pharmacies. Les pharmacies de village qui font encore leurs commandes au telephone.", "pharmacies"),
    ("caterers - small caterers doing weddings on weekends who juggle 5 spreadsheets", "caterers"),
])
def test_a_bare_group_narrowed_right_after_is_one_group(answer: str, head: str) -> None:
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1, groups
    assert head in groups[0].lower() and len(groups[0].split()) > 2, groups  # the narrowed one is kept


def _canvas(startup: str, *segments: tuple[str, str]) -> Canvas:
    return Canvas(startup=startup, segments=[Segment(name=n, who=w, segment_type="multi_sided")
                                             for n, w in segments])


@pytest.mark.parametrize("group", ["small farms that want to sell more wholesale", "les petits maraichers du coin"])
def test_a_group_named_in_another_segments_description_is_not_that_segment(group: str) -> None:
    canvas = _canvas("A marketplace between local growers and restaurants.",
                     ("Independent restaurants", "independent restaurants that call 8 farms and maraichers a week"))
    assert known_segment(canvas, group) == ""
    assert known_segment(canvas, "restaurants that cook local") == "Independent restaurants"


@pytest.mark.parametrize("answer", [
    "next year: schools, hospitals, caterers, food trucks and home cooks, all of them at once",
    "ensuite on ajoute tout : les ecoles, les hopitaux, les traiteurs, les food trucks et les particuliers",
])
def test_a_wish_list_longer_than_the_canvas_adds_no_segment(answer: str) -> None:
    canvas = _canvas("A marketplace where local farms sell to restaurants.",
                     ("Independent restaurants", "independent restaurants"), ("Small farms", "small farms"))
    assert sides_named_later(answer, canvas, embed_queries) == []


@pytest.mark.parametrize("answer, side", [
    ("and on the other side the drivers, who want steady evening rides", "driver"),
    ("de l'autre cote, les chauffeurs qui veulent des courses le soir", "chauffeur"),
])
def test_the_other_side_named_later_is_added(answer: str, side: str) -> None:
    canvas = _canvas("An app that connects riders and drivers in small towns.", ("Riders", "riders in small towns"))
    added = sides_named_later(answer, canvas, embed_queries)
    assert [u.segment.lower() for u in added] and side in added[0].segment.lower(), added


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "later we add everyone: schools, hospitals, caterers, food trucks, home cooks, all at once, "
           "more buyers means more sales for the growers"),
    ("fr", "apres on ajoute tout le monde en meme temps : ecoles, hopitaux, traiteurs, food trucks, "
           "particuliers, plus d'acheteurs = plus de ventes pour les producteurs"),
])
def test_a_wish_list_at_the_priority_question_keeps_the_priority(lang: str, answer: str) -> None:
    from assistant.coach.base import TurnContext
    from assistant.coach.offline import OfflineCoach
    from assistant.prompts import Prompts

    names = ["Independent restaurants", "Small growers"] if lang == "en" else ["Restaurants independants",
                                                                              "Petits producteurs"]
    canvas = Canvas(language=lang, startup="A marketplace where small growers sell to restaurants.",  # type: ignore[arg-type]
                    segments=[Segment(name=n, segment_type="multi_sided") for n in names], focus_segment=names[0])
    turn = TurnContext(question_id="priority", answer=answer, language=lang, canvas=canvas)  # type: ignore[arg-type]
    analysis = OfflineCoach(Prompts(), embed=embed_queries).analyse_sync(turn)
    assert "too_many_segments" in {f.mistake_id for f in analysis.findings}
    assert analysis.focus_segment == ""  # the priority stays where it was
    assert not [u for u in analysis.updates if u.segment not in names]  # no segment added from the list


@pytest.mark.parametrize(("lang", "answer", "first", "second"), [
    ("en", "Hosts: cleaning between guests, last-minute cancellations. Guests: hidden fees, a flat that "
           "doesn't match the photos", "Hosts", "Guests"),
    ("fr", "Proprietaires : les impayes, la paperasse ; Locataires : les frais d'agence, les visites a la "
           "chaine", "Proprietaires", "Locataires"),
])
def test_items_after_a_segment_label_go_to_that_segment_only(lang: str, answer: str, first: str,
                                                             second: str) -> None:
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=first), Segment(name=second)],  # type: ignore[arg-type]
                    focus_segment=first)
    pains = {u.segment: u.pains for u in fields_from_answer("pains", answer, canvas, lang)}  # type: ignore[arg-type]
    assert len(pains[first]) == 2 and len(pains[second]) == 2, pains
    assert not set(pains[first]) & set(pains[second])


@pytest.mark.parametrize(("lang", "answer", "segments", "owner", "follower"), [
    # "Shops" is no segment's name: the item after it still goes where "Shops: …" went, not to the focus
    ("en", "Shops: paying to bin unsold bread and staff time to log it. Drivers: empty runs at night",
     ["Bakeries with unsold bread", "Delivery drivers"], "Bakeries with unsold bread", "staff time to log it"),
    ("fr", "Les boutiques : jeter les invendus et le temps du personnel. Livreurs : les trajets a vide",
     ["Boulangeries avec des invendus", "Livreurs a velo"], "Boulangeries avec des invendus",
     "le temps du personnel"),
])
def test_items_after_a_label_that_is_no_segment_name_stay_in_its_block(
        lang: str, answer: str, segments: list[str], owner: str, follower: str) -> None:
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=n) for n in segments],  # type: ignore[arg-type]
                    focus_segment=segments[1])
    pains = {u.segment: u.pains for u in fields_from_answer("pains", answer, canvas, lang)}  # type: ignore[arg-type]
    assert any(follower in p for p in pains.get(owner, [])), pains
    assert not any(follower in p for p in pains.get(segments[1], [])), pains


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Hmm. well. they sort donations by hand every night. So no."),
    ("fr", "Euh. bon. ils trient les dons a la main tous les soirs. Donc non."),
])
def test_pieces_with_no_content_are_not_canvas_items(lang: str, answer: str) -> None:
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name="Food banks")],  # type: ignore[arg-type]
                    focus_segment="Food banks")
    items = [i for u in fields_from_answer("characteristics", answer, canvas, lang)  # type: ignore[arg-type]
             for i in (*u.characteristics, *u.needs, *u.behaviours)]
    assert len(items) == 1 and ("trient" in items[0] or "sort" in items[0]), items


@pytest.mark.parametrize(("lang", "answer", "segments"), [
    ("fr", "boutiques : vider le stock du soir, garder les clients fideles. acheteurs : manger pas cher en rentrant",
     ["Cavistes du centre-ville", "Etudiants du campus"]),
    ("en", "venues: fill the empty tuesday slots. players: find a game near work without a group chat",
     ["Independent padel clubs", "Office workers who play after work"]),
])
def test_labels_that_name_no_segment_go_to_the_segments_in_order(lang: str, answer: str,
                                                                 segments: list[str]) -> None:
    """Each side's label is its own word for the segment ("boutiques" for the wine shops): the items follow
    the order the segments were named in, not all to the focus segment."""
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language=lang, startup="x", segments=[Segment(name=n) for n in segments],  # type: ignore[arg-type]
                    focus_segment=segments[0])
    jobs = {u.segment: u.jobs for u in fields_from_answer("jobs", answer, canvas, lang)}  # type: ignore[arg-type]
    first, second = (answer.split(". ")[0], answer.split(". ")[1])
    assert any(j in first for j in jobs[segments[0]]) and not any(j in second for j in jobs[segments[0]]), jobs
    assert jobs.get(segments[1]) and all(j in second for j in jobs[segments[1]]), jobs
