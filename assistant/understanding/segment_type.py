"""Which of the five segment types of the source document the founder's segments are, and why.

Rules of thumb, from the definitions: a platform that needs two interdependent groups is multi-sided;
several segments with unrelated offers or needs are diversified; several segments served by the same
offer with somewhat different needs are segmented; one group is a mass market when it is very large
with shared needs, a niche otherwise (specialised, specific, professional).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.canvas import Segment
from assistant.domain import SegmentType, as_language
from assistant.lexicon import all_segment_type_words
from assistant.lexicon.lazy import LazyWords
from assistant.prompts import Prompts
from assistant.text.patterns import Lexicon, Match, PatternSet, compile_all, find, first_match
from assistant.text.tokens import Token, normalise, tokenise
from assistant.text.typography import join_and, quote
from assistant.understanding.cues import negated_before
from assistant.understanding.exchange import announced_sides
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import announced_count, group_words
from assistant.understanding.listing import listed_groups
from assistant.understanding.platform import is_platform
from assistant.understanding.segment_names import reading_words

# `offer_for`, `locatives`, `stop_stems` of `lexicon/<lang>/segment_reading.yaml`.
OFFER_FOR = LazyWords(lambda: reading_words().offer_for)
LOCATIVES = LazyWords(lambda: reading_words().locatives)
STOP_STEMS = LazyWords(lambda: reading_words().stop_stems)  # stems too common to tell two segments' needs apart
PERCENT = re.compile(r"\d+\s?%")
MIN_STEMS = 4
DIVERSIFIED_OVERLAP = 0.06
STEM = 5


@dataclass(frozen=True)
class _Cues:
    diversified: PatternSet
    different_markets: PatternSet
    same_offer: PatternSet
    size: PatternSet
    shared: PatternSet
    consumer_units: PatternSet
    channels: PatternSet
    specialised: PatternSet
    consumers: Lexicon
    softeners: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    """The segment-type words of every language (`lexicon/<lang>/segment_types.yaml`), compiled once."""
    w = all_segment_type_words()
    return _Cues(compile_all(w.diversified_markers), compile_all(w.different_markets),
                 compile_all(w.same_offer_markers), compile_all(w.size_claims), compile_all(w.shared_needs),
                 compile_all(w.consumer_units), compile_all(w.mass_channels), compile_all(w.specialised),
                 Lexicon(w.consumer_groups), frozenset(normalise(x) for x in w.softeners))

def classify(pitch: str, answers: Mapping[str, str], segments: Sequence[Segment], language: str
             ) -> tuple[SegmentType, str]:
    """The segment type and a one-sentence rationale in the session language (`type_rationales` of
    `prompts/<lang>/offline.yaml`)."""
    names = _names(answers, segments)
    kind = _kind(pitch, answers, segments, names)
    lang = as_language(language, default="en")
    prompts = Prompts()
    joined = join_and(lang, [quote(lang, n) for n in names]) or prompts.text(lang, "labels.unnamed_customers")
    return kind, prompts.text(lang, f"type_rationales.{kind}", names=joined)


def _kind(pitch: str, answers: Mapping[str, str], segments: Sequence[Segment], names: list[str]
          ) -> SegmentType:
    story = "\n".join([pitch, answers.get("intake", ""), answers.get("for_whom", "")])
    later = announced_sides(answers.get("most_important", ""))
    if any(s.linked_segments for s in segments) or is_platform(story) or later:
        return "multi_sided"
    if len(names) >= 2:
        return "diversified" if _unrelated(story, answers, segments) else "segmented"
    return "mass_market" if _mass(pitch, answers, segments) else "niche_market"


def _names(answers: Mapping[str, str], segments: Sequence[Segment]) -> list[str]:
    """The segments' names; before the canvas has any, the groups the for-whom answer lists or announces."""
    if segments:
        return [s.name for s in segments]
    source = answers.get("for_whom", "")
    listed = listed_groups(source)
    if len(listed) >= 2:
        return listed[:3]
    groups = split_groups(source) if source else []
    return groups[:max(1, min(3, announced_count(source) or 1))]


# --- several segments ---------------------------------------------------------------------------------


def _unrelated(story: str, answers: Mapping[str, str], segments: Sequence[Segment]) -> bool:
    text = "\n".join([story, answers.get("most_important", ""), answers.get("priority", "")])
    tokens = tokenise(text)
    cues = _cues()
    if first_match(tokens, cues.different_markets,
                   lambda m: not (negated_before(tokens, m, 3) or _softened(tokens, m))):
        return True
    if find(tokens, _cues().shared):
        return False
    if find(tokens, _cues().same_offer):
        return False
    if find(tokens, _cues().diversified):
        return True
    if _two_offers(story):
        return True
    overlap = _needs_overlap(segments)
    return overlap is not None and overlap < DIVERSIFIED_OVERLAP


