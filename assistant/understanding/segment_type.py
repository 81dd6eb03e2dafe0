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
from assistant.domain import SegmentType
from assistant.text.patterns import Lexicon, compile_all, find
from assistant.text.tokens import tokenise
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import announced_count, group_words
from assistant.understanding.listing import listed_groups
from assistant.understanding.platform import announced_sides, is_platform

# Unrelated offers or needs: diversified.
DIVERSIFIED_MARKERS_FR = ("{n ont|ont|qui ont} rien a voir", "rien a voir", "aucun rapport", "sans rapport",
                          "aucun lien", "tres|completement|totalement|vraiment differents|differentes",
                          "deux activites|metiers|offres|produits|choses|services",
                          "une autre activite|offre", "diversif*", "comme amazon",
                          "on|nous ...3 aussi ...2 vend|vendons|loue|louons|propose",
                          "on|nous ...3 vend|vendons|loue|louons|propose|proposons aussi")
DIVERSIFIED_MARKERS_EN = ("nothing to do with", "unrelated", "separate businesses|products", "two separate",
                          "two different businesses|products|offers|activities",
                          "completely|totally|very different", "another business|product line",
                          "side business", "like amazon", "two things|services|businesses|products|offers",
                          "we ...3 also ...2 sell|sells|offer|rent", "we ...3 sell|offer|rent also")
# One offer, served in variants: segmented.
SAME_OFFER_MARKERS_FR = ("meme "
                         "produit|offre|solution|plateforme|app|appli|application|service|outil|abonnement|spectacle",
                         "version|versions|formule|formules", "offre pro", "gamme", "variante*",
                         "legerement|un peu differents|differentes", "besoins proches|similaires|voisins",
                         "adapte|adaptee|adaptes pour|a|aux")
SAME_OFFER_MARKERS_EN = ("same product|offer|solution|platform|app|service|tool|subscription|core",
                         "version|versions", "tier|tiers", "slightly|somewhat different",
                         "similar|related needs", "adapted|tailored for|to")
# How big the group is said to be: "des millions de foyers", "a third of households".
SIZE_CLAIMS_FR = ("millions", "# pourcent", "{un tiers|le tiers|la moitie|un quart} des",
                  "grand|gros|large groupe|marche|part", "{beaucoup de|plein de} foyers|gens|menages")
SIZE_CLAIMS_EN = ("millions", "# percent", "{a third|half|a quarter} of",
                  "big|large|huge group|chunk|share|part", "{lot of|lots of} households|people")
SHARED_NEEDS_FR = ("besoin ...3 proche|similaire|commun|partage", "besoins communs|similaires")
SHARED_NEEDS_EN = ("broadly shared", "similar needs", "same core need", "common need")
CONSUMER_UNITS_FR = ("foyers", "menages", "grand public", "consommateurs", "particuliers", "marche de masse")
CONSUMER_UNITS_EN = ("households", "consumers", "mass market", "mainstream")
MASS_CHANNELS_FR = ("supermarch*", "grande distribution", "hypermarch*", "quotidien*")
MASS_CHANNELS_EN = ("grocery", "grocer*", "supermarket*", "everyday")
SPECIALISED_FR = ("niche", "specialise*", "specifique*", "luxe", "haut de gamme", "expert*", "rare*")
SPECIALISED_EN = ("niche", "specialist", "specialized", "specialised", "specific", "luxury", "high end",
                  "expert*", "rare*")
# Groups of people as consumers; any other group word (a trade, an organisation) makes it professional.
CONSUMER_GROUPS_FR = ("gens", "personne", "personnes", "particulier*", "consommateur*", "foyer*", "menage*",
                      "famille*", "parent*", "enfant*", "ado", "ados", "adolescent*", "jeune*", "etudiant*",
                      "eleves", "collegien*", "lyceen*", "retraite*", "senior*", "femme*", "homme*", "mere",
                      "meres", "adulte*", "lecteur*", "joueur*", "proprietaire*", "locataire*", "voyageur*",
                      "utilisateur*", "client*", "abonne*", "patient*", "citoyen*", "internaute*", "public",
                      "sportif*", "coureur*", "cycliste*", "acheteurs", "fans", "amateurs")
