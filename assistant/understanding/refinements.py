"""What a `most_important` answer does to the segments already on the canvas (issue 9, kinds 2 and 3).

The question asks who matters most among the groups named, so its answer mostly narrows them:
- a group the canvas holds, named again with more detail ("chef-owned restaurants with 40-120 covers"),
  narrows that segment: the new description replaces the old one;
- a part of a group named by a pronoun ("the ones with recurring lanes", "ceux de 3e") narrows the first
  segment this answer has not narrowed yet, in the canvas's order (founders go through the sides in the order
  they named them): the description grows; so does a group under another name when the answer names as
  many groups as the canvas holds segments ("…, et les CTO de startups qui…" for "PME tech");
- on a one-segment canvas, the first answer is the segment's description (a follow-up after a critique
  leaves it), unless it names a platform's other side;
- a group the canvas does not hold becomes a segment only as a platform side named later: announced as a
  side on a one-sided canvas ("…; on the other side, the buyers: people looking for a gift"), whatever else
  the answer names, or unannounced while some segment is left un-narrowed (a list of trades once every side
  is narrowed is detail: "plombiers, électriciens"); or when the founder takes back a group set aside after
  the ignores_underserved critique ("so frontline shift workers are an underserved segment"); or when the
  answer itself makes it a segment ("and electricians adding solar, that's the other group");
- a one-segment canvas split in the groups the answer announces ("Deux groupes : ceux qui s'abonnent pour
  eux-mêmes, ceux qui offrent la box") gets one segment per group, the first narrowing it;
- at the priority question, only a side announced as such is added ("hosts first, 30 rooms in Alfama"
  rates the segments, it adds none).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis import SegmentUpdate
from assistant.canvas import Canvas, Segment
from assistant.domain import MAX_SEGMENTS
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.exchange import announced_sides
from assistant.understanding.grammar_lists import contains, grammar_lists, phrase_at
from assistant.understanding.group_predicate import before_predicate, names_a_segment
from assistant.understanding.group_reader import Embed, read_group_list
from assistant.understanding.groups import announced_count
from assistant.understanding.platform import is_platform
from assistant.understanding.segment_blocks import segments_mentioned
from assistant.understanding.segment_names import any_of, known_segment, name_stems, reading_words, segment_name
from assistant.understanding.substance import content_words


@lru_cache(maxsize=1)
def structure_words() -> re.Pattern[str]:
    """"…is an underserved segment", "c'est un vrai segment", "une cible à part": the founder makes it a segment
    (`structure_words` of `lexicon/<lang>/segment_reading.yaml`)."""
    return re.compile(rf"\b{any_of(reading_words().structure_words)}\b")


MIN_NEW_WORDS = 3  # words a shorter group must add to a segment's description to be added to it
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")  # where a sentence ends, for what is said of a group in it
SIDE_WINDOW = 6  # words before a group where a side announcement counts ("and then on the other side, the")


def pronoun_headed(group: str) -> bool:
    """"the ones with recurring lanes", "ceux de 3e": a part of a group named before, not a group of its own."""
    return phrase_at(normalise(group).split(), 0, grammar_lists().pronoun_heads) is not None


def _is_platform(answer: str, canvas: Canvas) -> bool:
    return (is_platform(canvas.startup) or bool(announced_sides(answer))
            or any(s.segment_type == "multi_sided" for s in canvas.segments))


def sides_named_later(answer: str, canvas: Canvas, embed: Embed | None) -> list[SegmentUpdate]:
    """A platform's other side announced at the priority question ("de l'autre côté, les chauffeurs"): new
    segments for the groups the answer announces as a side that the canvas does not hold yet, for a
    platform only, and only when they fit in the canvas (`MAX_SEGMENTS`). A group named there without a side
    announcement ("hosts first", "30 rooms in Alfama") speaks of a segment already rated, in other words."""
    if not _is_platform(answer, canvas):
        return []
    room = MAX_SEGMENTS - len(canvas.segments)
    new = [g for g in read_group_list(answer, embed).groups
           if not pronoun_headed(g) and not known_segment(canvas, g) and announced_as_side(answer, g)]
    if len(new) > room:
        return []  # a list of more groups than the canvas can take is a wish list, not the other side
    return [SegmentUpdate(segment=segment_name(g), who=g.strip()) for g in new]


def announced_as_side(answer: str, group: str) -> bool:
    """"…; on the other side, the buyers: people looking for a gift", "de l'autre côté, les chauffeurs": the
    words just before the group, in its sentence, announce a platform side (`sides` of the grammar lexicon)."""
    at = answer.find(group)
    if at < 0:
        return False
    before = _SENTENCE_BREAK.split(answer[:at])[-1]
    norms = [t.norm for t in tokenise(before)][-SIDE_WINDOW:]
    sides = grammar_lists().sides
    return any(phrase_at(norms, i, sides) for i in range(len(norms)))


@lru_cache(maxsize=1)
def _another() -> re.Pattern[str]:
    words = reading_words()
    return re.compile(rf"\b{any_of(words.another_words)}\s+(?:\w+\s+)?{any_of(words.structure_words)}\b")


def _another_segment(text: str) -> bool:
    """"…electricians adding solar, that's the other group", "…, c'est un autre segment": the group, with the
    statement made about it, said to be another segment (`another_words` then a structure noun), and not put
    off ("…a real group, for next year" waits)."""
    said = [t.norm for t in tokenise(text[len(before_predicate(text)):])]  # "l'autre" read as "l autre"
    return names_a_segment(text) and bool(_another().search(" ".join(said))) and contains(
        said, grammar_lists().deferral) is None


def _rest_of_sentence(answer: str, group: str) -> str:
    """The group and what follows it up to its sentence's end ("…, that's the other group, smaller but…")."""
    at = answer.find(group)
    if at < 0:
        return group
    end = _SENTENCE_BREAK.search(answer[at + len(group):])
    return answer[at:at + len(group) + end.start()] if end else answer[at:]


