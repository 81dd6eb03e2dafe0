"""What names a customer group (`<lang>/groups.yaml`): the nouns of trades, people and organisations, the
sectors, the agent-noun endings for the trades they lack, the words that are none of these, and the numbers
and nouns by which a founder announces how many groups there are. Read by `assistant.understanding.groups`
(`is_group_word`, `group_words`, `announced_count`, `STRUCTURE`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class GroupWords(BaseModel):
    """The words that name a customer group, and those that announce a number of groups, in one language.
    Group nouns and sectors are lemmas looked up tolerantly (`assistant.text.patterns.Lexicon`: a typo is
    forgiven, `*` ends a word start); the other lists are compared word for word on normalised text."""

    model_config = ConfigDict(extra="forbid")

    group_nouns: list[str] = Field(
        description="Trades, people and organisations that name a customer group ('client*', 'kine*', "
                    "'restaurant*', 'families'), including units of organisation of any trade ('clubs') and "
                    "the family that pays for a relative ('fille', 'daughter*').")
    plural_only: list[str] = Field(
        default_factory=list,
        description="Whole words that name a group in the plural only: trades ('plumbers', 'nounous'), whose "
                    "singular often names one person inside a compound ('the nanny tax', 'the head chef').")
    sectors: list[str] = Field(
        description="Sectors that stand for the businesses in them, as a group ('restauration', 'hospitality').")
    agent_suffixes: list[str] = Field(
        description="Endings of agent nouns that name a group whatever the trade, for a word of six letters or "
                    "more that no list holds ('eurs' in 'torrefacteurs', 'ers' in 'beekeepers').")
    not_groups: list[str] = Field(
        description="Words that look like a group (an agent-noun ending, a typo away from a group noun) but "
                    "are none: adjectives, abstract nouns, adverbs, verbs ('exigeants', 'secteurs', 'others', "
                    "'paient' that a typo-tolerant match would take for 'patients').")
    number_words: dict[str, int] = Field(
        description="Numbers written as words, with their value, that announce a count of groups ('deux "
                    "publics', 'three groups'): word -> value.")
    structure_nouns: list[str] = Field(
        description="Nouns that announce the structure instead of naming a group, after a number ('trois "
                    "cibles', 'two sides'); also 'a segment' as a predicate.")
    degree_words: list[str] = Field(
        default_factory=list,
        description="Adverbs of degree ('most', 'plus', 'très'): a group word right after one is an adjective "
                    "('le conducteur le plus proche', 'the most local'), no group.")
    modifier_group_words: list[str] = Field(
        description="Group words that mostly qualify the group word after them, which is then the group "
                    "('independent restaurants', 'freelance designers').")
