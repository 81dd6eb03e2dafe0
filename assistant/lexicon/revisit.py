"""The words of the never_revisited detector (`assistant/understanding/mistakes/revisit.py`), per language in
`<lang>/revisit.yaml`: segments treated as fixed while markets move. Also read by the understanding reader's
`speaks_of_the_target_over_time`, `claims_fixedness` and `plans_a_review`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RevisitWords(BaseModel):
    """What says the segments will never be looked at again (`revisit.yaml`): patterns of
    `assistant.text.patterns` for the claims, whole words (or word starts) for their surroundings. Read by
    `never_revisited`, `speaks_of_the_target_over_time`, `claims_fixedness` and `plans_a_review`."""

    model_config = ConfigDict(extra="forbid")

    subjects: list[str] = Field(
        description="What the claim must be about: the segments, the target, the market ('segment*', 'cible*').")
    frozen: list[str] = Field(description="The segments will not move ('never change*', 'ne changera pas').")
    same_people: list[str] = Field(
        default_factory=list,
        description="The customers of years to come said to be today's, their own subject ('the people who need "
                    "a plumber in ten years will be the same people', 'ce seront les mêmes gens'): segments "
                    "said fixed.")
    no_revisit: list[str] = Field(
        description="The segments will not be looked at again ('no need to ...2 revisit', 'pas besoin de revoir').")
    fixed_idioms: list[str] = Field(description="Idioms of finality ('set in stone', 'une fois pour toutes').")
    fixed_states: list[str] = Field(
        description="Adjectives that only say 'fixed' after a verb of being ('locked', 'fige*').")
    copulas: list[str] = Field(
        description="Whole words of being just before a `fixed_states` adjective ('are', 'sont').")
    stale: list[str] = Field(description="The segmentation's age ('# years ago', 'il y a # ans').")
    still_fine: list[str] = Field(
        description="Said in the sentence of a `stale` age: still fine ('still valid', 'toujours valable').")
    time_words: list[str] = Field(
        description="Whole words that may end a 'won't change' claim and keep it about the segments "
                    "('over time', 'jamais').")
    temporary: list[str] = Field(
        description="The founder is not claiming the segments are fixed for good ('for now', 'pour l instant').")
    change: list[str] = Field(
        description="Words of time, change and decision: an answer with none of them says nothing about its "
                    "segments staying fixed ('revisit*', 'toujours').")
    indifference: list[str] = Field(
        default_factory=list,
        description="Idioms of indifference built on a word of change ('ça ne change rien', 'it makes no "
                    "difference'): about something else not mattering, not about the segments over time.")
    articles: list[str] = Field(
        description="Whole words after which a noun of change names the service sold ('the review', 'la "
                    "revision').")
    cadence: list[str] = Field(
        default_factory=list,
        description="A rhythm ('every 6 months', 'each quarter', 'tous les trimestres', 'deux fois par an').")
    review_dates: list[str] = Field(
        default_factory=list,
        description="A date to look again ('in March', 'after the first full winter', 'après la récolte', 'en "
                    "septembre'): with a `review_verbs` word in one sentence, a review planned, like a `cadence`.")
    review_verbs: list[str] = Field(
        default_factory=list,
        description="Looking again at what was decided ('review*', 'adjust*', 'look at', 'revoi*', 'faire le "
                    "point'). With a `cadence` in one sentence: a review planned, the opposite of fixed segments.")
    returns: list[str] = Field(
        default_factory=list,
        description="Coming back to a decision ('come back to', 'circle back', 'on y reviendra', 'revenir "
                    "dessus'). With a deferral of the grammar lexicon in one sentence ('next year', 'plus "
                    "tard'): a return planned, the opposite of fixed segments.")
    service_nouns: list[str] = Field(
        description="Starts of nouns of change a pitch may sell, after one of `articles` ('review', 'revis').")
