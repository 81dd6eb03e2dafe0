"""Which of the five segment types of the source document the founder's segments are, and why.

Rules of thumb, from the definitions: a platform that needs two interdependent groups is multi-sided;
several segments with unrelated offers or needs are diversified; several segments served by the same
offer with somewhat different needs are segmented; one group is a mass market when it is very large
with shared needs, a niche otherwise (specialised, specific, professional).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.canvas import Segment
from assistant.critique.grouping import listed_groups, split_groups
from assistant.critique.groups import announced_count, group_words
from assistant.critique.patterns import Lexicon, compile_all, find
from assistant.critique.platform import is_platform
from assistant.critique.tokens import tokenise
from assistant.domain import SegmentType

DIVERSIFIED_MARKERS = ("{n ont|ont|qui ont} rien a voir", "rien a voir", "aucun rapport", "sans rapport",
                       "aucun lien", "tres|completement|totalement|vraiment differents|differentes",
                       "deux activites|metiers|offres|produits", "une autre activite|offre", "diversif*",
                       "nothing to do with", "unrelated", "separate businesses|products", "two separate",
                       "two different businesses|products|offers|activities",
                       "completely|totally|very different", "another business|product line", "side business",
                       "comme amazon", "like amazon", "{two|deux} "
                       "things|choses|services|offres|produits|activites|businesses|products|offers",
                       "{we|on|nous} ...3 aussi|also ...2 "
                       "sell|sells|offer|rent|vend|vendons|loue|louons|propose",
                       "{we|on|nous} ...3 sell|vend|vendons|loue|louons|propose|proposons aussi|also")
SAME_OFFER_MARKERS = ("meme "
                      "produit|offre|solution|plateforme|app|appli|application|service|outil|abonnement|spectacle",
                      "same product|offer|solution|platform|app|service|tool|subscription|core",
                      "version|versions|formule|formules", "offre pro", "tier|tiers", "gamme", "variante*",
                      "legerement|un peu differents|differentes", "slightly|somewhat different",
                      "besoins proches|similaires|voisins", "similar|related needs",
                      "adapte|adaptee|adaptes|adapt|adapted|tailored pour|for|to")
SIZE_CLAIMS = ("millions", "# %|pourcent|percent",
               "{un tiers|le tiers|la moitie|un quart|a third|half|a quarter} des|of",
               "big|large|huge group|chunk|share|part", "grand|gros|large groupe|marche|part",
               "{lot of|lots of|beaucoup de|plein de} foyers|households|gens|people|menages")
SHARED_NEEDS = ("besoin ...3 proche|similaire|commun|partage", "broadly shared", "similar needs",
                "same core need", "besoins communs|similaires", "common need")
CONSUMER_UNITS = ("foyers", "menages", "households", "grand public", "consommateurs", "consumers",
                  "particuliers", "mass market", "marche de masse", "mainstream")
MASS_CHANNELS = ("supermarch*", "grande distribution", "grocery", "grocer*", "hypermarch*", "everyday",
                 "quotidien*")
SPECIALISED = ("niche", "specialise*", "specialist", "specialized", "specific", "specifique*", "luxe",
               "luxury", "haut de gamme", "high end", "expert*", "rare*")
# Groups of people as consumers; any other group word (a trade, an organisation) makes it professional.
CONSUMER_GROUPS = ("gens", "personne", "personnes", "particulier*", "consommateur*", "foyer*", "menage*",
                   "famille*", "family", "families", "parent*", "enfant*", "kid", "kids", "child", "children",
                   "ado", "ados", "adolescent*", "teen*", "jeune*", "etudiant*", "student*", "eleves",
                   "collegien*", "lyceen*", "retraite*", "retiree*", "senior*", "femme*", "women", "woman",
                   "homme*", "men", "man", "mere", "meres", "mother*", "mom", "moms", "mum", "mums", "people",
                   "individual*", "consumer*", "household*", "adult*", "adulte*", "lecteur*", "reader*",
                   "joueur*", "gamer*", "player*", "proprietaire*", "owner*", "locataire*", "tenant*",
                   "voyageur*", "traveller*", "traveler*", "utilisateur*", "user*", "client*", "customer*",
                   "abonne*", "subscriber*", "patient*", "citoyen*", "internaute*", "public", "sportif*",
                   "coureur*", "runner*", "cycliste*", "cyclist*", "buyers", "acheteurs", "shoppers",
                   "drinkers", "fans", "amateurs")
OFFER_FOR = frozenset("pour for aux".split())
LOCATIVES = frozenset("in dans en at from near pres autour around across".split())
# Stems too common to tell two segments' needs apart.
STOP_STEMS = frozenset(
    "witho sans avec without their leurs hours heure trop bien faire faits etre avoir plus more less moins "
    "pour "
    "from with dans they ils elles have sont very tres".split()
)
PERCENT = re.compile(r"\d+\s?%")
MIN_STEMS = 4
DIVERSIFIED_OVERLAP = 0.06
STEM = 5
_DIVERSIFIED = compile_all(DIVERSIFIED_MARKERS)
_SAME_OFFER = compile_all(SAME_OFFER_MARKERS)
_SIZE = compile_all(SIZE_CLAIMS)
_SHARED = compile_all(SHARED_NEEDS)
_CONSUMER_UNITS = compile_all(CONSUMER_UNITS)
_CHANNELS = compile_all(MASS_CHANNELS)
_SPECIALISED = compile_all(SPECIALISED)
_CONSUMERS = Lexicon(CONSUMER_GROUPS)

RATIONALES: dict[str, dict[SegmentType, str]] = {
    "fr": {
        "multi_sided": "Plateforme multi-faces : {names} sont des segments interdépendants, chacun a besoin "
                       "de "
                       "l'autre, comme les passagers et les chauffeurs d'Uber.",
        "diversified": "Diversifié : {names} sont des segments non liés, aux besoins différents, servis par "
                       "des "
                       "offres distinctes, comme Amazon avec ses consommateurs et ses clients AWS.",
        "segmented": "Segmenté : {names} ont des besoins et problèmes légèrement différents autour d'une "
                     "même "
                     "offre, comme une banque qui sert le retail et la gestion de patrimoine.",
        "mass_market": "Marché de masse : {names}, c'est un grand groupe aux besoins similaires, comme "
                       "l'électronique grand public.",
        "niche_market": "Marché de niche : {names} forment un segment spécialisé et spécifique, comme les "
                        "produits de luxe ou les logiciels B2B.",
    },
    "en": {
        "multi_sided": "Multi-sided platform: {names} are interdependent segments that each need the other, "
                       "like Uber's riders and drivers.",
        "diversified": "Diversified: {names} are unrelated segments with different needs, served by distinct "
                       "offers, like Amazon's shoppers and its AWS customers.",
        "segmented": "Segmented: {names} have slightly different needs and problems around the same offer, "
                     "like a bank serving retail and wealth-management clients.",
        "mass_market": "Mass market: {names} is one large group with similar needs, like consumer "
                       "electronics.",
        "niche_market": "Niche market: {names} is a specialised, specific segment, like luxury goods or B2B "
                        "software.",
    },
}


def classify(pitch: str, answers: Mapping[str, str], segments: Sequence[Segment], language: str
             ) -> tuple[SegmentType, str]:
    """The segment type and a one-sentence rationale in the session language."""
    names = _names(answers, segments)
    kind = _kind(pitch, answers, segments, names)
    table = RATIONALES["fr" if language == "fr" else "en"]
    joined = _join(names, language) or ("vos clients" if language == "fr" else "your customers")
    return kind, table[kind].format(names=joined)


def _kind(pitch: str, answers: Mapping[str, str], segments: Sequence[Segment], names: list[str]
          ) -> SegmentType:
    story = "\n".join([pitch, answers.get("intake", ""), answers.get("for_whom", "")])
    if any(s.linked_segments for s in segments) or is_platform(story):
        return "multi_sided"
    if len(names) >= 2:
        return "diversified" if _unrelated(story, answers, segments) else "segmented"
    return "mass_market" if _mass(pitch, answers, segments) else "niche_market"


def _names(answers: Mapping[str, str], segments: Sequence[Segment]) -> list[str]:
    """The segments' names; before the canvas has any, the groups the for-whom answer lists or announces."""
    if segments:
        return [s.name for s in segments]
    source = answers.get("for_whom", "")
    listed = listed_groups(source)
    if len(listed) >= 2:
        return listed[:3]
    groups = split_groups(source) if source else []
    return groups[:max(1, min(3, announced_count(source) or 1))]


