"""Splitting an answer into list items, and a for-whom answer into the customer groups it names.

Both work on the original text and return the founder's own words. Separators inside parentheses,
inside numbers ("1,5 M", "25-35") or inside words ("R&D") are never split on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.critique.tokens import Token, compile_all, find, normalise, similar, tokenise

GROUP_NOUNS_FR = (
    "gens", "personne", "personnes", "particulier*", "client*", "consommateur*", "consommatrice*", "utilisateur*",
    "utilisatrice*", "usager*", "famille*",
    "parent*", "enfant*", "ado", "ados", "adolescent*", "jeune*", "etudiant*", "eleve*", "retraite*", "senior*", "femme*",
    "homme*", "mere", "meres", "pere", "peres", "maman*", "papa*", "salarie*", "employe*", "cadre*", "manager*",
    "dirigeant*", "patron*", "entrepreneur*", "independant*", "freelance*", "artisan*", "commercant*",
    "restaurat*", "agricult*", "eleveur*", "medecin*", "infirmi*", "pharmacien*", "dentiste*", "avocat*",
    "comptable*", "architecte*", "enseignant*", "professeur*", "prof", "profs", "coach*", "sportif*", "sportive*",
    "coureur*", "cycliste*", "voyageur*", "touriste*", "conducteur*", "chauffeur*", "passager*",
    "locataire*", "proprietaire*", "acheteur*", "vendeur*", "annonceur*", "createur*", "artiste*",
    "musicien*", "developpeur*", "startup*", "entreprise*", "societe*", "pme", "tpe", "eti",
    "grands comptes", "groupe*", "collectivite*", "mairie*", "commune*", "association*", "ecole*",
    "universite*", "hopita*", "clinique*", "cabinet*", "laboratoire*", "agence*", "hotel*", "magasin*",
    "boutique*", "commerce", "commerces", "marque", "marques", "distribut*", "fournisseur*", "producteur*", "fabricant*",
    "industriel*", "administration*", "etablissement*", "ehpad", "creche*", "foyer*", "menage*", "patient*",
    "aidant*", "investisseur*", "banque*", "assureur*", "mutuelle*", "drh", "dsi", "rh", "auto", "francais",
    "citoyen*", "internaute*", "joueur*", "lecteur*", "abonne", "abonnes", "abonnee", "abonnees", "adherent*", "benevole*", "hote*",
    "gerant*", "syndic", "syndics", "promoteur*", "agent*", "institution*", "ong", "collegue*", "equipe*",
    "communaute*", "public", "revendeur*", "grossiste*", "traiteur*", "boulang*", "coiffeur*", "kine*",
    "veterinaire*", "notaire*", "pompier*", "policier*", "militaire*", "fonctionnaire*", "chercheur*",
    "nounou*", "babysitter*", "expat*", "immigre*", "migrant*", "handicap*", "malade*", "osteo*",
    "comptes", "vendeuse*", "coiffeuse*", "coureuse*", "danseuse*", "chanteuse*", "infirmiere*", "mineurs",
)
GROUP_NOUNS_EN = (
    "people", "person*", "individual*", "consumer*", "customer*", "user*", "family", "families", "kid", "kids", "child", "children",
    "teen*", "student*", "pupil*", "retiree*", "women", "woman", "men", "man", "mom", "moms", "mum", "mums", "mother*",
    "dad", "dads", "father*", "employee*", "worker*", "executive*", "founder*", "owner*", "freelancer*",
    "contractor*", "craftsm*", "tradesm*", "retailer*", "shop", "shops", "shopkeeper*", "store", "stores", "restaurant*", "doctor*",
    "nurse*", "pharmacist*", "dentist*", "lawyer*", "accountant*", "architect*", "teacher*", "athlete*",
    "runner*", "cyclist*", "traveler*", "traveller*", "tourist*", "driver*", "rider*", "passenger*",
    "tenant*", "landlord*", "host", "hosts", "guest*", "buyer*", "seller*", "advertiser*", "creator*", "artist*",
    "musician*", "developer*", "designer*", "compan*", "business*", "firm", "firms", "sme*", "smb*", "enterprise*",
    "corporat*", "agenc*", "school*", "universit*", "hospital*", "clinic*", "lab", "labs", "laborator*", "brand*", "supplier*",
    "manufacturer*", "government*", "municipalit*", "cities", "nonprofit*", "ngo*", "charit*", "patient*",
    "caregiver*", "investor*", "bank", "banks", "insurer*", "gamer*", "player*", "reader*", "farmer*", "seniors",
    "professional*", "millennial*", "boomer*", "organisation*", "organization*", "team*", "landowner*", "homeowner*", "renter*",
    "subscriber*", "member*", "volunteer*", "vendor*", "merchant*", "wholesaler*", "caterer*", "baker*",
    "hairdresser*", "vet", "vets", "veterinarian*", "physio*", "therapist*", "researcher*", "parents", "b2b", "b2c", "public",
    "agents", "startups", "partners", "resellers", "commuters", "expats", "hr", "employee*", "retiree*",
    "trainee*", "attendee*", "franchisee*", "refugee*", "accounts", "minors", "adults", "adultes",
)
SECTORS_FR = ("restauration", "hotellerie", "sante", "btp", "immobilier", "industrie", "education",
              "assurance", "tourisme", "logistique", "transport", "agriculture", "finance", "retail",
              "batiment", "automobile", "beaute", "juridique", "luxe")
SECTORS_EN = ("hospitality", "healthcare", "construction", "real estate", "manufacturing", "education",
              "insurance", "tourism", "logistics", "transportation", "agriculture", "finance", "retail",
              "automotive", "fashion", "beauty", "banking", "media", "luxury")
_GROUP_LEMMAS = tuple(w for w in GROUP_NOUNS_FR + GROUP_NOUNS_EN + SECTORS_FR + SECTORS_EN if " " not in w
                      and len(w) > 1)
# Agent nouns most founders use for customer groups, whatever the trade.
_AGENT_SUFFIXES = ("eurs", "rices", "istes", "iens", "iennes", "ers", "ors", "ists", "ians")
_NOT_GROUPS = frozenset(
    "importants differents interessants exigeants presents recents frequents urgents pertinents puissants "
    "others autres besoins needs problemes problems pains gains jobs users' hours heures years ans "
    "meilleurs plusieurs leurs ers numbers chiffres offers offres papers features erreurs heures valeurs "
    "couleurs douleurs odeurs humeurs moteurs secteurs peurs ailleurs chaleurs superieurs exterieurs "
    "interieurs majeurs anciens quotidiens liens biens moyens orders answers letters matters centers "
    "computers printers containers filters meters hours others powers towers layers water waters "
    "together however whether either never ever over under after other rather better further".split()
)
# A fragment starting with these qualifies the previous group rather than naming a new one.
QUALIFIER_STARTS = frozenset(
    "qui que qu dont ou where who whom which that whose ceux celles celui celle those ones them eux "
    "surtout notamment especially particularly including incl comme like such par e g ie eg i "
    "avec with sans without ayant having dans in en de d du of sur aged agees ages age entre "
    "between mais but plutot rather souvent often principalement mainly mostly voire even ils elles they "
    "il elle it qui y compris typiquement typically".split()
)
_LEAD_INS = compile_all(
    ("nos clients sont", "notre client est", "nos cibles sont", "notre cible est|c est", "notre cible",
     "ma cible est|c est", "ma cible", "on vise|cible", "nous visons|ciblons", "je vise|cible", "pour",
     "principalement", "essentiellement", "c est", "ce sont", "d abord", "aussi", "et", "ou", "puis",
     "ensuite", "il y a", "on a", "on s adresse a|aux", "nous nous adressons a|aux", "on|nous? met|mettons en relation",
     "mettre en relation", "on|nous? relie|relions|connecte|connectons", "entre"),
    ("our customers are", "our customer is", "our target is", "our targets are", "we target", "we serve",
     "we focus on", "we re targeting", "we are targeting", "for", "mainly", "mostly", "primarily", "it s",
     "they are", "first", "also", "and", "or", "then", "there are", "we have", "target",
     "we? connect|connects|match|matches|link|links", "between", "both", "everyone? from"),
)
_DETERMINERS = frozenset("les des la le l un une the a an some certains certaines".split())

_HARD = re.compile(r";|[!?](?=\s|$)|(?<![A-Za-z]\.[A-Za-z])(?<!\betc)(?<!\bex)(?<!\bvs)\.(?=\s|$)")
_HARD_GROUPS = re.compile(_HARD.pattern + r"|:")
_COMMA = re.compile(r",(?!\d)|(?<!\d),")
_CONJ_ITEMS = re.compile(r"\s(?:et|and|&)\s", re.IGNORECASE)
_CONJ_GROUPS = re.compile(
    r"\s(?:et|and|ou|or|&|\+|ainsi que|as well as|voire|mais aussi|but also|with|avec|to)\s|/|\s\+\s",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪►✓>]+|\(?\d{1,2}[.)])\s*")
_KEEP_TOGETHER = compile_all(("entre", "between", "both", "a la fois", "tant"))
_TRIM = " \t.,;:-–—'\"«»()"


def _spans(text: str, sep: re.Pattern[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] at `sep`, ignoring separators inside parentheses."""
    end = len(text) if end is None else end
    depth_at = _paren_depths(text)
    spans, cur = [], start
    for m in sep.finditer(text, start, end):
        if depth_at[m.start()] == 0:
            spans.append((cur, m.start()))
            cur = m.end()
    spans.append((cur, end))
    return spans


