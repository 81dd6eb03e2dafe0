"""The words of the buyer/user reader, per language in `<lang>/role_reading.yaml`: who pays and who uses, read
from a buyer/user answer by `assistant/understanding/roles_reader.py` and the modules built on it
(`roles_session.py`, `role_terms.py`, `roles_candidates.py`, `roles_by_segment.py`), through the lazy
stand-ins at the end of this file (the readers' module-level names, built from the data on first use)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.lexicon import every_language
from assistant.lexicon.lazy import LazyRegex, LazyWords

_REGEX = " Regular-expression alternatives (`\\w*` any word ending, `s?` an optional letter)."


class RoleReadingWords(BaseModel):
    """Who pays and who uses (`role_reading.yaml`): function words and verbs of paying and using, never a
    domain's vocabulary. Lists whose description says "regular-expression alternatives" are joined with `|`
    into the readers' regular expressions (whose structure stays in Python); the others are whole words,
    looked up as tokens. Read by `read_roles`, `role_candidates`, `with_terms`, `roles_by_segment` and the
    session conditions of `buyer_user_confusion`."""

    model_config = ConfigDict(extra="forbid")

    # Clauses
    conjunctions: list[str] = Field(
        description="Conjunctions that open a new clause ('and', 'tandis que')." + _REGEX)
    clause_conjunctions: list[str] = Field(
        description="More conjunctions that end a clause for the rule reader, not for a buyer's terms "
                    "('so', 'donc')." + _REGEX)
    coordinators: list[str] = Field(
        description="Coordinating conjunctions, whole words (also joined as regular-expression alternatives): "
                    "'a son or a daughter', 'the charities and the volunteers'.")
    and_words: list[str] = Field(description="The coordinator 'and' alone: never the end of a role phrase ('et').")
    lead_ins: list[str] = Field(
        description="Openers of a clause that are no subject: fillers, clefts, 'because' ('it s', 'en fait')." + _REGEX)
    closings: list[str] = Field(
        description="Clauses that close an answer and say nothing of anyone ('that s it', 'c est tout')." + _REGEX)
    # Paying and using
    paying: list[str] = Field(
        description="Who pays, by the verb of paying or deciding and its nouns ('sign\\w*', 'achet(?!eu)\\w*')."
                    + _REGEX)
    subjectless_paying: list[str] = Field(
        description="Paying verbs whose clause may have no subject of its own ('...and pays per vehicle hour')."
                    + _REGEX)
    payment_negations: list[str] = Field(
        description="Negations before a paying verb, one word may come between ('don t', 'n')." + _REGEX)
    denied_paying: list[str] = Field(description="The paying verbs those negations deny ('pay', 'paient')." + _REGEX)
    denied_amounts: list[str] = Field(
        description="After a paying verb, nothing paid ('pay nothing', 'paient rien')." + _REGEX)
    free_of_charge: list[str] = Field(
        default_factory=list,
        description="Using the product without paying ('for free', 'gratuitement'): nobody pays on that side."
                    + _REGEX)
    paid_auxiliaries: list[str] = Field(
        description="Auxiliaries before a participle of paying: paid, not paying ('get paid', 'sont payes')." + _REGEX)
    paid_participles: list[str] = Field(
        description="Participles of paying after those auxiliaries ('paid', 'payes')." + _REGEX)
    payer_unknown: list[str] = Field(
        description="Before 'who': who pays asked or not known, not said ('no idea who pays', 'savoir qui paie')."
                    + _REGEX)
    same_negators: list[str] = Field(
        default_factory=list,
        description="Words that deny a sameness said just after them ('ce n est pas pareil', 'not the same'): "
                    "buyer and user told apart, not one person. Whole words.")
    late_paying: list[str] = Field(
        default_factory=list,
        description="Words that make a paying clause a payment owed to the customer, paid late ('insurers paying "
                    "late', 'les clients paient en retard'): the customer's own receivables, not who pays for "
                    "the product." + _REGEX)
    person_relatives: list[str] = Field(
        description="Relative pronouns of a person ('a niece who signs them up', 'qui')." + _REGEX)
    future_auxiliaries: list[str] = Field(
        description="Future auxiliaries between 'who' and the paying verb ('who will pay', 'qui va payer')." + _REGEX)
    asked_paying: list[str] = Field(
        description="Paying verbs after 'who' in such a question ('pa\\w*', 'achet\\w*')." + _REGEX)
    using: list[str] = Field(
        description="Someone uses the product or consumes it: grammar of use, no domain's vocabulary "
                    "('log\\w* in', 's en servent', 'eats')." + _REGEX)
    hedges: list[str] = Field(
        description="Paying or using said to be uncertain ('maybe parents pay', 'on verra')." + _REGEX)
    negations: list[str] = Field(
        description="Paying denied or nobody named ('they don t pay', 'personne ne')." + _REGEX)
    same_roles: list[str] = Field(
        description="The buyer and the user said to be the same people ('himself', 'de leur poche')." + _REGEX)
    buy_cues: list[str] = Field(
        description="Best-effort cues of paying when the reader finds nobody: stems searched anywhere, `\\b` a "
                    "word start ('\\bsign', 'rembours')." + _REGEX)
    use_cues: list[str] = Field(
        description="Best-effort cues of using, likewise ('\\buse', 'au quotidien')." + _REGEX)
    # Roles
    copulas: list[str] = Field(description="Copulas ('the users are X', 'sont')." + _REGEX)
    contracted_copulas: list[str] = Field(
        description="Contracted copulas as tokens ('that s the owner': 's'); none in French.")
    role_copulas: list[str] = Field(
        description="More copulas after a role noun ('les acheteurs c est X'); none in English." + _REGEX)
    user_copulas: list[str] = Field(
        description="More copulas after a user noun ('les utilisateurs cest X'); none in English." + _REGEX)
    copula_role_nouns: list[str] = Field(
        description="Role nouns before a copula: the role is what follows ('buyers?', 'utilisateurs?')." + _REGEX)
    role_pronoun_phrases: list[str] = Field(
        description="Phrases naming a role by what it does, before a copula ('the ones paying are X', "
                    "'ceux qui')." + _REGEX)
    user_nouns: list[str] = Field(
        description="Nouns of users ('students are the real users', 'usagers?')." + _REGEX)
    customer_nouns: list[str] = Field(
        description="More nouns naming the user before a copula ('our customer is the patient')." + _REGEX)
    user_determiners: list[str] = Field(
        description="Determiners before a user noun after a copula ('are the users', 'nos')." + _REGEX)
    real_user_adjectives: list[str] = Field(
        description="Adjectives before a user noun after a copula ('the real users', 'vrais?')." + _REGEX)
    buyer_labels: list[str] = Field(
        description="Labels of the buyer in a labelled answer, any case ('buyer: the CFO', 'payeur')." + _REGEX)
    user_labels: list[str] = Field(
        description="Labels of the user in a labelled answer, any case ('user: every employee')." + _REGEX)
    subject_stops: list[str] = Field(
        description="Words that end a subject: relative pronouns, copulas and auxiliaries ('who', 'sont').")
    role_heads: list[str] = Field(
        description="Nouns that head a role after a group word ('the bakery owner', 'le gerant').")
    role_hedges: list[str] = Field(
        description="Hedges at the start of a role ('mostly the parents', 'c est souvent les enfants')." + _REGEX)
    role_qualifiers: list[str] = Field(
        description="Prepositions that qualify a role's head ('the teams across the company', 'chez').")
    pronouns: list[str] = Field(description="Personal pronouns: no role on their own ('they', 'eux').")
    determiners: list[str] = Field(description="Determiners: a noun follows ('the subscriber', 'l abonnee').")
    plural_determiners: list[str] = Field(
        default_factory=list,
        description="Determiners of a plural noun phrase ('les stagiaires', 'the trainees'): never a pronoun "
                    "before a verb, as a singular one may be ('l'utilise').")
    singular_definites: list[str] = Field(
        default_factory=list,
        description="Singular definite articles and possessives: 'le conducteur de travaux', 'the site manager', "
                    "'my wife' is one person (inside a customer, or the founder's own), not a group.")
    no_determiners: list[str] = Field(
        description="Words denying that the phrase after them names anyone ('no agency in between', 'aucune').")
    role_word_prefixes: list[str] = Field(
        description="Prefixes of words naming a role, not a group, matched at a word's start: 'c est lui le "
                    "client' names no user ('custom', 'utilis')." + _REGEX)
    not_anyone: list[str] = Field(description="Words that name nobody: the same people ('same', 'chez nous').")
    object_clitics: list[str] = Field(
        description="Object pronouns written right before the verb, never the end of a role "
                    "('la couturiere l achete'); none in English.")
    sold_to: list[str] = Field(
        description="The payer named after the verb: verbs of selling before their marker ('sold to school "
                    "districts', 'vendue?s?')." + _REGEX)
    sold_to_markers: list[str] = Field(description="The markers after those verbs ('to', 'aux')." + _REGEX)
    sell_verbs: list[str] = Field(
        default_factory=list,
        description="Active verbs of selling, their object between them and the marker ('we sell packs to "
                    "employers', 'vendre des forfaits aux employeurs')." + _REGEX)
    paid_by: list[str] = Field(
        description="Verbs of paying before an agent marker ('paid for by the employer', "
                    "'pris(?:e|es)? en charge')." + _REGEX)
    paid_by_markers: list[str] = Field(description="The agent markers after those verbs ('by', 'par')." + _REGEX)
    segment_pronouns: list[str] = Field(
        description="The pronoun standing for the segment a block is about, any case ('pour les assistantes, "
                    "c est elles qui paient')." + _REGEX)
    # Candidates
    opens_after: list[str] = Field(
        description="Words after which a noun phrase starts: the dative of 'sold to X', a copula ('to', 'aux').")
    relatives: list[str] = Field(description="Relative pronouns ('the person who does the shopping', 'qui').")
    self_words: list[str] = Field(
        description="What says the role is the same person, never part of the role ('themselves', 'meme').")
    elided_clitics: list[str] = Field(
        description="Elided pronouns before a verb, never the end of a role ('qui s abonne'); none in English.")
    free_relatives: list[str] = Field(
        description="Who is named by what they do ('whoever orders', 'celui ou celle qui gere les factures').")
    cleft_pronouns: list[str] = Field(
        description="Cleft pronouns opening a clause, pointing to the role named after ('c est lui qui paie, "
                    "l artisan'); whole words, none in English.")
    # A buyer's terms, on the text as written, any case
    term_lead_ins: list[str] = Field(
        description="Left of a clause once its role is taken out, saying nothing of the terms: a cleft, a "
                    "relative pronoun, a copula ('it's', 'c'est'); the order counts ('it's' before 'it')." + _REGEX)
    clause_openers: list[str] = Field(
        description="Words opening a clause with its own subject ('...and the teenagers use it', 'l'')." + _REGEX)
    no_terms: list[str] = Field(
        description="Words of a remainder that are no terms: the role's own words and possessives "
                    "('customers?', 'leurs?')." + _REGEX)


def role_reading() -> RoleReadingWords:
    """Every language's lists together, key by key (founders mix languages); loaded once, on first use."""
    return every_language(RoleReadingWords, "role_reading")


def role_regex(template: str, flags: int = 0) -> LazyRegex:
    """A `LazyRegex` over the role-reading lists (`LazyRegex(r"\\b{paying}\\b")`)."""
    return LazyRegex(template, flags, lists=role_reading)


def role_word_set(*keys: str) -> LazyWords:
    """The whole words of some role-reading lists (`role_word_set("pronouns")`), read on first use."""
    return LazyWords(lambda: (w for key in keys for w in getattr(role_reading(), key)))
