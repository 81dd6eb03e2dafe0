"""The words of the focus detectors (`assistant/understanding/mistakes/focus.py`): too many segments at once,
and small, new or underserved groups dismissed, per language in `<lang>/focus.yaml`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class FocusWords(BaseModel):
    """Where the founder puts their focus (`focus.yaml`): patterns of `assistant.text.patterns` for what is
    said, whole words for what surrounds a negation. Read by `too_many_segments`, `all_groups_at_once`,
    `ignores_underserved` and `sets_a_group_aside`."""

    model_config = ConfigDict(extra="forbid")

    all_kinds: list[str] = Field(
        description="Every kind of customer at once ('every industry', 'tous les secteurs').")
    refusals: list[str] = Field(
        description="Asked which segment comes first, the founder will not choose ('equally important').")
    all_as_the_answer: list[str] = Field(
        default_factory=list,
        description="Asked which segment matters most, 'all of them' as the whole answer's opening clause "
                    "('Honestly all of them, this is the point', 'Tous, franchement'): a refusal to choose.")
    all_at_once: list[str] = Field(
        description="Every group pursued at the same time ('all three at once', 'en meme temps').")
    pair_words: list[str] = Field(
        description="Opening an 'all at once' phrase, the two sides of a platform rather than too many "
                    "segments ('both', 'deux').")
    small_refs: list[str] = Field(
        description="Small, new, unserved or 'other' groups: those the mistake dismisses ('small*', 'niche*').")
    dismissals: list[str] = Field(
        description="A group dismissed, named in the same clause or the one before ('not worth', 'on s en fiche').")
    dismissal_phrases: list[str] = Field(
        description="Dismissals that carry their own object ('nobody else matters', 'trop petits pour nous').")
    group_dismissals: list[str] = Field(
        description="Turning a group away ('not for us', 'forget them'): a mistake when the reason given is "
                    "what makes them underserved (see `underserved_traits`).")
    served_elsewhere: list[str] = Field(
        default_factory=list,
        description="A group left out because others already serve it ('the public agency already serves them "
                    "well', 'ils sont déjà bien servis'): a well-served group set aside, the reference text's "
                    "focus, not an underserved one ignored.")
    care_elsewhere: list[str] = Field(
        default_factory=list,
        description="A group left out for its own safety, by law, or because it needs another professional's "
                    "care first ('they need to see a doctor first, it can be an emergency', 'safeguarding for "
                    "under-18s', 'pas le droit'): a duty the founder keeps, not an underserved group dismissed.")
    same_as_before: list[str] = Field(
        default_factory=list,
        description="Words that give a sentence the previous sentence's verdict ('Children either.', 'Les "
                    "enfants non plus'): a second group set aside for the reason just given.")
    reference_articles: list[str] = Field(
        default_factory=list,
        description="Articles before a count that point to customers already known ('the 10 groups the letters "
                    "of intent cover', 'les 12 coopératives qu'on suit'): a count of customers, no segments "
                    "announced.")
    agent_markers: list[str] = Field(
        default_factory=list,
        description="The word that brings in who does an act ('by', 'par'): a group turned away by someone else "
                    "('qui se font laisser tomber par leur déneigeur', 'ignored by the big banks') is a pain of "
                    "theirs, not the founder's act.")
    idea_objects: list[str] = Field(
        default_factory=list,
        description="An idea or a plan as what is turned away ('dropped that idea', 'on a laissé tomber ça'): the "
                    "founder drops a plan of theirs, no group.")
    underserved_traits: list[str] = Field(
        description="Traits of underserved groups: age, low income, no smartphone, rural ('elderly', 'rural*').")
    clause_end_dismissals: list[str] = Field(
        description="Dismissals that count only at the end of their clause ('do not count'; 'ils ne comptent "
                    "pas leurs heures' is an idiom).")
    disowned_counts: list[str] = Field(
        default_factory=list,
        description="Words after a count of segments, in its sentence, that call the count a mistake ('six "
                    "segments with a team of five is not a strategy', 'sept cibles, c'est trop'): the founder "
                    "narrowing, not announcing them.")
    oversights: list[str] = Field(
        default_factory=list,
        description="The founder admitting they forgot a group ('j'ai complètement zappé les préposées', 'I "
                    "overlooked the drivers'): an oversight, often said while fixing it, not a group turned away.")
    for_now: list[str] = Field(
        default_factory=list,
        description="Words that end a refusal on a time to come ('we can't get into yet', 'pas pour l'instant'): "
                    "a group kept for later, not turned away for good.")
    conditions: list[str] = Field(
        default_factory=list,
        description="Right after a refusal to buy, the condition that lifts it ('won't buy anything until they've "
                    "asked round', 'n'achètent rien tant que'): a buying habit, no group turned away.")
    never_later: list[str] = Field(
        default_factory=list,
        description="A later time denied ('not even later', 'même plus tard', 'jamais'): with it a refusal is for "
                    "good, whatever deferral word it holds.")
    rank_first: list[str] = Field(
        default_factory=list,
        description="Patterns that put one group first ('X first', 'd'abord', 'to start with').")
    rank_next: list[str] = Field(
        default_factory=list,
        description="Patterns that put a group after the first ('then', 'ensuite', 'next year'): with a "
                    "`rank_first`, the answer orders its groups, the reference text's advice, not many at once.")
    trailing_ok: list[str] = Field(
        description="Words that may follow a clause-ending dismissal ('does not count for us', 'du tout').")
    describing_negators: list[str] = Field(
        description="Negations that describe a group rather than turn one away ('students without a car', 'ni').")
    verb_negation: list[str] = Field(
        description="The particle that negates a verb ('ne' of 'ne ... pas'); a clause with one is no "
                    "verbless refusal.")
    existentials: list[str] = Field(
        default_factory=list,
        description="'There is' before a clause-final negation ('sans eux y a rien', 'without them there's "
                    "nothing'): a verb, so the clause is a statement about a thing, not a verbless refusal.")
    prefix_negators: list[str] = Field(
        description="A negation that is a word's prefix unless it ends the clause ('non pourvus', 'non').")
    people_objects: list[str] = Field(
        default_factory=list,
        description="Pronouns that stand for people after a verb ('them', 'eux', 'les', 'y'): a founder's own "
                    "negation turns a group away only with a group or one of these in its clause ('we won't "
                    "build for them'; 'on n'a pas besoin d'un sondage' refuses a thing).")
    people_subjects: list[str] = Field(
        default_factory=list,
        description="Personal pronouns of other people ('they', 'ils'): before a negation in its clause ('they "
                    "don't pay us', 'ils nous paient rien'), the negation is what that group does, not the founder "
                    "turning it away.")
    recipient_markers: list[str] = Field(
        default_factory=list,
        description="Before a determiner, a recipient follows ('for the night crews', 'pour les familles').")
    alternative_joiners: list[str] = Field(
        default_factory=list,
        description="Before a negation, an alternative, not a refusal ('partial scholarships or none').")
    other_roles: list[str] = Field(
        default_factory=list,
        description="Roles other than customer ('partners', 'suppliers', 'prescripteurs'): in the clause before a "
                    "denial ('des partenaires, pas des clients'), the group is given that role, not turned away.")
    refused_group_openers: list[str] = Field(
        description="After a negation that opens a clause, the start of the group refused ('not the solo "
                    "ones', 'pas les grands groupes').")
