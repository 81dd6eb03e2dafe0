"""Recognising a multi-sided platform and the sides it brings together, from the founder's words."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.cues import negated_before
from assistant.text.patterns import compile_all, find, find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.exchange import GENERIC_GROUPS, exchange_sides
from assistant.understanding.groups import group_words, is_group_word, same_group

# Enough on their own.
PLATFORM_MARKERS_FR = ("place de marche", "mise|mettre|met|mettons|mettent en relation",
                       "mise|mettre|met|mettons en contact", "{plateforme|plate forme} {biface|bi face}", "biface",
                       "multi face*|faces", "double face", "plateforme d intermediation", "intermediation",
                       "les deux cotes|faces", "cote offre", "cote demande",
                       "uber|airbnb|blablacar|vinted|leboncoin|malt|doctolib|deliveroo|etsy|ebay|upwork|fiverr "
                       "du|de|des", "le uber|airbnb",
                       "commission ...4 chaque|deux|vendeur*|transaction*|vente*|reservation*", "annonceurs")
PLATFORM_MARKERS_EN = ("marketplace", "market place", "platform {biface|bi face}", "two|2|multi|double sided",
                       "both sides", "supply side", "demand side",
                       "uber|airbnb|etsy|ebay|upwork|fiverr|deliveroo|doordash for|of", "the uber|airbnb",
                       "commission ...4 each|both|seller*|transaction*|booking*", "advertisers")
# Verbs that connect two groups; they count only when two groups surround them.
CONNECTORS_FR = ("relie*", "relier", "entre", "rapproche*", "met|mettre|mise|mettons en relation|contact",
                 "connecte*")
CONNECTORS_EN = ("connect*", "match*", "matching", "between", "link*", "pair*")
JOINERS = frozenset("et and avec with a aux to ou or &".split())
BOTH_SIDES_FR = ("les|des deux cotes|faces|publics", "deux cotes|faces", "d un cote ...8 de l autre",
                 "chaque cote|face")
BOTH_SIDES_EN = ("both|two sides", "each side", "on one side ...8 on the other")
_MARKERS = compile_all(PLATFORM_MARKERS_FR, PLATFORM_MARKERS_EN)
_CONNECTORS = compile_all(CONNECTORS_FR, CONNECTORS_EN)
_BOTH = compile_all(BOTH_SIDES_FR, BOTH_SIDES_EN)
SIDE_WINDOW = 20
def platform_sides(text: str) -> list[str]:
    """The two groups a platform brings together, as folded words: those a connector links ("met en
    relation les kinés et les patients"), else the first two groups of the sentence that says
    "marketplace" or "two-sided"."""
    tokens = tokenise(text)
    for m in find_all(tokens, _CONNECTORS):
        # "un pilulier connecté, vendu aux patients": an adjective, its clause ends before any object
        if negated_before(tokens, m) or m.end >= len(tokens) or tokens[m.end].clause != tokens[m.end - 1].clause:
            continue
        window = [t for t in tokens[m.end:m.end + SIDE_WINDOW] if t.sentence == tokens[m.start].sentence]
        sides = _two_sides(window)
        if sides:
            return sides
    for m in find_all(tokens, _MARKERS):
        sentence = [t for t in tokens if t.sentence == tokens[m.start].sentence]
        sides = _distinct_groups(sentence)
        if len(sides) >= 2:
            return sides[:2]
    return exchange_sides(text)


def _distinct_groups(tokens: Sequence[Token]) -> list[str]:
    groups: list[str] = []
    for word in group_words(tokens):
        if word not in GENERIC_GROUPS and not any(same_group(word, g) for g in groups):
            groups.append(word)
    return groups


def _two_sides(window: Sequence[Token]) -> list[str]:
    first = next((i for i, t in enumerate(window) if is_group_word(t.norm)), None)
    if first is None:
        return []
    for j in range(first + 1, len(window)):
        if window[j].norm in JOINERS:
            second = next((t.norm for t in window[j + 1:j + 5] if is_group_word(t.norm)), None)
            if second and not same_group(second, window[first].norm):
                return [window[first].norm, second]
    return []


def is_platform(text: str) -> bool:
    tokens = tokenise(text)
    marker = find(tokens, _MARKERS)
    if marker is not None and not negated_before(tokens, marker):
        return True
    return bool(platform_sides(text))


def names_both_sides(text: str) -> bool:
    tokens = tokenise(text)
    return find(tokens, _BOTH) is not None