def _join(names: list[str], language: str) -> str:
    quoted = [f"« {n} »" if language == "fr" else f"“{n}”" for n in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    last = " et " if language == "fr" else " and "
    return ", ".join(quoted[:-1]) + last + quoted[-1]


# --- several segments ---------------------------------------------------------------------------------


def _unrelated(story: str, answers: Mapping[str, str], segments: Sequence[Segment]) -> bool:
    text = "\n".join([story, answers.get("most_important", ""), answers.get("priority", "")])
    tokens = tokenise(text)
    if find(tokens, _SAME_OFFER):
        return False
    if find(tokens, _DIVERSIFIED):
        return True
    if _two_offers(story):
        return True
    overlap = _needs_overlap(segments)
    return overlap is not None and overlap < DIVERSIFIED_OVERLAP


def _two_offers(text: str) -> bool:
    """"des prototypes pour les bureaux d'études, et des modèles dentaires pour les labos": two offers,
    each for its own group, in one sentence."""
    tokens = tokenise(text)
    heads: dict[int, set[str]] = {}
    for i, tok in enumerate(tokens):
        if tok.norm not in OFFER_FOR:
            continue
        window = [t for t in tokens[i + 1:i + 6] if t.sentence == tok.sentence]
        words = group_words(window)
        if words:
            heads.setdefault(tok.sentence, set()).add(words[0].rstrip("sx"))
    return any(len(h) >= 2 for h in heads.values())


def _stems(segment: Segment) -> set[str]:
    items = segment.jobs + segment.pains + segment.gains + segment.needs
    words = (t.norm for item in items for t in tokenise(item))
    return {w[:STEM] for w in words if len(w) > 3 and not w.isdigit() and w[:STEM] not in STOP_STEMS}


def _needs_overlap(segments: Sequence[Segment]) -> float | None:
    """How much the jobs, pains and gains of the first two segments share (Jaccard on word stems)."""
    if len(segments) < 2:
        return None
    a, b = _stems(segments[0]), _stems(segments[1])
    if len(a) < MIN_STEMS or len(b) < MIN_STEMS:
        return None
    return len(a & b) / len(a | b)


def _head_group(text: str) -> str | None:
    """The first group named as the customer: "households in UK cities" is about households."""
    tokens = tokenise(text)
    words = set(group_words(tokens))
    for i, tok in enumerate(tokens):
        if tok.norm in words and not any(t.norm in LOCATIVES for t in tokens[max(0, i - 2):i]):
            return tok.norm
    return None


# --- one segment ----------------------------------------------------------------------------------------


def _mass(pitch: str, answers: Mapping[str, str], segments: Sequence[Segment]) -> bool:
    """A very large group with shared needs: a size claim ("des millions de foyers", "a third of
    households") or several consumer-market signs, and no trade or organisation as the customer."""
    described = "\n".join([*(f"{s.name}. {s.who}" for s in segments), answers.get("most_important", "")])
    if _professional(described or answers.get("for_whom", "")):
        return False
    tokens = tokenise("\n".join([pitch, answers.get("for_whom", ""), answers.get("most_important", ""),
                                 answers.get("characteristics", ""), described]))
    percent = PERCENT.search(pitch + answers.get("most_important", "")) is not None
    size = find(tokens, _SIZE) is not None or percent
    score = 2 * size + sum(find(tokens, p) is not None for p in (_SHARED, _CONSUMER_UNITS, _CHANNELS))
    score -= find(tokens, _SPECIALISED) is not None
    return score >= 3 or (size and score >= 2)


def _professional(text: str) -> bool:
    head = _head_group(text)
    return head is not None and head not in _CONSUMERS
