"""The words of the not_validated detector (`assistant/understanding/mistakes/validation.py`), per language in
`<lang>/validation.yaml`: research a founder reports, customer commitments, and conviction, intuition or friends
offered instead. Also read by `evidence_level` and `plans_research` (offline coach, interview evidence)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ValidationWords(BaseModel):
    """What tells real customer evidence from conviction (`validation.yaml`): patterns of
    `assistant.text.patterns` for what is said, whole words for what surrounds it. Read by `not_validated`,
    `strong_evidence`, `evidence_level` and `plans_research`."""

    model_config = ConfigDict(extra="forbid")

    evidence_nouns: list[str] = Field(
        description="Research a founder can report; it counts with a number or a verb in the past "
                    "('15 entretiens', 'interview*').")
    evidence_verbs: list[str] = Field(
        description="Verbs of research; they count when they say with how many people ('interviewed 22 nurses').")
    commitments: list[str] = Field(
        description="Strong on their own: money changed hands or a customer committed ('pilot*', 'precommande*').")
    quantities: list[str] = Field(
        description="Whole words of quantity before an evidence word ('several interviews', 'une dizaine').")
    single_quantities: list[str] = Field(
        description="Quantities that mean just one ('un', 'a'): after a research verb they do not count.")
    zero_words: list[str] = Field(
        description="Zero spelt out ('zero interviews'): no quantity (the digit 0 is handled in code).")
    magnitudes: list[str] = Field(
        default_factory=list,
        description="Words that make a count a population ('30 million people', 'des milliers de foyers'): a "
                    "market's size, desk research, no people the founder spoke to.")
    past_actions: list[str] = Field(
        description="Verbs in the past near an evidence word: the research was done ('conducted', 'mene*').")
    future: list[str] = Field(
        description="Whole words of future and plans near an evidence word: research still to come ('will', 'va').")
    vague_gaps: list[str] = Field(
        description="Said at the evidence question: nothing to show ('not yet', 'rien de concret').")
    research_gaps: list[str] = Field(
        description="Said anywhere: the founder has not talked to or tested with customers "
                    "('have not ...3 talked', 'aucun entretien').")
    certainty: list[str] = Field(description="Conviction stated as fact ('i am pretty sure', 'aucun doute').")
    intuition: list[str] = Field(
        description="Intuition and the founder's own story offered as evidence ('my gut', 'mon experience').")
    friends: list[str] = Field(description="Friends and family: weak evidence on its own ('friends', 'mon entourage').")
    desk_research: list[str] = Field(
        default_factory=list,
        description="Figures about a market rather than from its customers ('market size', 'statistics', "
                    "'selon l'INSEE'): on their own, no validation (the reference text: a segment is validated "
                    "by what its customers did or said).")
    generic_evidence: list[str] = Field(
        description="Whole evidence words too general to count alone: only with a quantity and no friends near "
                    "('customers', 'personnes').")
    folded_sure: list[str] = Field(
        description="Words that mean 'sure' only before one of `sure_followers`: French 'sûr' folds to 'sur' "
                    "('on est sur le marché' is no certainty). Empty where no such fold exists.")
    acquaintance_objects: list[str] = Field(
        default_factory=list,
        description="Right after a claim that everyone knows (its last word one of `knowing_verbs`), who is known "
                    "('everyone knows everyone', 'tout le monde connaît tout le monde'): people knowing one "
                    "another, no certainty about the need.")
    knowing_verbs: list[str] = Field(default_factory=list, description="Verbs of knowing ('knows', 'connaît').")
    sure_followers: list[str] = Field(
        description="Whole words after a `folded_sure` word that make it 'sure' ('sur que', 'sur a 100').")
