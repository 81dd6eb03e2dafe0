"""Details given for two segments in one answer go to the segment each sentence is about, also when the two
names share their head ("Parents of toddlers", "Parents of teenagers"): a word both names hold names neither
in particular. Phrasings written for these tests, in no scenario or corpus file."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.understanding.extract import fields_from_answer
from assistant.understanding.segment_blocks import segments_mentioned


def _canvas(*names: str) -> Canvas:
    return Canvas(segments=[Segment(name=n, who=n.lower()) for n in names], focus_segment=names[0])


def _items(question: str, answer: str, canvas: Canvas, lang: str = "en") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for update in fields_from_answer(question, answer, canvas, lang):  # type: ignore[arg-type]
        for field in ("characteristics", "needs", "behaviours", "jobs", "pains", "gains"):
            out.setdefault(update.segment, []).extend(getattr(update, field))
    return out


def test_a_word_both_names_share_names_neither_when_another_word_tells_them_apart() -> None:
    canvas = _canvas("Parents of toddlers", "Parents of teenagers")
    assert segments_mentioned(canvas, "the teenagers' parents argue about curfews") == ["Parents of teenagers"]
    assert segments_mentioned(canvas, "parents are tired") == ["Parents of toddlers", "Parents of teenagers"]


def test_each_sentence_gives_its_items_to_the_segment_it_opens_on() -> None:
    canvas = _canvas("Parents of toddlers", "Parents of teenagers")
    answer = ("the toddler parents lose sleep, fight over screen time at dinner and dread the daycare waiting list. "
              "the parents of teenagers worry about grades, argue about curfews and never know where the kids are")
    items = _items("pains", answer, canvas)
    toddlers, teens = " ".join(items["Parents of toddlers"]), " ".join(items["Parents of teenagers"])
    assert "daycare waiting list" in toddlers and "daycare waiting list" not in teens
    assert "argue about curfews" in teens and "argue about curfews" not in toddlers
    assert "never know where the kids are" in teens and "never know where the kids are" not in toddlers


def test_french_segments_with_the_same_head() -> None:
    canvas = _canvas("Restaurants de quartier", "Restaurants d'hôtel")
    answer = ("Les restaurants de quartier commandent au jour le jour, paient comptant et n'ont pas de chef de "
              "cuisine attitré. Les restaurants d'hôtel commandent le lundi, paient à 60 jours et changent souvent "
              "de chef")
    items = _items("characteristics", answer, canvas, "fr")
    hotel, quartier = " ".join(items["Restaurants d'hôtel"]), " ".join(items["Restaurants de quartier"])
    assert "paient à 60 jours" in hotel and "paient à 60 jours" not in quartier
    assert "paient comptant" in quartier and "paient comptant" not in hotel


def test_labels_inside_one_sentence_still_share_its_items_out() -> None:
    canvas = _canvas("Garden centres", "Landscapers")
    answer = ("garden centres: unsold plants every june, staff who can't advise, landscapers: quotes done at night, "
              "suppliers out of stock in spring")
    items = _items("pains", answer, canvas)
    assert "suppliers out of stock in spring" in " ".join(items["Landscapers"])
    assert "suppliers out of stock in spring" not in " ".join(items["Garden centres"])


def test_the_offer_said_to_be_the_same_is_not_a_sentence_about_every_segment() -> None:
    from assistant.understanding.segment_blocks import segment_blocks

    canvas = _canvas("Yoga studios", "Climbing gyms")
    blocks = segment_blocks("Same software, same monthly fee. Both pay by card.", canvas)
    assert blocks.shared == ["Both pay by card."]
