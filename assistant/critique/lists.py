"""Splitting an answer into list items, and a for-whom answer into the customer groups it names.

Both work on the original text and return the founder's own words. Separators inside parentheses,
inside numbers ("1,5 M", "25-35") or inside words ("R&D") are never split on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.critique.tokens import Lexicon, Token, compile_all, find, normalise, tokenise

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
                  "gerant*", "syndic", "syndics", "promoteur*", "agent*", "institution*", "ong", "collegue*",
                  "equipe*", "communaute*", "public", "revendeur*", "grossiste*", "traiteur*", "boulang*",
                  "coiffeur*", "kine*", "veterinaire*", "notaire*", "pompier*", "policier*", "militaire*",
                  "fonctionnaire*", "chercheur*", "nounou*", "babysitter*", "expat*", "immigre*", "migrant*",
                  "handicap*", "malade*", "osteo*", "comptes", "labo", "labos", "cafe", "cafes", "bars",
                  "vendeuse*", "coiffeuse*", "coureuse*", "danseuse*", "chanteuse*", "infirmiere*", "mineurs")
GROUP_NOUNS_EN = ("people", "person*", "individual*", "consumer*", "customer*", "user*", "family", "families",
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
                  "adults", "adultes", "household*", "homeowner*", "shoppers", "drinkers", "buyers")
SECTORS_FR = ("restauration", "hotellerie", "sante", "btp", "immobilier", "industrie", "education",
              "assurance", "tourisme", "logistique", "transport", "agriculture", "finance", "retail",
              "batiment", "automobile", "beaute", "juridique", "luxe")
SECTORS_EN = ("hospitality", "healthcare", "construction", "real estate", "manufacturing", "education",
              "insurance", "tourism", "logistics", "transportation", "agriculture", "finance", "retail",
              "automotive", "fashion", "beauty", "banking", "media", "luxury")
_GROUP_LEMMAS = Lexicon(GROUP_NOUNS_FR, GROUP_NOUNS_EN, SECTORS_FR, SECTORS_EN)
# Agent nouns most founders use for customer groups, whatever the trade.
_AGENT_SUFFIXES = ("eurs", "rices", "istes", "iens", "iennes", "ers", "ors", "ists", "ians", "men")
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
    ("nos clients sont", "notre client est", "nos cibles sont", "notre cible {est|c est}", "notre cible",
     "ma cible {est|c est}", "ma cible", "on vise|cible", "nous visons|ciblons", "je vise|cible", "pour",
     "principalement", "essentiellement", "c est", "ce sont", "d abord", "aussi", "et", "ou", "puis",
     "ensuite", "il y a", "on a", "mais aussi", "ainsi que", "en passant par", "jusqu aux|au",
     "on s adresse a|aux", "nous nous adressons a|aux", "on|nous? met|mettons en relation",
     "mettre en relation", "on|nous? relie|relions|connecte|connectons", "entre", "nos clients|utilisateurs",
     "notre clientele", "la|ma|notre cible", "ok", "oui", "bon", "bah", "ben", "euh", "hmm", "alors", "donc",
     "en gros", "en vrai", "franchement", "honnetement", "je dirais", "je pense que|qu", "plutot"),
    ("our customers are", "our customer is", "our target is", "our targets are", "we target", "we serve",
     "we focus on", "we are targeting", "for", "mainly", "mostly", "primarily", "it s",
     "they are", "first", "also", "and", "or", "then", "there are", "we have", "target", "but also",
     "as well as", "we? connect|connects|match|matches|link|links", "between", "both", "everyone? from",
     "our customers|users",
     "our|the target", "okay", "yes", "yeah", "yep", "well", "so", "honestly", "basically", "i would say",
     "i think", "i guess", "probably"),
)
_DETERMINERS = frozenset("les des la le l un une the a an some certains certaines".split())

_HARD = re.compile(r";|[!?](?=\s|$)|(?<![A-Za-z]\.[A-Za-z])(?<!\betc)(?<!\bex)(?<!\bvs)\.(?=\s|$)")
_COMMA = re.compile(r",(?!\d)|(?<!\d),")
_CONJ_ITEMS = re.compile(r"\s(?:et|and|&)\s", re.IGNORECASE)
_CONJ_GROUPS = re.compile(
    r"\s(?:et|and|ou|or|&|\+|ainsi que|as well as|voire|mais aussi|but also|with|avec)\s|/|\s\+\s",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•·▪►✓>]+|\(?\d{1,2}[.)])\s*")
_KEEP_TOGETHER = compile_all(("entre", "between", "both", "a la fois", "tant"))
_TRIM = " \t.,;:-–—'\"«»"


def _trim(piece: str) -> str:
    """Strip punctuation around a piece, and a bracket only when it has lost its partner."""
    piece = piece.strip(_TRIM)
    while piece.endswith((")", "]")) and _balance(piece) < 0:
        piece = piece[:-1].strip(_TRIM)
    while piece.startswith(("(", "[")) and _balance(piece) > 0:
        piece = piece[1:].strip(_TRIM)
    return piece


def _balance(piece: str) -> int:
    return piece.count("(") + piece.count("[") - piece.count(")") - piece.count("]")


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


def _words_in(text: str, span: tuple[int, int]) -> Sequence[Token]:
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
    piece = _trim(text[span[0]:span[1]])
    return _trim(re.sub(r"^(?:et|and|ou|or|puis|then|&|\+)\s+", "", piece, flags=re.IGNORECASE))


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
    if word in _GROUP_LEMMAS:
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
_NOT_A_GROUP_START = frozenset(
    "pas sans aucun aucune no not without none ni nor one two three four five six ten un deux trois quatre "
    "cinq six dix".split()
)
# After these, the groups that follow are examples of the one before ("commerçants : fleuristes, cavistes").
EXAMPLE_MARKERS = compile_all(
    ("like", "such as", "e g", "eg", "mainly", "mostly", "especially", "particularly", "including",
     "in particular", "for example", "for instance", "typically", "i e", "ie", "say"),
    ("surtout", "notamment", "comme", "type", "genre", "par exemple", "en particulier", "principalement",
     "essentiellement", "dont", "y compris", "typiquement", "style", "plutot", "a savoir", "c est a dire"),
)
# "Deux publics", "three groups": the founder announces the structure instead of naming a group.
NUMBER_WORDS = {"un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4,
                "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8, "eight": 8,
                "dix": 10, "ten": 10}
STRUCTURE_NOUNS = ("segments", "groupes", "groups", "publics", "cibles", "types", "categories", "audiences",
                   "targets", "sides", "cotes", "faces", "kinds", "profils", "profiles", "marches", "markets",
                   "verticals", "secteurs", "sectors", "personas")
_STRUCTURE = compile_all(tuple(f"{n} ...1 {noun}" for n in (*NUMBER_WORDS, "#") for noun in STRUCTURE_NOUNS))


def announced_count(text: str) -> int | None:
    """"On a trois cibles", "two sides that need each other": the number of groups announced."""
    tokens = tokenise(text)
    m = find(tokens, _STRUCTURE)
    if m is None:
        return None
    word, noun = tokens[m.start].norm, tokens[m.end - 1].norm
    if not noun.endswith(("s", "x")):  # "the 8 to 11 group" is an age band, not a count
        return None
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# "business plan", "school year": the group word is only a modifier there.
_COMPOUND_BREAKERS = frozenset("plan plans model models case angel angels year years hours heures".split())


# Generic heads that restate the group before them rather than add one.
_RESTATING = frozenset("people gens personnes folks ceux celles those ones them eux".split())
_COPULAS = frozenset("are is sont est".split())
# "a third of households", "60 % des foyers", "des millions de foyers": a share of a group, not a group.
_PROPORTIONS = frozenset(
    "third thirds half quarter tiers moitie quart millions million milliers thousands hundreds centaines "
    "percent pourcent majorite majority most plupart".split()
)


def _counted(tokens: Sequence[Token], i: int) -> bool:
    """"5 people", "we're 4 people", "a third of households": a number of people, not a group."""
    before = [t.norm for t in tokens[max(0, i - 3):i]]
    if before and before[-1].isdigit():
        return True
    return bool(before) and before[-1] in {"of", "de", "des", "d"} and any(
        w in _PROPORTIONS or w.isdigit() for w in before[:-1])


def _group_start(tokens: Sequence[Token]) -> int | None:
    """Index where the first group named in the fragment starts, or None when it names none."""
    if not tokens or tokens[0].norm in QUALIFIER_STARTS or tokens[0].norm in _NOT_A_GROUP_START:
        return None
    if tokens[0].norm.isdigit() or find(tokens, _STRUCTURE) is not None:
        return None
    first = 0
    for i, tok in enumerate(tokens[:10]):
        if tok.norm in _RELATIVES:
            # "the two that actually pay are row-crop farmers": the group follows the verb "to be"
            copula = next((j for j in range(i + 1, len(tokens)) if tokens[j].norm in _COPULAS), None)
            if copula is None:
                return None
            return _group_start_after(tokens, copula + 1)
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if is_group_word(tok.norm) and nxt not in _COMPOUND_BREAKERS and not _counted(tokens, i):
            if i - first <= 2:
                return first
            det = next((j for j in range(i - 1, max(-1, i - 4), -1) if tokens[j].norm in _DETERMINERS), None)
            return det if det is not None else i
    return None


def _group_start_after(tokens: Sequence[Token], start: int) -> int | None:
    rest = _group_start(tokens[start:])
    return None if rest is None else start + rest


def _sentences(line: str) -> list[tuple[int, int]]:
    return [s for s in _spans(line, _HARD) if _trim(line[s[0]:s[1]])]


def _label(line: str, span: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    parts = _spans(line, re.compile(":"), *span)
    return (parts[0], (parts[1][0], span[1])) if len(parts) > 1 else None


def _fragments(line: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    return [f for soft in _spans(line, _COMMA, *span) for f in _spans(line, _CONJ_GROUPS, *soft)]


_WITH = re.compile(r"\s(?:with|avec)\s", re.IGNORECASE)


def _leads_with_group(tokens: Sequence[Token]) -> bool:
    """The fragment opens on a group: "les kinés", "freelance accountants", "des patients"."""
    head = [t for t in tokens[:3] if t.norm not in _DETERMINERS]
    return bool(head) and (is_group_word(head[0].norm) or (len(head) > 1 and is_group_word(head[1].norm)
                                                           and tokens[0].norm not in _DETERMINERS))


def _joined_by_conjunction(line: str, prev: tuple[int, int], frag: tuple[int, int]) -> bool:
    return _CONJ_GROUPS.fullmatch(line[prev[1]:frag[0]]) is not None


class _GroupReader:
    """Walks the fragments of one sentence and decides, for each, whether it opens a new group."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.groups: list[tuple[int, int]] = []
        self.in_examples = False
        self.shared_determiner = False
        self.pending: int | None = None  # "full-time rideshare and delivery drivers": a shared head

    def read(self, frag: tuple[int, int], prev: tuple[int, int] | None) -> None:
        toks = _words_in(self.line, frag)
        body = toks[_strip_lead_in(toks):]
        if not body:
            return
        marker = find(toks, EXAMPLE_MARKERS)
        start = _group_start(body)
        pending, self.pending = self.pending, None
        if self.groups and marker is not None and marker.start == 0:
            self.in_examples = True
        elif start is not None and not self._continues(body, frag, prev):
            begin = frag[0] + body[start].start
            if pending is not None and prev is not None and _joined_by_conjunction(self.line, prev, frag):
                begin = pending
            self.groups.append((begin, frag[1]))
            self.in_examples = False
            self.shared_determiner = body[0].norm in _DETERMINERS
            return
        elif not self.groups and len(body) <= MAX_NEUTRAL_WORDS:
            self.pending = frag[0] + body[0].start
        if self.groups:
            self.groups[-1] = (self.groups[-1][0], frag[1])

    def _continues(self, body: Sequence[Token], frag: tuple[int, int], prev: tuple[int, int] | None) -> bool:
        """Examples of the previous group, "les restaurateurs et traiteurs" (one shared article), or a
        "with ..." that is not a second group ("can't deal with calling 8 farms")."""
        if self.in_examples and len(body) <= 5:
            return True
        if self.groups and body[_group_start(body) or 0].norm in _RESTATING:  # ", people who drive for Uber"
            return True
        if prev is not None and _WITH.fullmatch(self.line[prev[1]:frag[0]]) and not _leads_with_group(body):
            return True
        return (self.shared_determiner and prev is not None and body[0].norm not in _DETERMINERS
                and _joined_by_conjunction(self.line, prev, frag))


