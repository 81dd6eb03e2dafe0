"""What names a customer group: a lexicon of trades, people and organisations (every language's
`groups.yaml`), agent-noun endings for the trades it lacks, and the number of groups a founder announces.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import MissingLanguage, languages, words
from assistant.lexicon.groups import GroupWords
from assistant.lexicon.lazy import LazyPatterns
from assistant.text.patterns import Lexicon, PatternSet, compile_all, find, similar
from assistant.text.tokens import Token, normalise, tokenise


@lru_cache(maxsize=1)
def _per_language() -> tuple[GroupWords, ...]:
    """Every language's group words (not merged by `every_language`: the number words are a mapping)."""
    return tuple(words(GroupWords, "groups", lang) for lang in languages())


@lru_cache(maxsize=1)
def _group_lemmas() -> Lexicon:
    return Lexicon(*(w.group_nouns for w in _per_language()), *(w.sectors for w in _per_language()))


@lru_cache(maxsize=1)
def _agent_suffixes() -> tuple[str, ...]:
    """Agent nouns most founders use for customer groups, whatever the trade."""
    return tuple(s for w in _per_language() for s in w.agent_suffixes)


@lru_cache(maxsize=1)
def _plural_only() -> frozenset[str]:
    """Groups named in the plural only ("plumbers", "nannies"): "the nanny tax" names no group."""
    return frozenset(x for w in _per_language() for x in w.plural_only)


@lru_cache(maxsize=1)
def _not_groups() -> frozenset[str]:
    return frozenset(x for w in _per_language() for x in w.not_groups)


def exact_group_word(word: str) -> bool:
    """A group word as written (up to a final s/x): a lemma of the group lexicon, a word its stems ("artisan*")
    start, or an agent noun; no typo tolerance, for checks where a near word is another word ("files" is not
    "filles")."""
    if word in _not_groups() or word.isdigit() or len(word) < 2:
        return False
    return _lemma_word(word) or word in _plural_only() or len(word) >= 6 and word.endswith(_agent_suffixes())


def _lemma_word(word: str) -> bool:
    lemmas = _group_lemmas().lemmas_for(word)
    singular = word.rstrip("sx")
    return any(lemma.rstrip("*") in (word, singular) or lemma.rstrip("sx") == singular
               or lemma.endswith("*") and word.startswith(lemma[:-1]) for lemma in lemmas)


def is_group_word(word: str) -> bool:
    if word in _not_groups() or word.isdigit() or len(word) < 2:
        return False
    if word in _group_lemmas() or word in _plural_only():
        return True
    return len(word) >= 6 and word.endswith(_agent_suffixes())


# "Deux publics", "three groups": the founder announces the structure instead of naming a group.
@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Numbers written as words, every language's: word → value."""
    return {word: n for w in _per_language() for word, n in w.number_words.items()}


@lru_cache(maxsize=1)
def structure_nouns() -> tuple[str, ...]:
    """Nouns that announce a number of groups ("cibles", "sides"), every language's."""
    return tuple(n for w in _per_language() for n in w.structure_nouns)


def _structure() -> PatternSet:
    """A number then a structure noun of the same language: "trois cibles", "two sides", "3 segments"."""
    return compile_all(*(tuple(f"{n} ...1 {noun}" for n in (*w.number_words, "#") for noun in w.structure_nouns)
                         for w in _per_language()))


STRUCTURE: PatternSet = LazyPatterns(_structure)


def announced_count(text: str) -> int | None:
    """"On a trois cibles", "two sides that need each other": the number of groups announced."""
    tokens = tokenise(text)
    m = find(tokens, STRUCTURE)
    if m is None:
        return None
    word, noun = tokens[m.start].norm, tokens[m.end - 1].norm
    if not noun.endswith(("s", "x")):  # "the 8 to 11 group" is an age band, not a count
        return None
    if _ranged(tokens, m.start) or _per_period(tokens, m.end):
        return None  # "5 to 15 markets a year", "trois marchés par mois": how often, not how many groups
    return int(word) if word.isdigit() else number_words()[word]


