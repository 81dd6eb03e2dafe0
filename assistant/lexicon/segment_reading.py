"""The words by which a segment is named, told apart and typed, per language in `<lang>/segment_reading.yaml`.
Read by `assistant/understanding/segment_names.py` (a group's short name), `segment_blocks.py` (which segment
each sentence speaks of), `segment_type.py` (the segment type's cues) and `refinements.py` (a group the
founder makes a segment)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SegmentReadingWords(BaseModel):
    """Words of one language for naming and telling segments apart (`segment_reading.yaml`). Entries described
    as regular-expression alternatives keep regex syntax (and accents: they match the raw text, case ignored,
    in the order written where order matters); the others are whole words compared as each description says."""

    model_config = ConfigDict(extra="forbid")

    # --- segment_names: a group's short name on the canvas
    name_fillers: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored), removed at the start of a name "
                    "('franchement', 'i think', 'c'est'); a longer phrase before its prefix ('c'est vrai que' "
                    "before 'c'est').")
    name_copulas: list[str] = Field(
        default_factory=list,
        description="The copulas among `name_clause_words` ('are', 'sont'): cut there after a subject that names "
                    "no group ('Most important are the mid-size manufacturers'), the name is the complement's.")
    name_clause_words: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored) between spaces: a relative "
                    "pronoun or a copula where a name ends ('Foyers qui…', 'frontline workers are…').")
    name_example_words: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored) between spaces: examples after "
                    "the group, where a name ends ('les associations type ADMR', 'such as', 'par ex…').")
    name_relatives: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): a relative pronoun whose clause "
                    "a one-word name keeps ('Foyers qui ont un chien').")
    plain_words: list[str] = Field(
        default_factory=list,
        description="Words of a name that identify no group: prepositions of place ('Boat owners around Troms', "
                    "'autour de') and words of comparison or quantity ('in the same wards', 'autres'): a text "
                    "saying 'around 1,900 kroner' or 'not the same people' does not name that segment.")
    dangling_words: list[str] = Field(
        description="Function words a name never ends on, compared with its last word lowercased as written "
                    "('Particuliers hypertendus à', '…for').")
    name_determiners: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): a determiner dropped at the "
                    "start of a name ('les', 'l'', 'the', 'our').")
    name_conjunctions: list[str] = Field(
        default_factory=list,
        description="Normalised conjunctions where a name cut at its length limit stops: what follows one near "
                    "the cut was cut mid-phrase ('Drill and blast crews and haul' → 'Drill and blast crews').")

    # --- segment_blocks: which segment a sentence speaks of
    topic_words: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): a preposition that opens a "
                    "sentence's topic ('Pour les écoles,', 'Côté restaurants,', 'For the software,').")
    clause_conjunctions: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): a conjunction dropped at the "
                    "start of a clause after a comma ('…, et l'artisan paye', '…, and the kids use it').")
    same_words: list[str] = Field(
        description="Normalised words for 'the same' that may say the offer is the same rather than the people "
                    "('même service', 'same price list').")
    same_for_all: list[str] = Field(
        description="Normalised words after 'the same' that keep it about every segment ('same thing for "
                    "both', 'meme chose pour les deux').")
    # --- dictation: an unpunctuated answer that goes through the segments in turn
    turn_determiners: list[str] = Field(
        default_factory=list,
        description="Normalised definite determiners that may open a turn to another group in a run-on "
                    "('… au bord de la route le restaurant avoir…', '… the tenants want…').")
    turn_topics: list[str] = Field(
        default_factory=list,
        description="Normalised prepositions that may open a turn to another group as its topic ('… pour les "
                    "restos le débarquement…'); not those that also name a place ('chez', 'at').")
    turn_blockers: list[str] = Field(
        default_factory=list,
        description="Normalised words after which a group is an object or a complement, never a turn to "
                    "another group ('avoir des restos', 'vendre aux restos', 'with the tenants', 'and').")
    # --- segment_type: cues of the segment type
    offer_for: list[str] = Field(
        description="Normalised words before the group an offer is for: two offers, each for its own group, "
                    "make the segments diversified ('des prototypes pour les bureaux d etudes').")
    locatives: list[str] = Field(
        description="Normalised prepositions of place: a group word right after one is a place, not the "
                    "customer ('households in UK cities').")
    stop_stems: list[str] = Field(
        description="Normalised word stems (their first five letters) too common to tell two segments' needs "
                    "apart ('avec', 'their', 'heure').")
    # --- refinements: a group the founder makes a segment
    structure_words: list[str] = Field(
        description="Regular-expression alternatives (normalised text, between word boundaries): a structure "
                    "noun that makes a group a segment ('an underserved segment', 'une cible a part').")
    another_words: list[str] = Field(
        description="Regular-expression alternatives (normalised text, between word boundaries), right before a "
                    "structure noun: a group said to be another segment ('that's the other group', 'c'est un "
                    "autre segment'), added at the most-important question.")
