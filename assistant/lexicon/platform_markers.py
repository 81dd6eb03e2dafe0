"""How a founder says the product is a multi-sided platform (`<lang>/platform_markers.yaml`): the markers that
are enough on their own, the verbs that connect two groups and the words that name both sides. Read by
`assistant.understanding.platform` (`is_platform`, `platform_sides`, `names_both_sides`). The supply and demand
verbs of the sides are in `platform.yaml` (`PlatformWords`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PlatformMarkerWords(BaseModel):
    """The words of a platform in one language: patterns of `assistant.text.patterns` (markers, connectors,
    both sides) and words compared word for word on normalised text (joiners)."""

    model_config = ConfigDict(extra="forbid")

    markers: list[str] = Field(
        description="Enough on their own to make a platform, unless negated ('place de marche', 'two sided', "
                    "'le uber des', 'commission on each booking').")
    connectors: list[str] = Field(
        description="Verbs that connect two groups; they count only when two groups follow them ('met en "
                    "relation les kines et les patients', 'connects').")
    joiners: list[str] = Field(
        description="Words between the two groups a connector links ('et', 'with', 'to').")
    coordinators: list[str] = Field(
        description="The joiners that coordinate two nouns of one kind ('et', 'and', 'with'): after them a side "
                    "may be a noun the group lexicon does not hold ('les entrepots et les transporteurs').")
    both_sides: list[str] = Field(
        description="Words that name both sides of a platform ('des deux cotes', 'on one side ... on the "
                    "other').")
