"""The words `assistant.understanding.substance` needs beyond the conversation and grammar lexicons
(`<lang>/substance.yaml`): what links a number, or a price, to the people it counts. Read by
`names_people_in_general`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SubstanceWords(BaseModel):
    """The substance words of one language, whole words of normalised text."""

    model_config = ConfigDict(extra="forbid")

    quantity_links: list[str] = Field(
        description="The word between a number and what it counts ('millions de personnes', 'thousands of "
                    "users'): a number of people is a market size, not people in general.")
    unit_links: list[str] = Field(
        description="The word before the unit a price or an amount is counted in ('£2.50 per person', '5 € par "
                    "personne'): people as a unit of measure, not people in general.")