def _paren_depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        depth = depth + 1 if ch in "([" else max(0, depth - 1) if ch in ")]" else depth
        depths.append(depth)
    return depths


def _words_in(text: str, span: tuple[int, int]) -> list[Token]:
    return tokenise(text[span[0]:span[1]])


def _lines(text: str) -> list[str]:
    return [_BULLET.sub("", line) for line in text.splitlines() if line.strip()]


def _first_word(text: str, span: tuple[int, int]) -> str:
    toks = _words_in(text, span)
    return toks[0].norm if toks else ""


def _merge_qualifiers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and _first_word(text, span) in QUALIFIER_STARTS:
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _split_conj_items(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    parts = _spans(text, _CONJ_ITEMS, *span)
    if len(parts) == 1 or _has_keep_together(text, span):
        return [span]
    if all(len(_words_in(text, p)) >= 2 for p in parts):
        return parts
    return [span]


def _has_keep_together(text: str, span: tuple[int, int]) -> bool:
    return find(_words_in(text, span), _KEEP_TOGETHER) is not None


def _clean(text: str, span: tuple[int, int]) -> str:
    piece = text[span[0]:span[1]].strip(_TRIM)
    return re.sub(r"^(?:et|and|ou|or|puis|then|&|\+)\s+", "", piece, flags=re.IGNORECASE).strip(_TRIM)


def split_items(text: str) -> list[str]:
    """An answer as a list: bullets, lines, ';', sentences, commas between clauses, and 'et'/'and'
    when they join two multi-word items. Qualifying clauses stay with the item they qualify."""
    items: list[str] = []
    for line in _lines(text):
        spans: list[tuple[int, int]] = []
        for hard in _spans(line, _HARD):
            for soft in _spans(line, _COMMA, *hard):
                spans.extend(_split_conj_items(line, soft))
        items.extend(_clean(line, s) for s in _merge_qualifiers(line, spans))
    return [i for i in items if i]


# --- groups ----------------------------------------------------------------------------------------


def is_group_word(word: str) -> bool:
    if word in _NOT_GROUPS or word.isdigit() or len(word) < 2:
        return False
    if any(similar(word, lemma) for lemma in _GROUP_LEMMAS):
        return True
    return len(word) >= 6 and word.endswith(_AGENT_SUFFIXES)


def _strip_lead_in(tokens: Sequence[Token]) -> int:
    i = 0
    while i < len(tokens):
        m = find(tokens[i:], _LEAD_INS)
        if m is None or m.start != 0:
            break
        i += m.end
    return i


_RELATIVES = frozenset("qui que qu dont who which that whose where ou".split())


def _group_start(tokens: Sequence[Token]) -> int | None:
    """Index where the first group named in the fragment starts, or None when it names none."""
    if not tokens or tokens[0].norm in QUALIFIER_STARTS:
        return None
    for i, tok in enumerate(tokens[:8]):
        if tok.norm in _RELATIVES:
            return None
        if is_group_word(tok.norm):
            if i <= 2:
                return 0
            det = next((j for j in range(i - 1, max(-1, i - 4), -1) if tokens[j].norm in _DETERMINERS), None)
            return det if det is not None else i
    return None


def _group_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for hard in _spans(line, _HARD_GROUPS):
        for soft in _spans(line, _COMMA, *hard):
            spans.extend(_spans(line, _CONJ_GROUPS, *soft))
    return spans


def split_groups(text: str) -> list[str]:
    """The distinct customer groups a for-whom answer names, in the founder's words.

    Fragments that only qualify a group ("qui ...", "surtout ...", an adjective) stay with it; an
    answer that names no recognisable group comes back whole."""
    groups: list[str] = []
    for line in _lines(text):
        current: tuple[int, int] | None = None
        for span in _group_spans(line):
            toks = _words_in(line, span)
            rest = toks[_strip_lead_in(toks):]
            if not rest:
                continue
            start = _group_start(rest)
            begin = span[0] + rest[start or 0].start
            if start is not None:
                if current:
                    groups.append(line[current[0]:current[1]].strip(_TRIM))
                current = (begin, span[1])
            elif current:
                current = (current[0], span[1])
        if current:
            groups.append(line[current[0]:current[1]].strip(_TRIM))
    seen: set[str] = set()
    unique = [g for g in groups if not (normalise(g) in seen or seen.add(normalise(g)))]
    if unique:
        return unique
    whole = text.strip(_TRIM)
    return [whole] if tokenise(whole) else []
