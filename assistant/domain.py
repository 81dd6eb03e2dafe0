"""Vocabulary shared by every layer: languages, question ids, mistake ids, segment types.

These ids are a public contract: the canvas, the evaluation suite and scenario files use them.
"""

from __future__ import annotations

from typing import Literal, get_args

Language = Literal["fr", "en"]
LANGUAGES: tuple[Language, ...] = get_args(Language)


def as_language(value: object, default: Language = "fr") -> Language:
    """`value` as a `Language`: the value itself when it is one of `LANGUAGES`, else `default` (French unless
    the caller says otherwise). The one place a string (a setting, a stored session, a browser tag) becomes a
    language id, so that a language added to `Language` is accepted everywhere at once."""
    return next((lang for lang in LANGUAGES if lang == value), default)

SegmentType = Literal["mass_market", "niche_market", "segmented", "diversified", "multi_sided"]
SEGMENT_TYPES: tuple[SegmentType, ...] = get_args(SegmentType)

MistakeId = Literal[
    "too_broad",
    "demographics_only",
    "too_many_segments",
    "not_validated",
    "ignores_underserved",
    "assumes_homogeneous",
    "never_revisited",
    "buyer_user_confusion",
    "one_sided_platform",
]
MISTAKE_IDS: tuple[MistakeId, ...] = get_args(MistakeId)

# The six key questions of the source document, in order.
KeyQuestionId = Literal["for_whom", "most_important", "characteristics", "jobs", "pains", "gains"]
KEY_QUESTIONS: tuple[KeyQuestionId, ...] = get_args(KeyQuestionId)

# Every step at which the coach waits for the founder. `summary` is the closing state.
QuestionId = Literal[
    "intake",
    "for_whom",
    "most_important",
    "characteristics",
    "jobs",
    "pains",
    "gains",
    "buyer_user",
    "evidence",
    "priority",
    "summary",
]
QUESTION_IDS: tuple[QuestionId, ...] = get_args(QuestionId)

MAX_SEGMENTS = 3

# The questions at which each common mistake is judged (evals/corpus/README.md, "Labelling guide"): the
# detectors run there only, and the corpus scores them there only.
MISTAKE_SCOPES: dict[MistakeId, tuple[QuestionId, ...]] = {
    "too_broad": ("intake", "for_whom", "most_important", "priority"),
    "demographics_only": ("for_whom", "characteristics"),
    "too_many_segments": ("for_whom", "most_important", "priority"),
    "not_validated": ("intake", "for_whom", "most_important", "characteristics", "jobs", "pains", "gains",
                      "buyer_user", "evidence", "priority"),
    "ignores_underserved": ("for_whom", "most_important", "characteristics", "evidence", "priority"),
    "assumes_homogeneous": ("for_whom", "most_important", "characteristics", "jobs", "pains", "gains", "priority"),
    "never_revisited": ("intake", "for_whom", "most_important", "characteristics", "jobs", "pains", "gains",
                        "buyer_user", "evidence", "priority"),
    "buyer_user_confusion": ("for_whom", "most_important", "buyer_user"),
    "one_sided_platform": ("for_whom",),
}
