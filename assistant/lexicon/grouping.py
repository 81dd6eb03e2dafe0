"""How a for-whom answer lists its customer groups (`<lang>/grouping.yaml`): the words before a group that are
not part of it, the markers of examples, the joining words between groups and the small function words that
tell a group's start. Read by `assistant.understanding.grouping` (`split_groups`) and, through it, by
`assistant.understanding.listing` and `assistant.understanding.group_check`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class GroupingWords(BaseModel):
    """The cues by which a for-whom answer is cut into one fragment per group, in one language. Lead-ins and
    example markers are patterns of `assistant.text.patterns`; conjunctions and `with_words` are matched on
    the raw line (case-insensitive); the other lists are compared word for word on normalised text."""

    model_config = ConfigDict(extra="forbid")

    lead_ins: list[str] = Field(
        description="Words before the group that are not part of it, skipped at a fragment's start "
                    "('nos clients sont', 'honestly', 'we target').")
    example_markers: list[str] = Field(
        description="After these, the groups that follow are examples of the one before ('commercants : "
                    "surtout fleuristes', 'such as').")
    kind_tags: list[str] = Field(
        default_factory=list,
        description="A list closed on these ('roofers, siding guys, deck builders, that kind of crew', 'ce genre "
                    "de boîtes', 'etc'), in a sentence after a group: kinds given as examples of that group.")
    recurring_times: list[str] = Field(
        default_factory=list,
        description="A habit's time at a clause's start ('chaque année', 'every morning'): a subject pronoun after "
                    "it opens a statement of what the people do ('chaque année ils regardent…'), no group.")
    conjunctions: list[str] = Field(
        description="Words between two groups, each one cut apart ('les kines et les patients', 'as well "
                    "as'); matched between spaces on the raw line, written as typed.")
    with_words: list[str] = Field(
        description="'With' between two fragments: the second is a group only when it opens on one "
                    "('can't deal with calling 8 farms' is no second group); matched on the raw line.")
    determiners: list[str] = Field(
        description="Articles and determiners that open a group ('les', 'the', 'certains').")
    relatives: list[str] = Field(
        description="Relative pronouns: the group named after one is the predicate's, after the verb 'to be' "
                    "('the two that actually pay are row-crop farmers').")
    not_a_group_start: list[str] = Field(
        description="Words that open a fragment naming no group: a negation or a number ('pas de', 'no', "
                    "'two').")
    compound_breakers: list[str] = Field(
        description="Nouns after which the group word before them is only a modifier ('business plan', "
                    "'school year').")
    restating: list[str] = Field(
        description="Generic heads that restate the group before them rather than add one ('people who "
                    "drive for Uber', 'ceux qui').")
    copulas: list[str] = Field(description="The verb 'to be' after a relative clause ('are', 'sont').")
    proportions: list[str] = Field(
        description="A share before 'of': a part of a group or a number of people, not a group ('a third "
                    "of households', 'la moitie des foyers').")
