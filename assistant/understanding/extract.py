"""Read canvas fields out of a founder's free-text answer (offline engine). Pure functions; the words that
sort items into fields are data (`assistant/lexicon/<lang>/extract.yaml`)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis import SegmentUpdate
from assistant.canvas import Canvas
from assistant.domain import MAX_SEGMENTS, Language, QuestionId
from assistant.lexicon import every_language
from assistant.lexicon.extract import ExtractWords
from assistant.prompts import Prompts
from assistant.text.lists import split_items
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.dictation import with_turns
from assistant.understanding.group_check import distinct, opens_noun_phrase
from assistant.understanding.group_dependents import fold_dependents
from assistant.understanding.group_descriptions import describes
from assistant.understanding.group_reader import Embed, read_group_list, rule_reading
from assistant.understanding.mistakes.profile import without_sameness_claim, without_sameness_sentences
from assistant.understanding.platform import is_platform
from assistant.understanding.refinements import most_important_updates, sides_named_later
from assistant.understanding.roles_by_segment import roles_by_segment
from assistant.understanding.segment_blocks import (
    opens_on_another_group,
    paired_in_order,
    segment_blocks,
    segments_mentioned,
)
from assistant.understanding.segment_names import known_segment, name_head, segment_name
from assistant.understanding.substance import content_words


@lru_cache(maxsize=1)
def _lists() -> ExtractWords:
    return every_language(ExtractWords, "extract")


@lru_cache(maxsize=1)
def _rating() -> re.Pattern[str]:
    """"valeur 4/5", "fit: 3": a rating label (`extract.yaml`), then its score from 1 to 5."""
    lists = _lists()
    labels = "|".join([*lists.rating_value, *lists.rating_fit])
    return re.compile(rf"({labels})\D{{0,12}}?([1-5])(?:\s*/\s*5)?", re.I)


@lru_cache(maxsize=1)
def _value_labels() -> frozenset[str]:
    return frozenset(normalise(w) for w in _lists().rating_value)


def _default_targets(canvas: Canvas) -> list[str]:
    """Where an item that names no segment goes: the focus segment, else the first."""
    if canvas.focus_segment:
        return [canvas.focus_segment]
    return [canvas.segments[0].name] if canvas.segments else []


def default_segment_name(language: Language) -> str:
    """The name of the segment a canvas opens with when the answer names none (`labels.default_segment`)."""
    return Prompts().text(language, "labels.default_segment")


def _ensure_target(canvas: Canvas, language: Language) -> Canvas:
    if canvas.segments:
        return canvas
    from assistant.canvas import Segment

    name = default_segment_name(language)
    return canvas.model_copy(update={"segments": [Segment(name=name)], "focus_segment": name})


def classify_item(item: str) -> str:
    low = normalise(item)
    if any(w in low for w in _lists().need_words):
        return "needs"
    if any(w in low for w in _lists().behaviour_words):
        return "behaviours"
    return "characteristics"


_LABEL = re.compile(r"^\s*([^:\n]{1,40}?)\s*:")


def _label_targets(canvas: Canvas, items: list[str]) -> dict[int, list[str]]:
    """The segments each labelled item's label names; labels that name none ("Shops:", "clients :") are
    given, in order, to the segments no label names when there are as many of each (founders go through
    their segments in the order they named them), else to the item's own mentions or the focus segment."""
    labels = {i: m.group(1) for i, m in ((i, _LABEL.match(item)) for i, item in enumerate(items)) if m}
    named = {i: segments_mentioned(canvas, label) for i, label in labels.items()}
    unnamed = [i for i, n in named.items() if not n]
    free = [s.name for s in canvas.segments if not any(s.name in n for n in named.values())]
    named.update({i: [name] for name, i in paired_in_order(unnamed, free).items()})
    return {i: n or segments_mentioned(canvas, items[i]) or _default_targets(canvas) for i, n in named.items()}


