"""The typed founder turn every front end sends: a `Text` typed by the founder or an `Action` (a button,
a slash command already recognised by the front end). Serialised as JSON, it is also the resume
payload of the graph's interrupt, so a session through LangGraph's server behaves like one in the room.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from assistant.domain import QuestionId

CommandName = Literal["skip", "back", "canvas", "example", "restart", "help", "revisit", "interviews", "accept",
                      "refuse"]


class Text(BaseModel):
    """A message typed by the founder, read by the understanding layer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["text"] = "text"
    text: str


class Action(BaseModel):
    """A command sent by a button: never re-parsed from text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["action"] = "action"
    name: CommandName
    question: QuestionId | None = None  # for `revisit`: the question to reopen (None: the coach lists them)


class Notes(BaseModel):
    """Interview notes pasted or uploaded by the founder: read whole (in chunks), never capped like an answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["notes"] = "notes"
    text: str


FounderInput = Annotated[Text | Action | Notes, Field(discriminator="kind")]
_ADAPTER: TypeAdapter[Text | Action | Notes] = TypeAdapter(FounderInput)


def parse_input(payload: Any) -> Text | Action | Notes:
    """A founder turn from a resume payload: a `Text`/`Action`, its JSON dump, or a bare string (text).

    Anything else is kept as text (its string form): a founder's message is never dropped."""
    if isinstance(payload, Text | Action | Notes):
        return payload
    if isinstance(payload, str):
        return Text(text=payload)
    if isinstance(payload, dict):
        try:
            return _ADAPTER.validate_python(payload)
        except ValidationError:
            return Text(text=str(payload.get("text", payload)))
    return Text(text=str(payload))
