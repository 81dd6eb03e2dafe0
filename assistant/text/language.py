"""Which language a founder writes in: French, English, another language, or too short to tell.

Backed by lingua (`lingua-language-detector`: n-gram models inside its wheel, offline, good on short
texts; unaccented French reads as French). The candidates are the coach's languages and the other
languages founders here most often write in, so that "another language" can be told apart.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from assistant.text.tokens import tokenise

if TYPE_CHECKING:
    from lingua import LanguageDetector

DetectedLanguage = Literal["fr", "en", "other", "unknown"]
MIN_WORDS_FOR_LANGUAGE = 3  # shorter messages ("ok", "les PME") keep the session's language
# Below this confidence for French or English, a message is another language only when another
# language is clearly ahead; otherwise it is unknown (and the session's language stays).
MIN_CONFIDENCE = 0.3
OTHER_CONFIDENCE = 0.5
# French founders mix in English words ("on a fait des interviews avec des early adopters"): when both
# languages keep at least this confidence, each word votes (French grammar words outweigh loanwords).
MIXED_CONFIDENCE = 0.15
# Founders switch languages inside one message (Spanglish, Taglish, French with Wolof): a message whose French or
# English part holds at least this share of its words is read in that language rather than refused.
MIN_SWITCHED_SHARE = 1 / 3


# Both detectors load every n-gram model when built (about 1 s and 60 MB, once per process, at the warm-up of
# `assistant.app`): lingua otherwise loads them lazily, per model size, so the first long message of a process
# paid about 2 s in the middle of a founder's turn, after a short warm-up text had loaded only some of them.
@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.ITALIAN,
        Language.PORTUGUESE, Language.DUTCH,
    ).with_preloaded_language_models().build()


@lru_cache(maxsize=1)
def _word_detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH)
    return builder.with_preloaded_language_models().build()


def _word_vote(text: str) -> Literal["fr", "en"]:
    from lingua import Language

    fr = en = 0.0
    for token in tokenise(text):
        word = text[token.start:token.end]
        if len(word) < 2 or word.isdigit():
            continue
        values = {c.language: c.value for c in _word_detector().compute_language_confidence_values(word)}
        fr += values.get(Language.FRENCH, 0.0)
        en += values.get(Language.ENGLISH, 0.0)
    return "fr" if fr >= en else "en"


def detect_language(text: str) -> DetectedLanguage:
    """"fr", "en", "other" (another language, clearly) or "unknown" (too short or unclear)."""
    if len(tokenise(text)) < MIN_WORDS_FOR_LANGUAGE:
        return "unknown"
    from lingua import Language

    values = {c.language: c.value for c in _detector().compute_language_confidence_values(text)}
    fr, en = values.get(Language.FRENCH, 0.0), values.get(Language.ENGLISH, 0.0)
    best_other = max((v for lang, v in values.items() if lang not in (Language.FRENCH, Language.ENGLISH)),
                     default=0.0)
    if max(fr, en) >= MIN_CONFIDENCE and max(fr, en) >= best_other:
        if min(fr, en) >= MIXED_CONFIDENCE:
            return _word_vote(text)
        return "fr" if fr >= en else "en"
    if best_other >= OTHER_CONFIDENCE:
        return _code_switched(text) or "other"
    return "unknown"


def _code_switched(text: str) -> Literal["fr", "en"] | None:
    """The coach's language in a message that mixes it with another ("Ay, no sé todavía, let me think about it"):
    lingua's detection of several languages in one text gives French or English at least
    `MIN_WORDS_FOR_LANGUAGE` words and `MIN_SWITCHED_SHARE` of the words; None when it does not (a message
    wholly in another language)."""
    from lingua import Language

    words = {Language.FRENCH: 0, Language.ENGLISH: 0}
    total = 0
    for part in _detector().detect_multiple_languages_of(text):
        total += part.word_count
        if part.language in words:
            words[part.language] += part.word_count
    language = max(words, key=lambda lang: words[lang])
    if words[language] < MIN_WORDS_FOR_LANGUAGE or words[language] < MIN_SWITCHED_SHARE * total:
        return None
    return "fr" if language == Language.FRENCH else "en"
