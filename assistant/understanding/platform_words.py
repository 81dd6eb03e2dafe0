"""The words of the platform readers (`platform_markers.yaml`), compiled once: what makes a platform, what links
its sides, what sells it as one customer's tool."""

from __future__ import annotations

from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.platform_markers import PlatformMarkerWords
from assistant.text.patterns import PatternSet, compile_all


@lru_cache(maxsize=1)
def _lists() -> PlatformMarkerWords:
    return every_language(PlatformMarkerWords, "platform_markers")


_PATTERN_KEYS = ("markers", "connectors", "both_sides", "sourcing", "sourcing_channels", "software_sale",
                 "subscription_sale", "two_party_takes", "platform_nouns", "waved_off", "sole_customer", "first_side",
                 "other_side", "current_means")
SIDE_WINDOW = 25  # words after a connector in which its two sides are read


@lru_cache(maxsize=1)
def marker_patterns() -> dict[str, PatternSet]:
    """Each list of `PlatformMarkerWords` compiled once: `markers` suffice alone, `connectors` need two groups."""
    return {key: compile_all(getattr(_lists(), key)) for key in _PATTERN_KEYS}


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The word lists: `joiners` between the two groups a connector links (and "&"), `coordinators`, `pronouns`,
    `and_words` (additive joiners), `party_words` (before a party charged in a `two_party_takes` phrase),
    `partner_prepositions`."""
    w = _lists()
    return {"joiners": frozenset(w.joiners) | {"&"}, "coordinators": frozenset(w.coordinators),
            "pronouns": frozenset(w.pronoun_objects), "and_words": frozenset(w.additive_joiners) | {"&"},
            "party_words": frozenset(w.party_words), "partner_prepositions": frozenset(w.partner_prepositions)}
