"""What names a customer group: a lexicon of trades, people and organisations (French and English),
agent-noun endings for the trades it lacks, and the number of groups a founder announces.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import Lexicon, compile_all, find, similar
from assistant.text.tokens import Token, normalise, tokenise

GROUP_NOUNS_FR = ("gens", "personne", "personnes", "particulier*", "client*", "consommateur*",
                  "consommatrice*", "utilisateur*", "utilisatrice*", "usager*", "famille*", "parent*",
                  "enfant*", "ado", "ados", "adolescent*", "jeune*", "etudiant*", "eleves", "collegien*",
                  "lyceen*", "ecolier*", "retraite*", "senior*", "femme*", "homme*", "mere", "meres", "pere",
                  "peres", "maman*", "papa*", "salarie*", "employe*", "cadre*", "manager*", "dirigeant*",
                  "patron*", "entrepreneur*", "independant*", "freelance*", "artisan*", "commercant*",
                  "restaurat*", "agricult*", "eleveur*", "medecin*", "infirmi*", "pharmacien*", "dentiste*",
                  "avocat*", "comptable*", "architecte*", "enseignant*", "professeur*", "prof", "profs",
                  "coach*", "sportif*", "sportive*", "coureur*", "cycliste*", "voyageur*", "touriste*",
                  "conducteur*", "chauffeur*", "passager*", "locataire*", "proprietaire*", "acheteur*",
                  "vendeur*", "annonceur*", "createur*", "artiste*", "musicien*", "developpeur*", "startup*",
                  "entreprise*", "societe*", "pme", "tpe", "eti", "grands comptes", "groupe*",
                  "collectivite*", "mairie*", "commune*", "association*", "ecole*", "universite*", "hopita*",
                  "clinique*", "cabinet*", "laboratoire*", "agence*", "hotel*", "magasin*", "boutique*",
                  "commerce", "commerces", "marque", "marques", "distribut*", "fournisseur*", "producteur*",
                  "fabricant*", "industriel*", "administration*", "etablissement*", "ehpad", "creche*",
                  "foyer*", "menage*", "patient*", "aidant*", "investisseur*", "banque*", "assureur*",
                  "mutuelle*", "drh", "dsi", "rh", "auto", "francais", "citoyen*", "internaute*", "joueur*",
                  "lecteur*", "abonne", "abonnes", "abonnee", "abonnees", "adherent*", "benevole*", "hote*",
                  "gerant*", "syndic", "syndics", "promoteur*", "agent*", "institution*", "ong", "collegue*", "couples",
                  "equipe*", "communaute*", "public", "revendeur*", "grossiste*", "traiteur*", "boulang*",
                  "coiffeur*", "kine*", "veterinaire*", "notaire*", "pompier*", "policier*", "militaire*",
                  "fonctionnaire*", "chercheur*", "nounou*", "babysitter*", "expat*", "immigre*", "migrant*",
                  "handicap*", "malade*", "osteo*", "comptes", "labo", "labos", "cafe", "cafes", "bars",
                  "vendeuse*", "coiffeuse*", "coureuse*", "danseuse*", "chanteuse*", "infirmiere*", "mineurs",
                  # unités d'organisation de tout métier
                  "ateliers", "structures", "cooperatives", "clubs", "reseaux", "chaines", "franchises", "domaines",
                  "exploitations", "villes", "collectifs",
                  # la famille qui paie pour un proche
                  "fille", "filles", "fils", "proches", "conjoint*")
GROUP_NOUNS_EN = ("people", "person*", "individual*", "consumer*", "customer*", "user*", "family", "families",
                  "daughter*", "grandchild*", "grandparent*", "spouse*", "husband*", "wife", "wives", "relatives",
                  "kid", "kids", "child", "children", "teen*", "student*", "pupil*", "retiree*", "women",
                  "woman", "men", "man", "mom", "moms", "mum", "mums", "mother*", "dad", "dads", "father*",
                  "employee*", "worker*", "executive*", "founder*", "owner*", "freelancer*", "contractor*",
                  "craftsm*", "tradesm*", "retailer*", "shop", "shops", "shopkeeper*", "store", "stores",
                  "restaurant*", "doctor*", "nurse*", "pharmacist*", "dentist*", "lawyer*", "accountant*",
                  "architect*", "teacher*", "athlete*", "runner*", "cyclist*", "traveler*", "traveller*",
                  "tourist*", "driver*", "rider*", "passenger*", "tenant*", "landlord*", "host", "hosts",
                  "guest*", "buyer*", "seller*", "advertiser*", "creator*", "artist*", "musician*",
                  "developer*", "designer*", "compan*", "business*", "firm", "firms", "sme*", "smb*",
                  "enterprise*", "corporat*", "agenc*", "school*", "universit*", "hospital*", "clinic*",
                  "lab", "labs", "laborator*", "brand*", "supplier*", "manufacturer*", "government*",
                  "municipalit*", "cities", "nonprofit*", "ngo*", "charit*", "patient*", "caregiver*",
                  "investor*", "bank", "banks", "insurer*", "gamer*", "player*", "reader*", "farmer*",
                  "seniors", "professional*", "millennial*", "boomer*", "organisation*", "organization*",
                  "team*", "landowner*", "homeowner*", "renter*", "subscriber*", "member*", "volunteer*",
                  "vendor*", "merchant*", "wholesaler*", "caterer*", "baker*", "hairdresser*", "vet", "vets",
                  "veterinarian*", "physio*", "therapist*", "researcher*", "parents", "b2b", "b2c", "public",
                  "agents", "startups", "partners", "resellers", "commuters", "expats", "hr", "employee*",
                  "retiree*", "trainee*", "attendee*", "franchisee*", "refugee*", "accounts", "minors",
                  "adults", "adultes", "couple", "couples", "household*", "homeowner*", "shoppers", "drinkers",
                  "buyers",
                  # organisational units of any trade
                  "practices", "studios", "workshops", "venues", "facilities", "councils",
                  "clubs", "co-ops", "coops", "cooperatives", "chains", "franchises", "networks")
SECTORS_FR = ("restauration", "hotellerie", "sante", "btp", "immobilier", "industrie", "education",
              "assurance", "tourisme", "logistique", "transport", "agriculture", "finance", "retail",
              "batiment", "automobile", "beaute", "juridique", "luxe")
SECTORS_EN = ("hospitality", "healthcare", "construction", "real estate", "manufacturing", "education",
              "insurance", "tourism", "logistics", "transportation", "agriculture", "finance", "retail",
              "automotive", "fashion", "beauty", "banking", "media", "luxury")
_GROUP_LEMMAS = Lexicon(GROUP_NOUNS_FR, GROUP_NOUNS_EN, SECTORS_FR, SECTORS_EN)
# Agent nouns most founders use for customer groups, whatever the trade.
_AGENT_SUFFIXES_FR = ("eurs", "rices", "istes", "iens", "iennes")
_AGENT_SUFFIXES_EN = ("ers", "ors", "ists", "ians", "men")
_AGENT_SUFFIXES = _AGENT_SUFFIXES_FR + _AGENT_SUFFIXES_EN
_NOT_GROUPS = frozenset(
    "importants differents interessants exigeants presents recents frequents urgents pertinents puissants "
    "others autres besoins needs problemes problems pains gains jobs users' hours heures years ans "
    "meilleurs plusieurs leurs ers numbers chiffres offers offres papers features erreurs heures valeurs "
    "couleurs douleurs odeurs humeurs moteurs secteurs peurs ailleurs chaleurs superieurs exterieurs "
    "interieurs majeurs anciens quotidiens liens biens moyens orders answers letters matters centers "
    "computers printers containers filters meters hours others powers towers layers water waters "
    "together however whether either never ever over under after other rather better further "
    # verbs a typo-tolerant match would take for a group ("paient" ~ "patients", "payer" ~ "players")
    "paient payent payer".split()
)


def is_group_word(word: str) -> bool:
    if word in _NOT_GROUPS or word.isdigit() or len(word) < 2:
        return False
    if word in _GROUP_LEMMAS:
        return True
    return len(word) >= 6 and word.endswith(_AGENT_SUFFIXES)


# "Deux publics", "three groups": the founder announces the structure instead of naming a group.
NUMBER_WORDS_FR = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                   "huit": 8, "dix": 10}
NUMBER_WORDS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                   "ten": 10}
NUMBER_WORDS = NUMBER_WORDS_FR | NUMBER_WORDS_EN
STRUCTURE_NOUNS_FR = ("segments", "groupes", "publics", "cibles", "types", "categories", "cotes", "faces",
                      "profils", "marches", "secteurs", "personas")
STRUCTURE_NOUNS_EN = ("segments", "groups", "types", "categories", "audiences", "targets", "sides", "kinds",
                      "profiles", "markets", "verticals", "sectors", "personas")
STRUCTURE = compile_all(
    tuple(f"{n} ...1 {noun}" for n in (*NUMBER_WORDS_FR, "#") for noun in STRUCTURE_NOUNS_FR),
    tuple(f"{n} ...1 {noun}" for n in (*NUMBER_WORDS_EN, "#") for noun in STRUCTURE_NOUNS_EN),
)


def announced_count(text: str) -> int | None:
    """"On a trois cibles", "two sides that need each other": the number of groups announced."""
    tokens = tokenise(text)
    m = find(tokens, STRUCTURE)
    if m is None:
        return None
    word, noun = tokens[m.start].norm, tokens[m.end - 1].norm
    if not noun.endswith(("s", "x")):  # "the 8 to 11 group" is an age band, not a count
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# Group words that mostly qualify another one: "independent restaurants", "freelance designers".
MODIFIER_GROUP_WORDS = frozenset("independent independant independants independante independantes freelance "
                                 "professional professionnel professionnels local senior junior".split())


def group_words(tokens: Sequence[Token]) -> list[str]:
    """Group words of a text, skipping those that only qualify the next one."""
    words = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if is_group_word(tok.norm) and not (tok.norm in MODIFIER_GROUP_WORDS and is_group_word(nxt)):
            words.append(tok.norm)
    return words


def group_head(fragment: str) -> str:
    """The first group word of a fragment, singular-ish: to tell "kids" and "any kid" are one group."""
    words = group_words(tokenise(fragment))
    return (words[0] if words else normalise(fragment)).rstrip("sx")


def same_group(a: str, b: str) -> bool:
    """Two folded words name the same group, up to number and a typo ("chauffeur", "chauffeurs")."""
    stem_a, stem_b = a.rstrip("sx"), b.rstrip("sx")
    return similar(stem_a, stem_b) or similar(stem_b, stem_a) or stem_a.startswith(stem_b) \
        or stem_b.startswith(stem_a)
