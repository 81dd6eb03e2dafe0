"""The cues that change what a phrase means (`<lang>/cues.yaml`): function words, negation and its idioms,
hedges, contrast, and a belief the founder has dropped. Read by `assistant.understanding.cues`
(`is_negator`, `negated_before`, `negated_after`, `is_hedged`, `contrast_after`, `past_belief_before`,
`FUNCTION_WORDS`), which every detector of the understanding layer uses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class CueWords(BaseModel):
    """The meaning-changing cues of one language: whole words compared on normalised tokens, and patterns
    of `assistant.text.patterns` for the phrases (hedges, contrasts, past beliefs)."""

    model_config = ConfigDict(extra="forbid")

    function_words: list[str] = Field(
        description="Function words (articles, prepositions, pronouns, auxiliaries): they never narrow or "
                    "describe anything on their own ('les', 'dans', 'the', 'with').")
    negators: list[str] = Field(
        description="Whole words that negate what follows them in the same clause ('jamais', 'sans', 'not').")
    not_negating: list[str] = Field(
        description="A negator and the word right after it that make an idiom, not a negation, written as "
                    "the two words ('pas mal' as in 'pas mal de', 'sans doute', 'no matter').")
    ne_particles: list[str] = Field(
        description="The particles of a two-part negation ('ne', 'n' as in 'n est pas'): 'tout le monde n est "
                    "pas ...' is negated after the match. Empty where the language has none.")
    ne_negators: list[str] = Field(
        description="Words that negate only after a `ne_particles` word among the three before them ('plus' "
                    "in 'ne ... plus'; 'plus' alone is no negation). Empty where the language has none.")
    hedges: list[str] = Field(
        description="Hedges: the founder supposes rather than knows, patterns ('je pense', 'probably', "
                    "'i would say').")
    contrasts: list[str] = Field(
        description="Contrasts: a correction follows ('tout le monde... mais en fait surtout les parents'), "
                    "patterns ('=mais', 'en fait non|plutot', 'actually no|not').")
    denials: list[str] = Field(
        default_factory=list,
        description="A sentence that opens on one of these denies the belief told just before ('At first I thought "
                    "all staff. No: ...', 'Au début je pensais tout le monde. Non : ...'), patterns.")
    past_beliefs: list[str] = Field(
        description="A belief the founder has moved on from, before what it introduces ('au debut je pensais "
                    "que tout le monde...', 'at first'), patterns.")
