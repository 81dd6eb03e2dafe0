"""Each language's punctuation around the founder's words (`assistant/lexicon/<lang>/typography.yaml`): the
quotation marks, the colon and semicolon (French puts a space before them), the word that ends a list
("et", "and"). Every module that writes founder-facing text reads them here, so a new language is a data
file, never a new `if lang == ...` branch.

The data sits in the language's lexicon folder (checked at start-up by `assistant.lexicon.check`, which
loads it into the same model), and is read here, in the bottom text layer, because the modules that need
it include the canvas and personas renderers, which the layers keep below the prompts catalogue and apart
from `assistant.lexicon`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain import Language
from assistant.text.data_files import LEXICON_DIR, read_data_file

FILE = "typography.yaml"


class Typography(BaseModel):
    """The punctuation of one language, spaces included exactly as they are printed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    quote_open: str = Field(description="Opens a quotation, with its inner space if any ('« ', '“').")
    quote_close: str = Field(description="Closes a quotation, with its inner space if any (' »', '”').")
    colon: str = Field(description="A colon with the space before it if any (' :', ':'); a space follows it.")
    semicolon: str = Field(description="A semicolon with the space before it if any (' ;', ';'); a space "
                                       "follows it.")
    and_word: str = Field(description="The word before the last item of a list ('et', 'and'), without spaces.")
    dictation_cues: list[str] = Field(
        default_factory=list,
        description="Words only a dictated text holds, punctuation said aloud ('comma', 'virgule'): with one of "
                    "them, the spoken marks are punctuation.")
    spoken_marks: dict[str, str] = Field(
        default_factory=dict,
        description="Punctuation said aloud and the mark it stands for ('period': '.', 'virgule': ',').")


@lru_cache(maxsize=8)
def typography(language: Language) -> Typography:
    """The punctuation of `language`. Raises `FileNotFoundError` when its lexicon folder has no
    `typography.yaml`, `pydantic.ValidationError` when a key is missing or unknown."""
    return Typography.model_validate(read_data_file(LEXICON_DIR / language / FILE))


def quote(language: Language, text: str) -> str:
    """`text` between the language's quotation marks: « text » in French, “text” in English."""
    marks = typography(language)
    return f"{marks.quote_open}{text}{marks.quote_close}"


def colon(language: Language) -> str:
    """The colon as the language writes it after a word: " :" in French, ":" in English."""
    return typography(language).colon


def semicolon(language: Language) -> str:
    """The semicolon as the language writes it after a word: " ;" in French, ";" in English."""
    return typography(language).semicolon


def join_and(language: Language, items: Sequence[str]) -> str:
    """The items as a list in a sentence: "a, b et c" in French, "a, b and c" in English; "" for none."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {typography(language).and_word} " + items[-1]
