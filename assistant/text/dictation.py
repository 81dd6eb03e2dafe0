"""Voice dictation read as written text: punctuation said aloud ("…pick them up on the app period the venue
pays comma…") becomes the marks it stands for, so that sentences and clauses fall where the founder meant
them. The words are each language's `typography.yaml` (`dictation_cues`, `spoken_marks`)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.domain import LANGUAGES
from assistant.text.typography import typography


def _alternatives(words: list[str]) -> str:
    """The words as one regex alternation, longest first; one that never matches when there are none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=1)
def _spoken() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str]]:
    """The cues as one pattern, the spoken marks, and the pattern that finds them (a mark eats the spaces
    before it)."""
    cues = [c for lang in LANGUAGES for c in typography(lang).dictation_cues]
    marks = {w: m for lang in LANGUAGES for w, m in typography(lang).spoken_marks.items()}
    return (re.compile(rf"\b({_alternatives(cues)})\b", re.IGNORECASE), marks,
            re.compile(rf"[ \t]*\b({_alternatives(list(marks))})\b", re.IGNORECASE))


def is_dictated(text: str) -> bool:
    """Whether `text` holds a word only a dictation writes ("comma", "virgule")."""
    return _spoken()[0].search(text) is not None


def spoken_punctuation(text: str, dictated: bool | None = None) -> str:
    """`text` with its spoken punctuation written as marks, when it is a dictation (`dictated`, by default
    `is_dictated(text)`: a founder who said "comma" once in the session dictates every answer); else `text`
    unchanged ("a trial period" stays a period of time). Other characters are kept as they are."""
    if not (is_dictated(text) if dictated is None else dictated):
        return text
    marks, spoken = _spoken()[1:]
    return spoken.sub(lambda m: marks[m.group(1).lower()], text)