def _narrowed(seg: Segment, group: str, *, part: bool) -> str:
    """The segment's new description, "" for none: a group named again with at least as many words as the
    description replaces it; a part named by a pronoun, or a shorter group that adds words of its own, goes
    after it; a group that says nothing new leaves it ("agencies right after")."""
    words = group.strip(" .;,")
    old = (seg.who or seg.name).rstrip(" .;,")
    if not part and len(content_words(words)) >= len(content_words(old)):
        return words
    if part or len(name_stems(words) - name_stems(old)) >= MIN_NEW_WORDS:
        return f"{old}, {words}"
    return ""


def split_in_parts(answer: str, canvas: Canvas, groups: list[str]) -> list[SegmentUpdate]:
    """"Deux groupes : ceux qui s'abonnent pour eux-mêmes, ceux qui offrent la box": the one segment split
    into the groups the answer announces and lists (as many as announced, within `MAX_SEGMENTS`): the one that
    names it again, else the first, narrows it; the others are new segments. [] when the answer does not
    split it."""
    count = announced_count(answer) or 0
    if len(canvas.segments) != 1 or not 2 <= count == len(groups) <= MAX_SEGMENTS:
        return []
    seg = canvas.segments[0]
    # the group that names the segment again narrows it ("…, et les familles" for "Familles"), else the first
    own = next((g for g in groups if known_segment(canvas, g)), groups[0])
    narrowed = SegmentUpdate(segment=seg.name, who=f"{(seg.who or seg.name).rstrip(' .;,')}, {own.strip()}")
    return [narrowed, *(SegmentUpdate(segment=segment_name(g), who=g.strip()) for g in groups if g != own)]


def most_important_updates(answer: str, canvas: Canvas, embed: Embed | None) -> list[SegmentUpdate]:
    """The updates a `most_important` answer gives a canvas that holds segments (see the module's rules)."""
    groups = read_group_list(answer, embed).groups
    split = split_in_parts(answer, canvas, groups)
    if split:
        return split
    by_name = {s.name: s for s in canvas.segments}
    who: dict[str, str] = {}
    unknown: list[str] = []
    for group in (g for g in groups if not pronoun_headed(g)):
        name = known_segment(canvas, group)
        if not name:
            unknown.append(group)
        elif name not in who:
            who[name] = _narrowed(by_name[name], group, part=False)
    taken_back = any(c.mistake_id == "ignores_underserved" for c in canvas.open_critiques()) and bool(
        structure_words().search(normalise(answer)))
    # "…and electricians adding solar, that's the other group": the founder makes it a segment of its own
    made_segments = [g for g in unknown if _another_segment(_rest_of_sentence(answer, g))]
    outside = answer
    for group in unknown:
        outside = outside.replace(group, " ")
    # Segments named again (as a group, or anywhere outside the new groups): once every one is, a group the
    # canvas does not hold is detail ("menuisiers, charpentiers"), not a side named later.
    named_again = set(who) | set(segments_mentioned(canvas, outside))
    platform_side = _is_platform(answer, canvas) and len(named_again) < len(canvas.segments)
    for group in (g for g in groups if pronoun_headed(g)):
        free = [s.name for s in canvas.segments if s.name not in who]
        if free:
            who[free[0]] = _narrowed(by_name[free[0]], group, part=True)
    # On a one-sided canvas, a side the founder announces ("on the other side, the buyers") is a new segment,
    # whatever else is named; once both sides are there, "on the host side, homeowners…" narrows, it adds none.
    announced = [g for g in unknown if len(canvas.segments) == 1 and _is_platform(answer, canvas)
                 and announced_as_side(answer, g)]
    unknown = [g for g in unknown if g not in announced and g not in made_segments]
    if len(groups) == len(canvas.segments) > 1:  # one group per segment: each side narrowed in turn
        free = [s.name for s in canvas.segments if s.name not in who]
        for name, group in zip(free, unknown, strict=False):
            who[name] = _narrowed(by_name[name], group, part=False)
        unknown = []
    added: list[str] = made_segments[:MAX_SEGMENTS - len(canvas.segments)]
    if announced:
        added = (added + announced)[:MAX_SEGMENTS - len(canvas.segments)]
    elif unknown and (taken_back or platform_side):
        added += unknown if len(unknown) <= MAX_SEGMENTS - len(canvas.segments) - len(added) else []
    follow_up = any(c.question_id == "most_important" for c in canvas.open_critiques())
    if len(canvas.segments) == 1 and not added and not follow_up:
        # the first answer describes the one segment further: "within those, the ones whose contract…"
        who = {canvas.segments[0].name: _narrowed(canvas.segments[0], answer, part=True)}
    mentioned = segments_mentioned(canvas, answer)
    first = mentioned[0] if mentioned else canvas.focus_segment or canvas.segments[0].name
    updates = [SegmentUpdate(segment=first, who=who.pop(first, ""))]
    updates += [SegmentUpdate(segment=name, who=text) for name, text in who.items() if text]
    return updates + [SegmentUpdate(segment=segment_name(g), who=g.strip()) for g in added]
