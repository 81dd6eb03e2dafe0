"""The words that sort a founder's free-text answer into canvas fields (`<lang>/extract.yaml`): what says a need,
what says a behaviour, and the labels of a priority rating. Read by `assistant.understanding.extract`
(`classify_item`, `priority_updates`) in the offline engine."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ExtractWords(BaseModel):
    """The field-sorting words of one language. Need and behaviour words are compared as substrings of the
    normalised item (stems such as 'achet' cover every ending); rating labels are regular-expression
    alternatives matched on the founder's own text, case-insensitively."""

    model_config = ConfigDict(extra="forbid")

    need_words: list[str] = Field(
        description="A characteristic holding one of these says a need ('besoin', 'cherch', 'looking for').")
    behaviour_words: list[str] = Field(
        description="A characteristic holding one of these (and no need word) says a behaviour ('achet', "
                    "'par semaine', 'every'); a trailing space is part of the entry ('fait ').")
    rating_value: list[str] = Field(
        description="Labels of the value score of a priority rating ('valeur 4/5', 'value 4'), regular-"
                    "expression alternatives on the founder's text (accented spellings listed as written).")
    rating_fit: list[str] = Field(
        description="Labels of the fit score of a priority rating ('adéquation 3/5', 'fit 3'), regular-"
                    "expression alternatives on the founder's text (accented spellings listed as written).")