def _sentence_groups(line: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    reader = _GroupReader(line)
    rest = span
    labelled = _label(line, span)
    if labelled:
        label, rest = labelled
        toks = _words_in(line, label)
        body = toks[_strip_lead_in(toks):]
        start = _group_start(body)
        if start is not None and len(body) <= 5:  # "Readers: ..." names one group
            return [(label[0] + body[start].start, span[1])]
        if start is not None:  # "Les commerçants du centre : fleuristes, cavistes" lists examples
            reader.groups.append((label[0] + body[start].start, label[1]))
            reader.in_examples = True
    prev = None
    for frag in _fragments(line, rest):
        reader.read(frag, prev)
        prev = frag
    return reader.groups


def _collapse_to_announced(parts: list[list[str]], announced: int | None) -> list[str]:
    """"Three groups: A, with examples; B, more examples; C" has one group per part when the founder
    announced as many parts as there are. A part is the text of one sentence from its first group on."""
    parts = [p for p in parts if p]
    if announced and len(parts) == announced and sum(len(p) - 1 for p in parts) > announced:
        return [p[0] for p in parts]
    return [g for p in parts for g in p[1:]]


MAX_LISTED_WORDS = 4
MAX_NEUTRAL_WORDS = 3


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


def listed_groups(text: str) -> list[str]:
    """The longest run of short groups listed one after the other in a sentence ("les PME, les ETI,
    les grands comptes et les collectivités"): the founder enumerating targets, not describing one."""
    best: list[str] = []
    for line in _lines(text):
        for sentence in _sentences(line):
            best = max(best, _runs(line, sentence), key=len)
    return best


def _runs(line: str, sentence: tuple[int, int]) -> list[str]:
    labelled = _label(line, sentence)
    span = sentence
    if labelled and _group_start(_words_in(line, labelled[0])) is not None:
        return []  # a group followed by its examples or its description
    if labelled:
        span = labelled[1]
    best: list[str] = []
    run: dict[str, str] = {}
    for frag in _fragments(line, span):
        toks = _words_in(line, frag)
        body = toks[_strip_lead_in(toks):]
        short = len([t for t in body if t.norm not in _DETERMINERS]) <= MAX_LISTED_WORDS
        start = _group_start(body) if body else None
        restating = start is not None and run and body[start].norm in _RESTATING
        if restating:
            continue
        if start is not None and (short or start == 0) and find(toks, EXAMPLE_MARKERS) is None:
            text = _trim(line[frag[0]:frag[1]])
            run.setdefault(group_head(text), text)
        elif not body or (len(body) <= MAX_NEUTRAL_WORDS and body[0].norm not in QUALIFIER_STARTS
                          and find(toks, EXAMPLE_MARKERS) is None):
            continue
        else:
            best = max(best, list(run.values()), key=len)
            run = {}
    return max(best, list(run.values()), key=len)


def split_groups(text: str) -> list[str]:
    """The distinct customer groups a for-whom answer names, in the founder's words.

    Qualifying fragments ("qui ...", an adjective, a number) and examples ("surtout ...", "like ...",
    "commerçants : fleuristes, cavistes") stay with their group; a sentence led by a group label
    ("Readers: ...") is one group. An answer that names no recognisable group comes back whole."""
    parts: list[list[str]] = []
    for line in _lines(text):
        for sentence in _sentences(line):
            spans = _sentence_groups(line, sentence)
            if spans:
                whole_part = _trim(line[spans[0][0]:spans[-1][1]])
                parts.append([whole_part] + [_trim(line[a:b]) for a, b in spans])
    groups = _collapse_to_announced(parts, announced_count(text))
    unique = list({normalise(g): g for g in reversed(groups) if g}.values())[::-1]
    if unique:
        return unique
    whole = _trim(text)
    return [whole] if tokenise(whole) else []
