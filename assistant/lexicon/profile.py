"""The words of the profile detectors (`assistant/understanding/mistakes/profile.py`), per language in
`<lang>/profile.yaml`: a segment described by demographics only (`demographics_only`), or everyone in it
assumed identical (`assumes_homogeneous`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ProfileWords(BaseModel):
    """How a segment is described (`profile.yaml`): single-word lemmas (`*` for a word start) for the
    demographic categories and behaviours, whole words around them, patterns of `assistant.text.patterns`
    for sameness. Read by `demographic_profile`, `demographics_only` and `assumes_homogeneous`."""

    model_config = ConfigDict(extra="forbid")

    age: list[str] = Field(description="Demographic category 'age' ('30s', 'retraite*').")
    gender: list[str] = Field(description="Demographic category 'gender' ('women', 'mamans').")
    income: list[str] = Field(description="Demographic category 'income' ('affluent', 'csp+').")
    location: list[str] = Field(description="Demographic category 'location' ('urban', 'banlieue*').")
    occupation: list[str] = Field(description="Demographic category 'occupation' ('manager*', 'cadre*').")
    family: list[str] = Field(description="Demographic category 'family' ('married', 'enfant*').")
    firm: list[str] = Field(
        description="Demographic category 'firm', counted at the characteristics question ('headcount', 'pme').")
    behaviours: list[str] = Field(
        description="Needs, problems, habits, motivations: any of these makes a description more than "
                    "demographics ('struggl*', 'besoin*').")
    glue: list[str] = Field(
        description="Whole words that carry no information either way ('mostly', 'environ').")
    relatives: list[str] = Field(
        description="Relative pronouns: the verb after one describes a behaviour ('who run', 'qui courent').")
    demographic_verbs: list[str] = Field(
        description="Verbs after a relative pronoun that still describe demographics ('who earn', 'qui vivent').")
    not_verbs: list[str] = Field(
        description="Whole words after a relative pronoun that are no verb ('the', 'leur').")
    negation_particles: list[str] = Field(
        description="Particles skipped when looking for the relative pronoun before a verb ('qui ne courent "
                    "pas': 'ne'). Empty where negation needs none.")
    location_prepositions: list[str] = Field(
        description="Prepositions of place: a capitalised name after one is a place ('in Leeds', 'a Lyon').")
    sameness: list[str] = Field(
        description="Every customer assumed alike ('all ...4 the same', 'tous pareils').")
    sameness_words: list[str] = Field(
        default_factory=list,
        description="Whole words that go on with a sameness claim in its sentence ('same packs, same posts', "
                    "'traiter différemment'): an item of that sentence holding one is part of the claim.")
    sameness_over_time: list[str] = Field(
        default_factory=list,
        description="A time right after a sameness phrase ('it'll look exactly the same in ten years', 'pareil dans "
                    "dix ans'): the market said not to change, not the segment's people said alike. Patterns.")
    differences: list[str] = Field(
        default_factory=list,
        description="The segment's members said to differ ('they are not the same', 'they buy differently', 'pas "
                    "les mêmes besoins'): differences acknowledged, no segment assumed homogeneous.")
    examples_said: list[str] = Field(
        default_factory=list,
        description="Kinds just called examples ('ce sont des exemples, c'est le même client', 'those are just "
                    "examples'): a sameness phrase in that sentence or the next makes them one segment, it says "
                    "nothing of how alike its people are. Patterns.")
    not_sameness_after: list[str] = Field(
        description="Whole words after a sameness phrase that make it a comparison ('the same as', 'meme "
                    "temps').")
    indefinite_articles: list[str] = Field(
        description="Indefinite articles of the tautology 'a driver is a driver' ('a', 'un').")
    tautology_verbs: list[str] = Field(
        description="The one-word verb of the tautology 'a driver is a driver' ('is', 'est').")
    presentatives: list[str] = Field(
        description="Two-word 'it is' of the tautology 'un client c est un client' ('c est'). Empty where the "
                    "language has none.")
