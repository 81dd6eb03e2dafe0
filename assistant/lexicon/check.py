"""The start-up check of the lexicon: every configured language has a folder, and every file of it loads
into its strict model. A language with missing or broken data fails before the first founder turn, with
every problem named, rather than in the middle of a session."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ValidationError

import assistant.lexicon as lexicon
from assistant.lexicon import (
    ConversationWords,
    GrammarWords,
    PlatformWords,
    ReflectionWords,
    SegmentTypeWords,
    languages,
    require_language,
    words,
)
from assistant.lexicon.breadth import BreadthWords
from assistant.lexicon.cues import CueWords
from assistant.lexicon.dont_know import DontKnowWords
from assistant.lexicon.extract import ExtractWords
from assistant.lexicon.focus import FocusWords
from assistant.lexicon.group_reading import GroupReadingWords
from assistant.lexicon.grouping import GroupingWords
from assistant.lexicon.groups import GroupWords
from assistant.lexicon.intake import IntakeWords
from assistant.lexicon.labels import LabelWords
from assistant.lexicon.platform_markers import PlatformMarkerWords
from assistant.lexicon.profile import ProfileWords
from assistant.lexicon.revisit import RevisitWords
from assistant.lexicon.role_reading import RoleReadingWords
from assistant.lexicon.roles import RoleWords
from assistant.lexicon.segment_reading import SegmentReadingWords
from assistant.lexicon.substance import SubstanceWords
from assistant.lexicon.typography import TypographyWords
from assistant.lexicon.validation import ValidationWords

# File name (without `.yaml`) → the model it loads into: every file a language folder must hold.
FILES: dict[str, type[BaseModel]] = {
    "conversation": ConversationWords, "reflection": ReflectionWords, "grammar": GrammarWords,
    "platform": PlatformWords, "segment_types": SegmentTypeWords, "breadth": BreadthWords,
    "dont_know": DontKnowWords, "focus": FocusWords, "grouping": GroupingWords, "groups": GroupWords,
    "platform_markers": PlatformMarkerWords, "profile": ProfileWords, "revisit": RevisitWords,
    "roles": RoleWords, "validation": ValidationWords, "cues": CueWords, "intake": IntakeWords,
    "extract": ExtractWords, "substance": SubstanceWords, "role_reading": RoleReadingWords,
    "group_reading": GroupReadingWords, "segment_reading": SegmentReadingWords, "typography": TypographyWords,
    "labels": LabelWords,
}


class LexiconError(ValueError):
    """Lexicon files missing or invalid; the message names each one."""


def check_lexicon(required: Iterable[str] = ()) -> None:
    """Load every file of every language folder (and of each `required` language) into its model.

    Raises `MissingLanguage` when a `required` language has no folder, and `LexiconError` listing every
    file that is missing or does not validate (unknown key, missing key, wrong type)."""
    for language in required:
        require_language(language)
    problems: list[str] = []
    for language in languages():
        for name, model in FILES.items():
            path = lexicon.LEXICON_DIR / language / f"{name}.yaml"
            if not path.exists():
                problems.append(f"{path}: missing")
                continue
            try:
                words(model, name, language)
            except ValidationError as exc:
                problems.append(f"{path}: {exc.error_count()} error(s): {exc.errors()[0]['loc']} "
                                f"{exc.errors()[0]['msg']}")
    if problems:
        raise LexiconError("lexicon data is incomplete:\n" + "\n".join(problems))