def _softened(tokens: Sequence[Token], m: Match) -> bool:
    """"slightly different markets", "des clients un peu différents": groups that differ a little, the
    source's segmented type."""
    return bool({t.norm for t in tokens[max(0, m.start - 2):m.end + 2]} & _cues().softeners)


def _two_offers(text: str) -> bool:
    """"des prototypes pour les bureaux d'études, et des modèles dentaires pour les labos": two offers,
    each for its own group, in one sentence."""
    tokens = tokenise(text)
    heads: dict[int, set[str]] = {}
    for i, tok in enumerate(tokens):
        if tok.norm not in OFFER_FOR:
            continue
        window = [t for t in tokens[i + 1:i + 6] if t.sentence == tok.sentence]
        words = group_words(window)
        if words:
            heads.setdefault(tok.sentence, set()).add(words[0].rstrip("sx"))
    return any(len(h) >= 2 for h in heads.values())


def _stems(segment: Segment) -> set[str]:
    items = segment.jobs + segment.pains + segment.gains + segment.needs
    words = (t.norm for item in items for t in tokenise(item))
    return {w[:STEM] for w in words if len(w) > 3 and not w.isdigit() and w[:STEM] not in STOP_STEMS}


def _needs_overlap(segments: Sequence[Segment]) -> float | None:
    """How much the jobs, pains and gains of the first two segments share (Jaccard on word stems)."""
    if len(segments) < 2:
        return None
    a, b = _stems(segments[0]), _stems(segments[1])
    if len(a) < MIN_STEMS or len(b) < MIN_STEMS:
        return None
    return len(a & b) / len(a | b)


def _head_group(text: str) -> str | None:
    """The first group named as the customer: "households in UK cities" is about households."""
    tokens = tokenise(text)
    words = set(group_words(tokens))
    for i, tok in enumerate(tokens):
        if tok.norm in words and not any(t.norm in LOCATIVES for t in tokens[max(0, i - 2):i]):
            return tok.norm
    return None


# --- one segment ----------------------------------------------------------------------------------------


def _mass(pitch: str, answers: Mapping[str, str], segments: Sequence[Segment]) -> bool:
    """A very large group with shared needs: a size claim ("des millions de foyers", "a third of
    households", a sweep across kinds of consumers) or several consumer-market signs, and no trade or
    organisation as the customer."""
    described = "\n".join([*(f"{s.name}. {s.who}" for s in segments), answers.get("most_important", "")])
    if _professional(described or answers.get("for_whom", "")):
        return False
    tokens = tokenise("\n".join([pitch, answers.get("for_whom", ""), answers.get("most_important", ""),
                                 answers.get("characteristics", ""), described]))
    percent = _share_of_people(pitch + "\n" + answers.get("most_important", ""))
    sweep = _sweeps_consumers(answers.get("most_important", ""))
    size = find(tokens, _cues().size) is not None or percent or sweep
    cues = _cues()
    score = 2 * size + sum(find(tokens, p) is not None for p in (cues.shared, cues.consumer_units, cues.channels))
    score -= find(tokens, _cues().specialised) is not None
    return score >= 3 or (size and score >= 2)


PERCENT_WINDOW = 3  # words after a percentage where the people it counts are named ("30 % des foyers")


def _share_of_people(text: str) -> bool:
    """A percentage of consumers ("30 % des foyers", "40% of households": `consumer_groups` of the segment-type
    lexicon): a size claim. A percentage of something else ("100 % Santé", "80 % des scans", "60% cash") is
    not."""
    for m in PERCENT.finditer(text):
        after = tokenise(text[m.end():])[:PERCENT_WINDOW]
        if any(t.norm in _cues().consumers for t in after):
            return True
    return False


SWEEP = 3  # kinds of consumers named in one sentence of one segment's description: a very large group


def _sweeps_consumers(text: str) -> bool:
    """The answer says the one segment's people share a need or a behaviour and one of its sentences names
    `SWEEP` or more kinds of consumers ("very different on paper, students, parents, retirees, commuters… but
    the behaviour is the same"): a size claim in other words. Read on the `most_important` answer, where the
    founder describes the segment kept (a first answer's sweep, "toddlers to teenagers", is the too-broad
    target the coach narrows; attributes of one person, "women over 70, retired", name one kind)."""
    tokens = tokenise(text)
    if find(tokens, _cues().shared) is None:
        return False
    for sentence in {t.sentence for t in tokens}:
        kinds = {t.norm.rstrip("sx") for t in tokens if t.sentence == sentence and t.norm in _cues().consumers}
        if len(kinds) >= SWEEP:
            return True
    return False


def _professional(text: str) -> bool:
    head = _head_group(text)
    return head is not None and head not in _cues().consumers