def _sentence_targets(canvas: Canvas, answer: str, items: list[str]) -> dict[int, list[str]]:
    """The segments of the sentence each item was taken from, where `segment_blocks` gives that sentence to
    some ("…the senior dog owners book less often, care about patience and come from vet referrals": the
    last two items are about them too); items of sentences about no segment in particular, or about several
    by words their names share, are left out; a sentence about every segment ("both…") gives them all."""
    if len(canvas.segments) < 2 or not answer.strip():
        return {}
    blocks = segment_blocks(answer, canvas)
    every = [seg.name for seg in canvas.segments]
    owners: dict[str, list[str]] = {}
    for name, said in blocks.own.items():
        for sentence in said:
            owners.setdefault(normalise(sentence), []).append(name)
    # a sentence in several blocks names them by words they share ("doodle owners…" for two "Owners of …"
    # segments): it tells nothing about which one its items describe
    sentences = [(sentence, names) for sentence, names in owners.items() if len(names) == 1]
    sentences += [(normalise(s), every) for s in blocks.shared]
    out: dict[int, list[str]] = {}
    for i, item in enumerate(items):
        text = normalise(item)
        names = [n for sentence, ns in sentences if text and text in sentence for n in ns]
        if names:
            out[i] = list(dict.fromkeys(names))
    return out


def _by_segment(canvas: Canvas, items: list[str], field_for: dict[str, str] | str,
                answer: str = "") -> list[SegmentUpdate]:
    """Each item to the segments it names; an item that names none to those of the last labelled item
    ("Stores: a, b. Charities: c" gives a and b to where "Stores: a" went, even when "Stores" is not a
    segment's name: `_label_targets`), or, in an answer with no labels, to those of its sentence
    (`_sentence_targets`), else to the focus segment."""
    updates: dict[str, dict[str, list[str]]] = {}
    labelled: list[str] = []
    targets = _label_targets(canvas, items)
    # labels ("teachers: …, principals: …") tell the segments better than sentences, which may hold several
    in_sentence = {} if targets else _sentence_targets(canvas, answer, items)
    for i, item in enumerate(items):
        field = field_for if isinstance(field_for, str) else field_for[item]
        if i in targets:  # a label opens a block: what follows goes where the labelled item goes
            labelled = targets[i]
        # "pêcheurs être payé … avoir des restos qui reviennent": an item whose subject is a group the canvas
        # names otherwise is about its sentence's segment, whatever segment it names further on
        own = [] if i in in_sentence and opens_on_another_group(canvas, item) else segments_mentioned(canvas, item)
        # a label that chose among the segments said where the item goes; on the canvas the item is what follows it
        # ("Propriétaires : sortir plus souvent"); with one segment a label tells whose item it is ("Nurses: swap…")
        text = (_LABEL.sub("", item, count=1).strip() or item) if i in targets and len(canvas.segments) > 1 else item
        for name in labelled if i in targets else (own or in_sentence.get(i) or labelled or _default_targets(canvas)):
            updates.setdefault(name, {}).setdefault(field, []).append(text)
    return [SegmentUpdate(segment=name, **fields) for name, fields in updates.items()]  # type: ignore[arg-type]


def groups_updates(answer: str, embed: Embed | None = None, canvas: Canvas | None = None) -> list[SegmentUpdate]:
    """One segment per customer group the answer names (deferred and excluded groups are not segments; a group
    reached through another, "and their patients", is part of that one's segment: `group_dependents`;
    the rule reader's groups, exclusions checked, when the model reads none), at most `MAX_SEGMENTS`; on a
    `canvas` that already holds segments, an answer the model reads no group in describes the focus segment.
    Tried and left out (2026-12-01): a list longer than the canvas giving only its lead group; the reader
    splits some two-group answers into five ("les écoles maternelles" / "élémentaires qui…" / "surtout
    l'hiver"), and those lost their second segment."""
    read = read_group_list(answer, embed).groups
    if canvas is not None and canvas.segments and embed is not None and not read:
        # A later answer that names no group ("they've just come home from hospital…", after the
        # demographics critique) describes the segment already there: it is no segment of its own.
        target = next(s for s in canvas.segments if s.name == (canvas.focus_segment or canvas.segments[0].name))
        return [SegmentUpdate(segment=target.name, who=f"{target.who or target.name}; {answer.strip()}")]
    # the rule reader's groups, when the model reads none, only where they open a noun phrase ("à énormément
    # de gens" is an aside, "Losing 25% of treated water" a description), a bare group restated with its
    # qualifiers once ("the interpreters … the freelance legal interpreters who…": `distinct`)
    fallback = distinct([g for g in rule_reading(answer).groups
                         if opens_noun_phrase(g) and not describes(tokenise(g))])
    groups = read or fallback or [answer]
    # "clinics … and their patients": the customer's own clients are its users, not a segment of their own
    pitch = canvas.startup if canvas else ""
    groups = fold_dependents(answer, groups, platform=is_platform(pitch), pitch=pitch)
    return [SegmentUpdate(segment=segment_name(g), who=g.strip()) for g in groups[:MAX_SEGMENTS]]


