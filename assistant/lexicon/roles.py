"""The words of the buyer/user detector (`assistant/understanding/mistakes/roles.py`): who pays, who uses,
and whether the founder tells them apart, per language in `<lang>/roles.yaml`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RoleWords(BaseModel):
    """Buyer and user roles (`roles.yaml`): patterns of `assistant.text.patterns`, and single words looked
    up tolerantly for the verbs. Read by `buyer_user_confusion` and `roles_likely_differ`."""

    model_config = ConfigDict(extra="forbid")

    indifference: list[str] = Field(
        description="Who pays does not matter to the founder ('whoever pays', 'peu importe qui paie').")
    payer_mentions: list[str] = Field(
        description="Who pays, named as a question ('who writes the check', 'qui sort la carte bleue'): with "
                    "`unimportant` in its sentence, who pays is waved away.")
    question_frames: list[str] = Field(
        default_factory=list,
        description="Words that embed the question 'who pays' ('knowing', 'the question of', 'savoir'): "
                    "'savoir qui règle la facture' still asks it.")
    unimportant: list[str] = Field(
        description="Said to matter little ('is a detail', 'secondary', 'c est accessoire').")
    self_payment: list[str] = Field(
        default_factory=list,
        description="The user paying out of their own money ('pays herself', 'out of her own pocket', 'paie "
                    "elle-même'): with a price in the sentence, who pays is told as a fact, no confusion.")
    topic_pronouns: list[str] = Field(
        default_factory=list,
        description="Pronouns that take up a topic before what is said of it ('les employeurs, ça change rien', "
                    "'the insurer, that's secondary').")
    resumptives: list[str] = Field(
        default_factory=list,
        description="Pronouns that take up a whole list before what is said of it ('le budget, la mairie, tout ça "
                    "c'est de l'intendance', 'the county, the budget, all that is housekeeping'): a payer anywhere in "
                    "the list is the topic.")
    payments: list[str] = Field(
        default_factory=list,
        description="Someone said to pay ('parents pay', 'paid by', 'the transfer comes from', 'payé par'): with "
                    "`waved_after` later in its sentence, the payer is named and waved away.")
    waved_after: list[str] = Field(
        default_factory=list,
        description="A contrast that says what was just said matters little ('but that doesn't matter', 'mais "
                    "peu importe').")
    payer_denied: list[str] = Field(
        default_factory=list,
        description="The payer denied the buyer's role ('he is not really the one who buys', 'c'est pas vraiment "
                    "elle la cliente'): who pays said not to count, the reference text's buyer/user confusion.")
    same_person: list[str] = Field(
        description="Buyer and user said to be one and the same ('same person', 'de leur poche').")
    different: list[str] = Field(
        description="The founder tells the two roles apart ('not the same', 'quelqu un d autre').")
    payer_roles: list[str] = Field(
        description="In the pitch or earlier answers, someone other than the user usually pays "
                    "('procurement', 'mutuelle').")
    team_users: list[str] = Field(
        description="Employees and teams: usually the company pays ('staff', 'salaries', 'per seat').")
    child_users: list[str] = Field(
        description="Children as users: someone else pays ('for kids', 'pour les enfants').")
    solo: list[str] = Field(
        description="A one-person business or a consumer: team words do not mean someone else pays "
                    "('freelance*', 'particuliers').")
    pay_verbs: list[str] = Field(
        description="Single verbs of paying or deciding, to tell who pays from who uses ('signs', 'paient').")
    price_for: list[str] = Field(
        default_factory=list,
        description="Normalised prepositions between a price and the group it is charged to ('40$/mois pour le "
                    "proprio', '$12 a month for the landlord'): that group pays.")
    price_units: list[str] = Field(
        default_factory=list,
        description="Normalised words after 'for'/'pour' that make a price a unit price ('€3 for each member', "
                    "'10 € pour chaque adhérent'): no payer named.")
    not_paying_before: list[str] = Field(
        default_factory=list,
        description="Words before a paying word that make it a noun ('logiciel de paie', 'the pay') or a passive "
                    "('freelancers who get paid', 'sont payés'): the group before it pays nothing.")
    use_verbs: list[str] = Field(
        description="Single verbs of using ('the accountants use', 'les comptables utilisent').")
