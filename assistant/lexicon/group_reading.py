"""The function words by which the group reader's checks tell where a customer group starts, ends and what is
said about it, per language in `<lang>/group_reading.yaml`: read by the grammar checks after the group reader
(`assistant/understanding/group_*.py`), the cutting into fragments and the lists of groups (`listing.py`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class GroupReadingWords(BaseModel):
    """Function words of one language for reading the groups an answer names (`group_reading.yaml`). Unless a
    description says otherwise, entries are whole words (or phrases of whole words, split on spaces) compared
    with the normalised tokens of `assistant.text.tokens` (no accents, no apostrophes). Entries described as
    regular-expression alternatives keep regex syntax and are matched on the raw text, case ignored."""

    model_config = ConfigDict(extra="forbid")

    # --- group_check: what opens a fragment, and what cannot end a group
    relative_openers: list[str] = Field(
        description="Relative pronouns: a fragment that opens on one continues the group before ('qui', 'who').")
    sequence_words: list[str] = Field(
        default_factory=list,
        description="Words of sequence that may open a coordinated group ('and then the scheme managers', 'et "
                    "puis les gérants'): passed over to read the group's determiner.")
    anecdotes: list[str] = Field(default_factory=list, description="Openings of a sentence that tells a scene "
                                 "('what happens is'): its people are not groups named.")
    appositive_openers: list[str] = Field(
        default_factory=list,
        description="Phrases that open an apposition describing the group just named, never a group of its own "
                    "('..., souvent des femmes de la region qui...', '..., mostly retired couples'): a frequency "
                    "word, then in French an indefinite article.")
    describing_openers: list[str] = Field(
        default_factory=list,
        description="Words that open a description of a group named earlier, never a group ('with a setting "
                    "team of 2 to 6', 'sans salarie').")
    not_action_endings: list[str] = Field(
        default_factory=list,
        description="Endings that make a word no verb form though it ends like one ('ment': 'seulement les "
                    "boulangeries', 'souvent' are adverbs).")
    action_endings: list[str] = Field(
        default_factory=list,
        description="Endings of verb forms ('ing', 'er'): such a word followed by its object ('Losing 25% of', "
                    "'Accompagner leurs enfants') describes what a group does, it names none.")
    preposition_openers: list[str] = Field(
        description="Prepositions: a fragment that opens on one continues the group before ('avec', 'in').")
    determiner_openers: list[str] = Field(
        description="Determiners: a fragment that opens on one opens a noun phrase ('les', 'the', 'certains').")
    negation_openers: list[str] = Field(
        description="Negations: a fragment that opens on one is no group of its own ('pas', 'not').")
    not_trailing: list[str] = Field(
        description="Hedges never trimmed at the end of a group: they cannot end one ('et', 'so', 'mostly').")
    demonstratives: list[str] = Field(
        description="Openers of a noun phrase that names people without a group word ('ceux qui…', 'the ones').")
    restatements: list[str] = Field(
        description="Phrases (words split at spaces) that open a restatement of the group before, after a comma "
                    "('…, en gros les petites boutiques de seconde main', '…, basically the small practices'): "
                    "the same group, not another.")
    comparatives: list[str] = Field(
        description="A fragment that opens on a comparison continues the group before ('under 500 acres', "
                    "'moins de 10').")
    modals: list[str] = Field(
        description="Modal verbs: a fragment that opens on one is a clause, not a group ('can', 'peuvent'); "
                    "also an opening before the group ('doit convaincre les artisans').")
    question_subjects: list[str] = Field(
        default_factory=list,
        description="Pronouns between a modal and its verb in a question before the group ('would it be the "
                    "songwriters?', 'ce serait les…').")
    personal_subjects: list[str] = Field(
        default_factory=list,
        description="Personal pronouns as a clause's subject ('they', 'ils'): a clause they open, past a connective, "
                    "says what people named before do ('…, then they drive home half asleep'), unless a copula "
                    "follows ('they are mostly nurses').")
    copulas: list[str] = Field(
        description="The verb 'to be' as a sentence's main verb ('are', 'sont'): the group is its subject or "
                    "is named after it.")
    exclusion_leads: list[str] = Field(
        description="A group whose words open on one of these is set aside ('sauf les hôpitaux', 'not the "
                    "big chains').")
    comparison_openings: list[str] = Field(
        description="Phrases that open a comparison, not a group ('plus de 50 salariés'). Empty in English: "
                    "the rule was French only.")
    determiner_phrases: list[str] = Field(
        description="Phrases that open a noun phrase though their first word is a preposition ('d autres "
                    "jardiniers qui…'). Empty in English: the rule was French only.")
    auxiliaries: list[str] = Field(
        description="Auxiliaries that, like the modals, open a negated verb before one of `verb_negations` "
                    "('don't', 'did not'). Empty in French: the rule was English only.")
    verb_negations: list[str] = Field(
        description="The negation right after a modal or an auxiliary: a negated verb, not a group ('can not "
                    "justify'). Empty in French: the rule was English only.")
    # --- group_openings: pseudo-clefts, modal openings and side headings before a group
    cleft_relatives: list[str] = Field(
        description="Relative pronouns after the opening of a pseudo-cleft ('the two that pay are…', 'ceux "
                    "qui…', 'celles où on gagne, c'est…').")
    cleft_articles: list[str] = Field(
        description="Articles before a pseudo-cleft's opening ('the two that…', 'les deux qui…').")
    superlatives: list[str] = Field(
        description="Two-word phrases after a pseudo-cleft's copula that make it a predicate about the subject "
                    "('are the main target', 'sont le coeur').")
    object_pronouns: list[str] = Field(
        description="Pronouns after a pseudo-cleft's copula: no group named there ('c est eux les plus "
                    "importants', 'it's them').")
    copula_subjects: list[str] = Field(
        description="Subject pronouns that belong to the pseudo-cleft's own copula ('c', 'that'), unlike the "
                    "others that open another clause ('ils sont…').")
    impersonal_openings: list[str] = Field(
        description="Phrases of an impersonal verb before the group ('il faut', 'need to').")
    side_words_before_name: list[str] = Field(
        description="A platform side's heading word written before the side's name ('cote offre'). Empty in "
                    "English, where it comes after.")
    side_words_after_name: list[str] = Field(
        description="A platform side's heading word written after the side's name ('supply side'). Empty in "
                    "French, where it comes before.")
    side_clefts: list[str] = Field(
        description="Phrases of a copula or a hedge after a side heading, before the group ('cote offre c est "
                    "les artisans', 'cote bateaux je dirais les proprios', 'on the supply side it s the drivers').")
    # --- group_predicate: a statement made about a group
    predicate_relatives: list[str] = Field(
        description="Relative pronouns: a copula after one is the clause's, not the sentence's ('nurses who "
                    "are on nights').")
    statement_clefts: list[str] = Field(
        description="Phrases that open a statement about the group before them ('…, c est un vrai segment'). "
                    "Empty in English: the rule was French only (English statements open on a copula).")
    as_words: list[str] = Field(
        description="Words before a structure noun that make the group before them a segment ('X as a second "
                    "segment', 'X comme segment', 'X en cible prioritaire').")
    connectives: list[str] = Field(
        description="Words that are no group before a statement ('mais c est ca notre marche', 'so').")
    statement_subjects: list[str] = Field(
        description="Pronouns right after the statement's opening: the statement is about them, not a group "
                    "('c est ca notre marche', 'that's it').")
    # --- group_boundaries, group_parts: lists of groups
    conjunctions: list[str] = Field(
        description="Conjunctions skipped when a phrase's own words are read ('et', 'but', 'aussi').")
    part_conjunctions: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): a conjunction dropped at the "
                    "start of an announced part ('and the volunteer drivers', 'enfin').")
    # --- group_deferrals: a time to come after a group
    future_prepositions: list[str] = Field(
        description="Regular-expression alternatives (normalised text): a preposition before a year or a "
                    "quarter that puts the group off ('labs in Q3', 'a partir de 2026').")
    # --- group_fragments: the separators an answer is cut at (their names label the reader's features)
    also_separators: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored) between spaces: the 'also' "
                    "separator ('as well as', 'de m[eê]me que').")
    plus_words: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): the word 'plus' that joins two "
                    "groups when a determiner of `plus_word_determiners` follows ('plus the', 'plus les').")
    plus_word_determiners: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored): determiners after `plus_words` "
                    "('plus the …', 'plus des …').")
    and_separators: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored) between spaces: the 'and' "
                    "separator ('et', 'and'; '&' is added in code).")
    or_separators: list[str] = Field(
        description="Regular-expression alternatives (raw text, case ignored) between spaces: the 'or' "
                    "separator ('ou', 'or').")
    # --- listing: a range that sweeps across groups
    range_from: list[str] = Field(
        description="Words that open a sweep across groups ('des etudiants aux retraites', 'from freelancers "
                    "to large corporations').")
    range_to: list[str] = Field(
        description="Words that close a sweep across groups, before its last group ('aux', 'to').")
    calendar_words: list[str] = Field(
        default_factory=list,
        description="Days and months: a range over them ('du lundi au vendredi') spans time, not people.")
    range_determiners: list[str] = Field(
        default_factory=list,
        description="Range words that carry their noun's determiner ('du collegien au papi'): the noun phrase "
                    "opens at them.")
    # --- group_dependents: groups reached through another
    possessives: list[str] = Field(
        description="Possessive determiners that tie a group to the one named before it ('and their patients', "
                    "'et leurs salariés'): that group's own clients, staff or members.")
    singular_possessives: list[str] = Field(
        default_factory=list,
        description="Possessives of a singular noun ('son', 'sa'): before a plural word they are another language's "
                    "word ('para sa students', Tagalog), no possessive.")
    reached_through: list[str] = Field(
        description="Phrases that say the groups after them are reached through the group before ('and through "
                    "them the residents', 'et indirectement leurs patients', 'via eux').")
    back_references: list[str] = Field(
        description="Demonstrative determiners inside a group that point back to what was named before ('the "
                    "boards of those buildings', 'les clubs qui occupent ces équipements').")
    back_pronouns: list[str] = Field(
        default_factory=list,
        description="Object pronouns in a group's relative clause that point back to the group before ('the small "
                    "contractors that employ them', 'les agences qui les recrutent'): a group told through that one. "
                    "A pronoun that is also a determiner ('les', 'leur') counts only right after the relative word.")
    back_subjects: list[str] = Field(
        default_factory=list,
        description="Subject pronouns in a group's clause that point back to the group before ('the companies they "
                    "work for', 'les entreprises où elles travaillent'): a group told through that one, right after "
                    "the group's head or its relative word.")
    intensives: list[str] = Field(
        default_factory=list,
        description="Intensive pronouns right after a group's head ('the workers themselves', 'les travailleurs "
                    "eux-mêmes'): the people the group before brings in, named again as its users.")
    # --- group_repeats: the same customers named again in one answer
    additions: list[str] = Field(
        default_factory=list,
        description="Phrases that add a group of the same kind as one named before ('small farms, and big farms "
                    "too', 'les autres clubs', 'a second group'): another segment, not the same one named again.")
    addition_openers: list[str] = Field(
        default_factory=list,
        description="Words that open a sentence adding groups to those of the sentence before ('And the hosts and "
                    "the guests, of course.', 'Et les huileries aussi.'): no list of examples of them.")
    corrections: list[str] = Field(
        default_factory=list,
        description="Phrases by which a founder corrects the group just named, in the same sentence ('les clubs "
                    "de handball, je veux dire les clubs de taille moyenne', 'I mean'): the group named after "
                    "is that one, restated.")
    prenominal_adjectives: list[str] = Field(
        default_factory=list,
        description="Adjectives written before their noun that take its plural ('petites communes', 'jeunes "
                    "agriculteurs'): the noun after them, not they, is the group's head. Empty in English, whose "
                    "adjectives take no plural.")
    reason_openers: list[str] = Field(
        default_factory=list,
        description="Conjunctions that open a reason ('because', 'parce', 'car'): a fragment that opens on one says "
                    "why a group matters, it names none.")
    time_openers: list[str] = Field(
        default_factory=list,
        description="Phrases that open a time clause ('quand le reseau passe', 'when the season starts'): when "
                    "something happens to the group before, never a group of its own.")
    place_openers: list[str] = Field(
        default_factory=list,
        description="Phrases that open a place ('where a sixth-grader waits alone', 'là où un élève attend'): a "
                    "fragment that opens on one says where a group is, it names none.")
    quantity_openers: list[str] = Field(
        default_factory=list,
        description="Quantities that open a part of a group's make-up after a focus marker ('mostly teens, some "
                    "older guys', 'surtout des retraités, quelques actifs').")
    instance_articles: list[str] = Field(
        default_factory=list,
        description="Singular indefinite articles ('a', 'une'): after an example marker, the items a comma lists "
                    "that open on one ('outfits like the two-truck guy in Moore, a family shop in Broken Arrow') "
                    "are more examples of the group, not groups.")
    place_prepositions: list[str] = Field(
        default_factory=list,
        description="Prepositions of place ('around', 'in', 'du côté de'): a proper noun coordinated after one "
                    "('people around the Cotswolds and the south Midlands') is a second place of the same group.")
    surroundings: list[str] = Field(
        default_factory=list,
        description="Nouns for the area around a place ('alentours', 'surroundings'): coordinated after a place "
                    "('les candidats de Limoges et des alentours'), a second place of the same group.")
    channel_words: list[str] = Field(
        default_factory=list,
        description="Words after which the groups named are ways to reach customers ('via les gîtes et l'office "
                    "de tourisme', 'through schools'), not segments.")