def regroup(updates: list[SegmentUpdate], canvas: Canvas) -> list[SegmentUpdate]:
    """A later `for_whom` answer that names a group the canvas holds (in other words: "Proprios" for
    "Propriétaires de maison") adds to that segment instead of creating a twin."""
    out = []
    held = {s.name for s in canvas.segments}
    for up in updates:
        if up.segment in held:
            out.append(up)  # already an update of a segment the canvas holds (`groups_updates`)
            continue
        name = known_segment(canvas, f"{up.segment} {up.who}")
        out.append(up.model_copy(update={"segment": name, "who": ""}) if name else up)
    return out


def fields_from_answer(question_id: QuestionId, answer: str, canvas: Canvas, language: Language,
                       embed: Embed | None = None) -> list[SegmentUpdate]:
    """The segment updates an answer to `question_id` gives; `embed` feeds the group reader and the role heads."""
    if question_id == "for_whom":
        return groups_updates(answer, embed, canvas)
    if question_id == "intake":
        return []
    canvas = _ensure_target(canvas, language)
    if question_id == "most_important":
        return most_important_updates(answer, canvas, embed)
    answer = with_turns(answer, canvas)  # dictated with no punctuation: a sentence per segment it turns to
    # "Hmm", "So no", "well": pieces with no content are not canvas items
    # "no difference between them", "a welder is a welder": a claim about the segment, no job, pain or gain
    items = [i for i in split_items(without_sameness_sentences(answer)) if content_words(i)] or [answer.strip()]
    items = [kept for i in items if (kept := without_sameness_claim(i))] or items
    if question_id == "characteristics":
        return _by_segment(canvas, items, {i: classify_item(i) for i in items}, answer)
    if question_id in ("jobs", "pains", "gains"):
        return _by_segment(canvas, items, question_id, answer)
    if question_id == "evidence":
        return _by_segment(canvas, items, "evidence", answer)
    if question_id == "buyer_user":
        return roles_by_segment(answer, canvas, embed)
    if question_id == "priority":
        return priority_updates(answer, canvas) + sides_named_later(answer, canvas, embed)
    return []


def priority_updates(answer: str, canvas: Canvas) -> list[SegmentUpdate]:
    """Ratings "valeur 4/5, adéquation 3/5" near each segment's name (anywhere, with one segment)."""
    out = []
    sentences = [s for s in re.split(r"[.;\n]|\)\s*,", answer) if s.strip()]
    for seg in canvas.segments:
        own = sentences if len(canvas.segments) == 1 else [s for s in sentences
                                                           if seg.name in segments_mentioned(canvas, s)]
        values: dict[str, int] = {}
        for sentence in own:
            for label, score in _rating().findall(sentence):
                key = "priority_value" if normalise(label) in _value_labels() else "priority_fit"
                values.setdefault(key, int(score))
        if values:
            out.append(SegmentUpdate(segment=seg.name, **values))  # type: ignore[arg-type]
    return out


def focus_from_answer(answer: str, canvas: Canvas) -> str:
    """The segment a `most_important` or `priority` answer puts first: the earliest named by the head of its
    name (`name_head`: "les vieux vélos" is not "Boîtes qui ont des vélos de service")."""
    low = normalise(answer)
    best, best_pos = "", len(low) + 1
    for seg in canvas.segments:
        for w in (w for w in normalise(name_head(seg.name)).split() if len(w) > 3):
            pos = low.find(w[:6])
            if 0 <= pos < best_pos:
                best, best_pos = seg.name, pos
    return best
