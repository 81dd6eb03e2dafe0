"""The words of the focus detectors (`focus.yaml`: too many segments, underserved groups turned away),
compiled once."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from assistant.lexicon import every_language
from assistant.lexicon.focus import FocusWords
from assistant.text.patterns import PatternSet, compile_all
from assistant.understanding.grammar_lists import Phrase, phrases


@lru_cache(maxsize=1)
def focus_lists() -> FocusWords:
    return every_language(FocusWords, "focus")


@lru_cache(maxsize=1)
def focus_patterns() -> dict[str, PatternSet]:
    """Every pattern list of `focus.yaml`, compiled once."""
    w = focus_lists()
    keys = ("all_kinds", "refusals", "all_as_the_answer", "all_at_once", "small_refs", "dismissals",
            "dismissal_phrases", "clause_end_dismissals", "group_dismissals", "underserved_traits", "oversights",
            "disowned_counts", "rank_first", "rank_next", "idea_objects", "served_elsewhere", "care_elsewhere")
    return {k: compile_all(getattr(w, k)) for k in keys}


@lru_cache(maxsize=1)
def focus_sets() -> dict[str, frozenset[str]]:
    """The word lists of `focus.yaml` looked up word by word, as sets."""
    w = focus_lists()
    keys = ("pair_words", "trailing_ok", "describing_negators", "verb_negation", "prefix_negators",
            "refused_group_openers", "people_objects", "people_subjects", "recipient_markers", "alternative_joiners",
            "agent_markers", "reference_articles", "other_roles")
    return {k: frozenset(getattr(w, k)) for k in keys}


@lru_cache(maxsize=4)
def focus_phrases(key: Literal["for_now", "never_later", "conditions", "same_as_before"]) -> tuple[Phrase, ...]:
    """A list of `focus.yaml` ("yet", "pour l'instant"; "même plus tard") as phrases of normalised tokens,
    longest first."""
    return phrases(getattr(focus_lists(), key))
