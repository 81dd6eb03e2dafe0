"""The words of the too_broad detector (`assistant/understanding/mistakes/breadth.py`): "everyone is my
customer", said plainly or with a qualifier that narrows nothing, per language in `<lang>/breadth.yaml`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class BreadthWords(BaseModel):
    """Broad targets and what narrows them (`breadth.yaml`): patterns of `assistant.text.patterns` for the
    targets, whole words (or word endings) for what comes before or after them. Read by `too_broad` and
    `people_only_as_exchange_sides`."""

    model_config = ConfigDict(extra="forbid")

    broad_pronouns: list[str] = Field(
        description="Pronoun-like heads only a relative or prepositional clause can narrow ('everyone', "
                    "'tout le monde').")
    broad_groups: list[str] = Field(
        description="Groups so wide that 'all of them' is no target ('kids', 'familles'), one word each: "
                    "joined as one alternative after each of `broad_group_quantifiers`.")
    broad_group_quantifiers: list[str] = Field(
        description="The pattern before a word of `broad_groups` that makes it a broad target ('all|any|every' "
                    "for 'all kids').")
    broad_nouns: list[str] = Field(
        description="Noun heads an adjective or a clause can narrow ('people', 'les gens', 'SMEs').")
    broad_explicit: list[str] = Field(
        description="Broad whatever follows ('as many people as possible', 'de 7 a 77 ans').")
    indifferent_after_list: list[str] = Field(
        description="Said right after a list of kinds, the founder choosing none of them ('sushi bar, "
                    "taqueria, catering company, doesn't matter', 'restaurants, cantines, traiteurs, peu "
                    "importe').")
    catch_all_after_list: list[str] = Field(
        default_factory=list,
        description="Everyone, closing a list of kinds: the kinds were examples of everyone ('hairdresser, cab "
                    "driver, farmer, everybody waiting to be paid'); not when a place follows it "
                    "(`catch_all_places`: 'the cooks, the waiters, everyone in the kitchen' are one customer's staff).")
    catch_all_places: list[str] = Field(
        default_factory=list,
        description="Right after a catch-all closing a list, words that put everyone in one place ('in', 'dans', "
                    "'y'): the kinds listed were roles inside one customer.")
    trivial: list[str] = Field(
        description="Words that narrow nothing after a broad head ('anyone with a phone', 'les gens en general').")
    narrowers: list[str] = Field(
        description="Words that open a clause narrowing the head ('everyone who ...', 'les gens ayant ...').")
    no_exclusion: list[str] = Field(
        default_factory=list,
        description="Beside a broad target, no group ruled out, said as a refusal ('I don't want to close any door', "
                    "'sans exclure personne'): the target said to be everyone in so many words.")
    relatives: list[str] = Field(
        default_factory=list,
        description="Relative pronouns among the narrowers ('who', 'qui'): their clause narrows only when what its "
                    "verb acts on does ('anybody who sells stuff' sweeps, 'anybody who has a warehouse' narrows).")
    sweeping_objects: list[str] = Field(
        default_factory=list,
        description="Objects that narrow nothing, besides the trivial words ('stuff', 'something', 'des trucs').")
    participle_endings: list[str] = Field(
        description="Endings of a present participle that narrows the head ('people working ...': 'ing').")
    comparatives: list[str] = Field(
        description="Right before a broad word, a comparison rather than a target ('like everyone', 'comme').")
    acquaintance_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs of knowing or meeting people ('know', 'connais'): after the founder as their subject, a "
                    "broad word is the founder's acquaintances ('its where i know people'), no target.")
    likeness_people: list[str] = Field(
        description="Right after a comparative that follows a broad noun, the people it is likened to, which "
                    "narrow it ('people like me', 'des gens comme nous': the founder's own kind, a target told "
                    "by who they resemble).")
    comparative_pairs: list[str] = Field(
        description="Two words right before a broad word that make it a comparison ('plus que tout le monde').")
    quantifiers: list[str] = Field(
        description="Words that open a broad head, so no adjective comes before it ('all', 'tous', 'the').")
    modifier_determiners: list[str] = Field(
        description="Determiners that, two words before a broad noun, make the word between them a noun modifier "
                    "that narrows it (\"the doodle people\", \"those bike people\"); empty where noun modifiers "
                    "follow the head (French: \"les gens du quartier\", read by the clause narrowers).")
    pre_adjectives: list[str] = Field(
        description="Adjectives that can come before the noun they narrow ('busy people', 'jeunes gens').")
    adjective_endings: list[str] = Field(
        description="Endings of a word before a broad noun that make it an adjective narrowing it "
                    "('eco-conscious consumers': 'conscious').")
    subordinators: list[str] = Field(
        description="Before a broad word, a subordinate clause rather than a target ('before anyone calls').")
    subordinator_pairs: list[str] = Field(
        description="Two-word subordinators before a broad word, written as one phrase ('so that', 'pour que').")
    number_words: list[str] = Field(
        description="A number before a broad word: a size, not a target ('two people', 'deux personnes').")
    number_links: list[str] = Field(
        description="The word between a number and a broad word ('millions of people', 'milliers de').")
    complement_links: list[str] = Field(
        description="Between a noun and a broad word, the link that makes the broad word that noun's complement, "
                    "not the target's head ('the finance teams of SMEs', 'les bureaux d'études des PME').")
    amount_nouns: list[str] = Field(
        description="Nouns of amount or kind before a complement link: the broad word stays the head "
                    "('lots of people', 'all kinds of businesses', 'la plupart des gens', 'plein de PME').")
    age_range_openers: list[str] = Field(
        description="Optional first word of an age range, before the first number ('from', 'entre').")
    age_range_links: list[str] = Field(
        description="Optional word between the two numbers of an age range ('to', 'a').")
    age_range_units: list[str] = Field(
        description="The word that closes an age range ('years', 'ans'); a wide range is a broad target.")
    target_claims: list[str] = Field(
        default_factory=list,
        description="Right after a broad word, the founder saying it is their customer ('everyone is our customer', "
                    "'tout le monde est client'): a target however the sentence opens ('so everyone is our "
                    "customer' is a conclusion, not a subordinate clause).")
    subordinate_openers: list[str] = Field(
        default_factory=list,
        description="Right after a broad word, a conjunction that opens a clause of time or condition, not one "
                    "that narrows it ('n'importe qui dès qu'on vit ici': accents removed, 'dès' reads as the "
                    "narrowing 'des').")
    free_choice: list[str] = Field(
        default_factory=list,
        description="Quantifiers of free choice opening a broad group, which no clause narrows ('n'importe quelle "
                    "entreprise qui cherche de la main d'oeuvre': any company at all).")
    determiners_after: list[str] = Field(
        default_factory=list,
        description="Right after a pronoun head such as 'pour tous', a determiner that makes it the quantifier of "
                    "the noun that follows ('pour tous les artisans' is no 'for everyone').")
    pronoun_idioms: list[str] = Field(
        default_factory=list,
        description="Idioms holding a pronoun head that name nobody ('une fois pour toutes').")
    target_copulas: list[str] = Field(
        default_factory=list,
        description="Right before a broad word (hedges aside), what says it is the target: a demonstrative and a "
                    "copula, or the word customer and one ('that's everyone', 'c'est pour tout le monde', 'our "
                    "customer is everybody').")
    pole_fillers: list[str] = Field(
        default_factory=list, description="Words that may stand beside a pole of `span_poles` ('the young ones').")
    possession_links: list[str] = Field(
        default_factory=list,
        description="After a broad pronoun, the words of a clause that only says they own something ('who has', "
                    "'with', 'qui a'): owning what the product itself serves narrows nothing ('tout le monde qui a "
                    "un chien' for dog training).")
    span_poles: list[str] = Field(
        default_factory=list,
        description="The two poles of one axis, one word slot each ('young|younger old|older|elderly', "
                    "'petits|petites grands|grandes|gros'): groups that each name one pole, both named, sweep the "
                    "axis (any age, any size) rather than choose segments ('les jeunes, les vieux').")
    market_boasts: list[str] = Field(
        default_factory=list,
        description="The market said huge for being everyone ('so market is huge', 'le marché est énorme'): a "
                    "broad target in the same answer is then said in so many words.")

