"""How a founder says the product is a multi-sided platform (`<lang>/platform_markers.yaml`): the markers that
are enough on their own, the verbs that connect two groups and the words that name both sides. Read by
`assistant.understanding.platform` (`is_platform`, `platform_sides`, `names_both_sides`). The supply and demand
verbs of the sides (`<lang>/platform.yaml`) are `PlatformWords`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PlatformMarkerWords(BaseModel):
    """The words of a platform in one language: patterns of `assistant.text.patterns` (markers, connectors,
    both sides) and words compared word for word on normalised text (joiners)."""

    model_config = ConfigDict(extra="forbid")

    markers: list[str] = Field(
        description="Enough on their own to make a platform, unless negated ('place de marche', 'two sided', "
                    "'le uber des', 'commission on each booking').")
    connectors: list[str] = Field(
        description="Verbs that connect two groups; they count only when two groups follow them ('met en "
                    "relation les kines et les patients', 'connects').")
    joiners: list[str] = Field(
        description="Words between the two groups a connector links ('et', 'with', 'to').")
    coordinators: list[str] = Field(
        description="The joiners that coordinate two nouns of one kind ('et', 'and', 'with'): after them a side "
                    "may be a noun the group lexicon does not hold ('les entrepots et les transporteurs').")
    partner_prepositions: list[str] = Field(
        default_factory=list,
        description="After a verb, the preposition before who a side trades with ('the ones selling to brokers', "
                    "'qui vendent aux intermédiaires'): that partner describes the side, it is no other side.")
    additive_joiners: list[str] = Field(
        default_factory=list,
        description="The joiners that add a word to the same side ('and', 'et'): before another joiner ('matches "
                    "accountants and bookkeepers with community groups') they join one side's own words.")
    both_sides: list[str] = Field(
        description="Words that name both sides of a platform ('des deux cotes', 'on one side ... on the "
                    "other').")
    current_means: list[str] = Field(
        default_factory=list,
        description="What the customers use today ('now they use', 'ils passent par'): the group named after it, "
                    "to the end of its clause, is their current solution, not a side of the platform.")
    first_side: list[str] = Field(
        default_factory=list,
        description="Words that open the first of two sides ('on one side', 'd un cote'): with `other_side` further "
                    "on, in any sentence, the answer names both sides.")
    other_side: list[str] = Field(
        default_factory=list,
        description="Words that open the second side after `first_side` ('on the other', 'de l autre').")
    pronoun_objects: list[str] = Field(
        default_factory=list,
        description="Pronouns for people that a connector may take as its object, the two groups named before "
                    "('we match em', 'on les met en relation'); compared word for word.")
    sourcing: list[str] = Field(
        default_factory=list,
        description="One group ordering from another through the product ('pharmacies order from distributors', "
                    "'les restaurants commandent aupres des maraichers'): the two sides of a supply marketplace.")
    sourcing_channels: list[str] = Field(
        default_factory=list,
        description="The product as the place where the ordering happens ('in the app', 'sur la plateforme'): "
                    "one group ordering from another counts as two sides only in a sentence that says so "
                    "('restaurants buy from wholesalers' also describes today's habits).")
    software_sale: list[str] = Field(
        default_factory=list,
        description="Words that sell the product as software to one customer ('SaaS', 'a licence', 'logiciel'): "
                    "the people its features match or book are that customer's own, not a second side, unless "
                    "the founder calls it a platform.")
    subscription_sale: list[str] = Field(
        default_factory=list,
        description="A subscription, or one customer paying by the month ('the shop pays us 49 euros a month', "
                    "'la boulangerie paie 29 € par mois'): with no connector nor marker, the product is that "
                    "customer's tool and the people it sells to or books are its own customers, not a second side.")
    two_party_takes: list[str] = Field(
        default_factory=list,
        description="The founder taking an amount from each of two parties ('we take 15k dong per ha from farmer "
                    "and 5% from the operator'): those two parties are the platform's sides. Also in `markers`.")
    party_words: list[str] = Field(
        default_factory=list,
        description="Whole words before a party in a `two_party_takes` phrase ('from', 'au', 'chez').")
    platform_nouns: list[str] = Field(
        default_factory=list,
        description="The founder calling the product a platform ('platform', 'plateforme'); not enough on its "
                    "own to make one (many tools are called platforms), but it keeps the sides a connector "
                    "names when the product is also sold as software.")
    sole_customer: list[str] = Field(
        default_factory=list,
        description="The founder closing the question on one group as the only customer, at the end of a clause "
                    "('those are my customers, full stop', 'c'est eux le client, voila', 'point'): on a platform "
                    "whose other side is not named, the one-sided platform said in so many words.")
    waved_off: list[str] = Field(
        default_factory=list,
        description="A side named only to be set aside: it will come by itself, it is not who the founder "
                    "means by customer ('they'll follow', 'ils viendront d'eux-memes'). The one-sided platform "
                    "of the reference text, said in words.")


class PlatformWords(BaseModel):
    """How founders describe the two sides of a platform (`platform.yaml`): patterns of
    `assistant.text.patterns`."""

    model_config = ConfigDict(extra="forbid")

    supply_verbs: list[str] = Field(description="One side supplies through the product ('list', 'mettent en vente').")
    demand_verbs: list[str] = Field(description="The other side takes it ('book', 'achètent').")
    booking_verbs: list[str] = Field(description="Taking a slot from someone ('book', 'prendre rdv').")
    finding_verbs: list[str] = Field(
        default_factory=list,
        description="Demand verbs whose object is the other side ('travellers find a host', 'les clientes "
                    "trouvent un couturier').")
    side_words: list[str] = Field(description="A side announced by name ('host side', 'côté commerces').")
    provider_words: list[str] = Field(
        description="A group described by what it provides ('who want to host', 'pour arrondir leurs fins de mois').")
    payee_phrases: list[str] = Field(
        default_factory=list,
        description="What the side paid for the exchange is named in ('what the owner earns', 'ce que touche le "
                    "proprio', 'reversé au propriétaire'): the side named inside or right after it supplies.")
    payer_verbs: list[str] = Field(
        default_factory=list,
        description="Paying for the exchange ('the candidate pays the hour', 'les commerçants paient'): the subject "
                    "takes what the other side supplies (not paying the platform its share: 'pay us').")
    paid_verbs: list[str] = Field(
        default_factory=list,
        description="Being paid for the exchange ('the owner gets a share', 'le propriétaire touche une part'): the "
                    "subject supplies.")
    founder_keeps: list[str] = Field(
        default_factory=list,
        description="The founder keeping an amount of each exchange ('we keep 3', 'on garde 13'): with it, a side "
                    "paying an amount and another receiving one ('pays 55', 'touche 42') are the exchange's sides.")
    owner_openers: list[str] = Field(
        default_factory=list,
        description="People named by what they have ('those who have', 'ceux qui ont'): before a supply verb with "
                    "no group for subject ('ceux qui ont du matériel qui dort le louent aux tâcherons'), the "
                    "supplying side, named by the noun they have.")
