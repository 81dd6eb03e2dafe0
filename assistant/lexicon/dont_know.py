"""How a founder says "I don't know" or "not decided yet" (`<lang>/dont_know.yaml`), and the words that carry
nothing once it is said. Read by `assistant.understanding.dont_know` (`is_dont_know`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class DontKnowWords(BaseModel):
    """The don't-know phrases of one language (patterns of `assistant.text.patterns`, typos tolerated) and
    the words around them, compared word for word on normalised text."""

    model_config = ConfigDict(extra="forbid")

    phrases: list[str] = Field(
        description="'I don't know' and 'not decided yet', with their typos and kin ('je sais pas', 'jsp', "
                    "'no idea', 'have not ...2 decided').")
    fillers: list[str] = Field(
        description="Words that carry nothing once 'I don't know' is said: hedges, fillers, the grammar "
                    "around it ('vraiment', 'pour l instant', 'honestly', 'yet').")
    asked_someone: list[str] = Field(
        description="Words just before a group that make it someone the founder will ask, not an answer "
                    "('j en parle au bureau de l association', 'check with my partners').")
