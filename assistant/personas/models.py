"""A persona per segment, every field traceable: its value, the founder's words it comes from, and where
they were said (the session's answers, a correction of the persona, interview notes).

Stored inside the canvas (`Canvas.personas`), so it sits below it: it knows nothing of the canvas.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Origin = Literal["session", "correction", "interview"]
# The fields a persona holds, in the order they are shown and asked for.
SCALAR_FIELDS: tuple[str, ...] = ("name", "role", "context", "moment", "quote", "channels", "buyer", "user")
LIST_FIELDS: tuple[str, ...] = ("jobs", "pains", "gains")
FIELD_ORDER: tuple[str, ...] = ("name", "role", "context", "moment", "jobs", "pains", "gains", "quote",
                                "channels", "buyer", "user")
# The empty fields the coach asks for, most useful first (a name last: it only helps the team talk of them).
ASK_ORDER: tuple[str, ...] = ("moment", "channels", "context", "quote", "role", "buyer", "user", "name")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PersonaField(Strict):
    """One fact of a persona. Empty `value`: nothing said yet (the coach asks). `source`: the founder's own
    words behind the value; `assumed`: the founder's belief, not backed by gathered data yet."""

    value: str = Field(default="", description="The fact, in the founder's words; empty when nothing was said.")
    source: str = Field(default="", description="The founder's exact words the value comes from (several "
                                                 "passages: one per line).")
    origin: Origin | None = Field(default=None, description="Where the source was said.")
    assumed: bool = Field(default=True, description="False only when interview notes back it.")

    @property
    def empty(self) -> bool:
        return not self.value.strip()


class Persona(Strict):
    """The persona of one segment (`segment` is the segment's name)."""

    segment: str
    name: PersonaField = Field(default_factory=PersonaField)
    role: PersonaField = Field(default_factory=PersonaField)
    context: PersonaField = Field(default_factory=PersonaField)
    moment: PersonaField = Field(default_factory=PersonaField, description="A day or a buying moment.")
    jobs: list[PersonaField] = Field(default_factory=list)
    pains: list[PersonaField] = Field(default_factory=list)
    gains: list[PersonaField] = Field(default_factory=list)
    quote: PersonaField = Field(default_factory=PersonaField, description="A sentence in the founder's words.")
    channels: PersonaField = Field(default_factory=PersonaField, description="Where to reach them.")
    buyer: PersonaField = Field(default_factory=PersonaField, description="Who pays.")
    user: PersonaField = Field(default_factory=PersonaField, description="Who uses.")

    def filled(self) -> Iterator[tuple[str, PersonaField]]:
        """Every non-empty field as (name, field); list items are named `jobs[0]`, `pains[1]`..."""
        for name in FIELD_ORDER:
            value = getattr(self, name)
            if isinstance(value, list):
                yield from ((f"{name}[{i}]", f) for i, f in enumerate(value) if not f.empty)
            elif not value.empty:
                yield name, value

    def empty_fields(self) -> list[str]:
        """The fields with nothing said yet, in the order the coach asks for them."""
        return [name for name in ASK_ORDER if getattr(self, name).empty]