CONSUMER_GROUPS_EN = ("family", "families", "parent*", "kid", "kids", "child", "children", "teen*",
                      "student*", "retiree*", "senior*", "women", "woman", "men", "man", "mother*", "mom",
                      "moms", "mum", "mums", "people", "individual*", "consumer*", "household*", "adult*",
                      "reader*", "gamer*", "player*", "owner*", "tenant*", "traveller*", "traveler*", "user*",
                      "customer*", "subscriber*", "patient*", "public", "runner*", "cyclist*", "buyers",
                      "shoppers", "drinkers", "fans")
OFFER_FOR = frozenset("pour for aux".split())
LOCATIVES = frozenset("in dans en at from near pres autour around across".split())
# Stems too common to tell two segments' needs apart.
STOP_STEMS = frozenset(
    "witho sans avec without their leurs hours heure trop bien faire faits etre avoir plus more less moins "
    "pour from with dans they ils elles have sont very tres".split()
)
PERCENT = re.compile(r"\d+\s?%")
MIN_STEMS = 4
DIVERSIFIED_OVERLAP = 0.06
STEM = 5
_DIVERSIFIED = compile_all(DIVERSIFIED_MARKERS_FR, DIVERSIFIED_MARKERS_EN)
_SAME_OFFER = compile_all(SAME_OFFER_MARKERS_FR, SAME_OFFER_MARKERS_EN)
_SIZE = compile_all(SIZE_CLAIMS_FR, SIZE_CLAIMS_EN)
_SHARED = compile_all(SHARED_NEEDS_FR, SHARED_NEEDS_EN)
_CONSUMER_UNITS = compile_all(CONSUMER_UNITS_FR, CONSUMER_UNITS_EN)
_CHANNELS = compile_all(MASS_CHANNELS_FR, MASS_CHANNELS_EN)
_SPECIALISED = compile_all(SPECIALISED_FR, SPECIALISED_EN)
_CONSUMERS = Lexicon(CONSUMER_GROUPS_FR, CONSUMER_GROUPS_EN)

# One sentence that explains the type from what the founder said ({names}: the groups, in their words),
# without repeating the type's name (shown beside it), with the source document's example.
RATIONALES: dict[str, dict[SegmentType, str]] = {
    "fr": {
        "multi_sided": "Votre plateforme relie {names}, qui ont besoin les uns des autres : sans l'une des faces, "
                       "l'autre ne vient pas (comme les passagers et les chauffeurs d'Uber).",
        "diversified": "Vous servez {names} avec des offres distinctes, pour des besoins sans rapport entre eux "
                       "(comme Amazon avec ses acheteurs et ses clients AWS).",
        "segmented": "Vous servez {names} avec une même offre, adaptée à des besoins un peu différents (comme une "
                     "banque qui sert à la fois les particuliers et la gestion de patrimoine).",
        "mass_market": "Vous visez un grand groupe, {names}, aux besoins largement partagés (comme l'électronique "
                       "grand public).",
        "niche_market": "Vous visez un groupe précis, {names}, aux besoins spécifiques (comme les produits de "
                        "luxe ou les logiciels métier).",
    },
    "en": {
        "multi_sided": "Your platform connects {names}, who need each other: without one side, the other does "
                       "not come (like Uber's riders and drivers).",
        "diversified": "You serve {names} with distinct offers, for needs that have nothing in common (like "
                       "Amazon's shoppers and its AWS customers).",
        "segmented": "You serve {names} with one offer, adapted to somewhat different needs (like a bank serving "
                     "both retail and wealth-management clients).",
        "mass_market": "You target one large group, {names}, with broadly shared needs (like consumer "
                       "electronics).",
        "niche_market": "You target one precise group, {names}, with specific needs (like luxury goods or "
                        "vertical B2B software).",
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
    later = announced_sides(answers.get("most_important", ""))
    if any(s.linked_segments for s in segments) or is_platform(story) or later:
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
