"""Recognising a multi-sided platform and the sides it brings together, from the founder's words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.text.cues import negated_before
from assistant.text.patterns import PatternSet, compile_all, find, find_all, similar
from assistant.text.tokens import Token, tokenise
from assistant.understanding.groups import group_words, is_group_word

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
# Words that name nobody in particular: they cannot be one side of a platform.
GENERIC_GROUPS = frozenset(
    "people gens personnes personne users utilisateurs clients customers client customer public monde "
    "everyone".split()
)


def platform_sides(text: str) -> list[str]:
    """The two groups a platform brings together, as folded words: those a connector links ("met en
    relation les kinés et les patients"), else the first two groups of the sentence that says
    "marketplace" or "two-sided"."""
    tokens = tokenise(text)
    for m in find_all(tokens, _CONNECTORS):
        if negated_before(tokens, m):
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


# --- sides read from how the founder describes the exchange ----------------------------------------------


@lru_cache(maxsize=1)
def _exchange_patterns() -> tuple[PatternSet, PatternSet, PatternSet, frozenset[str], PatternSet]:
    """Supply, demand and booking verbs, side words, and what a supplying group is described by."""
    from assistant.lexicon import languages, platform

    words = [platform(lang) for lang in languages()]
    return (compile_all(*(w.supply_verbs for w in words)), compile_all(*(w.demand_verbs for w in words)),
            compile_all(*(w.booking_verbs for w in words)),
            frozenset(x for w in words for x in w.side_words),
            compile_all(*(w.supply_verbs + w.provider_words for w in words)))


SUBJECT_WINDOW = 6
RECIPIENT_WINDOW = 14
DETERMINERS = frozenset("les des the some ses leurs their".split())
RECIPIENTS = frozenset("to a aux au".split())
FOR = frozenset("for pour".split())


def _subject(tokens: Sequence[Token], at: int) -> str | None:
    """The nearest group word before a verb, in its clause: "les commerces du quartier mettent en vente"."""
    clause = tokens[at].clause
    if at >= 2 and tokens[at - 2].norm in DETERMINERS and tokens[at - 1].clause == clause:
        return tokens[at - 1].norm  # "les habitants réservent": a determiner, a noun, the verb
    for t in reversed(tokens[max(0, at - SUBJECT_WINDOW):at]):
        if t.clause != clause:
            return None
        if is_group_word(t.norm):
            return t.norm
    return None


def _about_target(tokens: Sequence[Token], at: int, targets: list[str]) -> bool:
    clause = tokens[at].clause
    return any(t.clause == clause and any(same_group(t.norm, w) for w in targets) for t in tokens[:at])


def _group_after(tokens: Sequence[Token], at: int, span: int = 3) -> str | None:
    for t in tokens[at:at + span]:
        if t.sentence != tokens[at - 1].sentence:
            return None
        if is_group_word(t.norm):
            return t.norm
    return None


def exchange_sides(text: str) -> list[str]:
    """The two sides of an exchange the founder describes, as folded group words: one group supplying
    ("les commerces mettent en vente leurs invendus", "people rent out their spare room to visitors")
    and another taking ("les gens réservent"); or a group booking a slot on a product made for another
    group ("une plateforme pour les kinés : les patients réservent"); or two sides announced by name
    ("on the host side ... on the guest side", "côté commerces ... côté clients"). [] when none."""
    tokens = tokenise(text)
    supply, demand, booking, side_words, _providers = _exchange_patterns()
    givers, takers = [], []
    for m in find_all(tokens, supply):
        if _founder_speaks(tokens, m.start):
            continue  # "we sell software to bakeries": the founder selling to customers, not one side
        who = _subject(tokens, m.start)
        if who:
            givers.append(who)
        recipient = next((i for i in range(m.end, min(len(tokens), m.end + RECIPIENT_WINDOW))
                          if tokens[i].norm in RECIPIENTS and tokens[i].sentence == tokens[m.start].sentence), None)
        taker = _group_after(tokens, recipient + 1) if recipient is not None else None
        if taker:
            takers.append(taker)
    takers += [w for m in find_all(tokens, demand) if (w := _subject(tokens, m.start))]
    pair = _distinct_pair(givers, takers)
    if pair:
        return pair
    targets = [w for i, t in enumerate(tokens[:-1]) if t.norm in FOR and (w := _group_after(tokens, i + 1))
               and w not in GENERIC_GROUPS]
    # "practices with 2 to 5 dentists that still book by phone": booking in a clause about the target group
    # describes that group, it is not another side.
    bookers = [w for m in find_all(tokens, booking) if (w := _subject(tokens, m.start)) and w not in GENERIC_GROUPS
               and not _about_target(tokens, m.start, targets)]
    pair = _distinct_pair(targets, bookers)
    if pair:
        return pair
    return _named_sides(tokens, side_words)


FOUNDER = frozenset("we nous on i je our notre".split())


def _founder_speaks(tokens: Sequence[Token], at: int) -> bool:
    start = at
    while start > 0 and tokens[start - 1].clause == tokens[at].clause:
        start -= 1
    return any(t.norm in FOUNDER for t in tokens[start:at])


def provides(group: str) -> bool:
    """The group is described by what it supplies ("students who want to look after dogs", "retirees who
    drive for extra income"): a platform's supply side, whatever its name."""
    return find(tokenise(group), _exchange_patterns()[4]) is not None


def _distinct_pair(first: list[str], second: list[str]) -> list[str]:
    for a in first:
        for b in second:
            if not same_group(a, b):
                return [a, b]
    return []


def announced_sides(text: str) -> list[str]:
    """Two groups named as sides ("on the host side ... on the guest side", "côté commerces ... côté
    clients"), as folded words; [] otherwise. The one platform reading used on answers after the pitch,
    where a connector word ("entre l'école et le boulot") is too loose a sign."""
    return _named_sides(tokenise(text), _exchange_patterns()[3])


def _named_sides(tokens: Sequence[Token], side_words: frozenset[str]) -> list[str]:
    """"côté commerces ... côté clients", "on the host side ... the guest side": two groups named as sides."""
    named: list[str] = []
    for i, t in enumerate(tokens):
        if t.norm not in side_words:
            continue
        near = [tokens[j] for j in (i + 1, i + 2, i - 1) if 0 <= j < len(tokens)]
        word = next((n.norm for n in near if is_group_word(n.norm)), None)
        if word and not any(same_group(word, w) for w in named):
            named.append(word)
    return named[:2] if len(named) >= 2 else []


def names_both_sides(text: str) -> bool:
    tokens = tokenise(text)
    return find(tokens, _BOTH) is not None


def same_group(a: str, b: str) -> bool:
    """Two folded words name the same group, up to number and a typo ("chauffeur", "chauffeurs")."""
    stem_a, stem_b = a.rstrip("sx"), b.rstrip("sx")
    return similar(stem_a, stem_b) or similar(stem_b, stem_a) or stem_a.startswith(stem_b) \
        or stem_b.startswith(stem_a)