_PER = frozenset("a per each every by par chaque l".split())
_PERIODS = frozenset("year years month months week weeks day days season seasons an ans annee annees mois semaine "
                     "semaines jour jours saison saisons".split())


def _ranged(tokens: Sequence[Token], at: int) -> bool:
    """The count closes a range of numbers ("5 to 15 markets", "de 3 à 5 salons")."""
    return at >= 2 and tokens[at - 2].norm.isdigit() and tokens[at - 1].norm in {"to", "a", "et", "and", "or", "ou"}


def _per_period(tokens: Sequence[Token], end: int) -> bool:
    """A rate follows the count: "15 markets a year", "trois marchés par mois"."""
    words = [t.norm for t in tokens[end:end + 2]]
    return len(words) == 2 and words[0] in _PER and words[1] in _PERIODS


@lru_cache(maxsize=1)
def _modifiers() -> frozenset[str]:
    """Group words that mostly qualify another one: "independent restaurants", "freelance designers"."""
    return frozenset(x for w in _per_language() for x in w.modifier_group_words)


_PLURAL_ARTICLES = frozenset(("les", "des", "the"))


def modifier_word(word: str) -> bool:
    """A group word that mostly qualifies the group word after it ("freelance designers")."""
    return word in _modifiers()


@lru_cache(maxsize=1)
def _degree_words() -> frozenset[str]:
    return frozenset(x for w in _per_language() for x in w.degree_words)


def group_words(tokens: Sequence[Token]) -> list[str]:
    """Group words of a text, skipping those that only qualify the next one and adjectives of degree ("le
    conducteur le plus proche": "proche" is no group of relatives there)."""
    found = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        # "les plus jeunes" names a group: after a plural article the degree makes a noun of the adjective
        degree = (i > 0 and tokens[i - 1].norm in _degree_words()
                  and not (i > 1 and tokens[i - 2].norm in _PLURAL_ARTICLES))
        if is_group_word(tok.norm) and not (tok.norm in _modifiers() and is_group_word(nxt)) and not degree:
            found.append(tok.norm)
    return found


def group_head(fragment: str) -> str:
    """The first group word of a fragment, singular-ish: to tell "kids" and "any kid" are one group."""
    heads = group_words(tokenise(fragment))
    return (heads[0] if heads else normalise(fragment)).rstrip("sx")


def looks_plural(word: str) -> bool:
    """A folded word longer than three letters that ends like a plural ("clinics", "huileries", "travaux")."""
    return len(word) > 3 and word.endswith(("s", "x"))


def same_group(a: str, b: str) -> bool:
    """Two folded words name the same group, up to number and a typo ("chauffeur", "chauffeurs")."""
    stem_a, stem_b = a.rstrip("sx"), b.rstrip("sx")
    return similar(stem_a, stem_b) or similar(stem_b, stem_a) or stem_a.startswith(stem_b) \
        or stem_b.startswith(stem_a)


def member_word(word: str, language: str) -> bool:
    """A word of the group lexicon as written, or an agent noun of `language` of at least 6 letters, plural or
    singular ("pêcheurs", "pêcheur", "walker"; not "trouver" nor "réguliers" in French, whose "-er(s)" is an
    English ending). Words for people in general ("clients") count."""
    if word in _not_groups() or word.isdigit() or len(word) < 2 or word + "s" in _not_groups():
        return False
    if _lemma_word(word):
        return True
    try:
        suffixes = tuple(words(GroupWords, "groups", language).agent_suffixes)
    except MissingLanguage:  # a language with no lexicon folder: no agent nouns known
        return False
    return len(word) >= 6 and word.endswith(suffixes + tuple(s.removesuffix("s") for s in suffixes))
