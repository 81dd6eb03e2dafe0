"""The words of the too_broad detector, compiled once (`breadth.yaml`), and the clause that follows a broad head:
what `mistakes/breadth.py` reads a broad target with."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import all_grammar_words, every_language, languages, words
from assistant.lexicon.breadth import BreadthWords
from assistant.text.patterns import Match, PatternSet, compile_all, find_all, first_match
from assistant.text.tokens import Token
from assistant.understanding.cues import FUNCTION_WORDS


@lru_cache(maxsize=1)
def breadth_lists() -> BreadthWords:
    return every_language(BreadthWords, "breadth")


@lru_cache(maxsize=1)
def pronoun_heads() -> PatternSet:
    return compile_all(breadth_lists().broad_pronouns)


@lru_cache(maxsize=1)
def noun_heads() -> PatternSet:
    """The noun heads, and each language's quantifiers before its wide groups ("all kids", "tous les enfants")."""
    per_language = (words(BreadthWords, "breadth", lang) for lang in languages())
    groups = [f"{q} {'|'.join(w.broad_groups)}" for w in per_language for q in w.broad_group_quantifiers]
    return compile_all(breadth_lists().broad_nouns, groups)


@lru_cache(maxsize=1)
def explicit_sweeps() -> PatternSet:
    return compile_all(breadth_lists().broad_explicit)


@lru_cache(maxsize=1)
def no_exclusion() -> PatternSet:
    """A refusal to rule any group out ("I don't want to close any door"), which holds its own negation."""
    return compile_all(breadth_lists().no_exclusion)


@lru_cache(maxsize=1)
def after_head() -> dict[str, PatternSet]:
    """What may follow a broad head: a claim that it is the customer, a conjunction of time or condition; a
    free-choice quantifier opening it; a boast of the market's size (`breadth.yaml`)."""
    w = breadth_lists()
    return {"claims": compile_all(w.target_claims), "subordinate": compile_all(w.subordinate_openers),
            "free_choice": compile_all(w.free_choice), "boasts": compile_all(w.market_boasts),
            "idioms": compile_all(w.pronoun_idioms)}


def starts_with(tokens: Sequence[Token], at: int, patterns: PatternSet) -> bool:
    """A pattern of `patterns` matches from token `at`, inside that token's clause."""
    if at >= len(tokens):
        return False
    found = first_match(tokens[at:at + 8], patterns, lambda f: f.start == 0)
    return found is not None and all(
        t.clause == tokens[at].clause for t in tokens[at:at + found.end])


@lru_cache(maxsize=1)
def age_range() -> PatternSet:
    w = breadth_lists()
    return compile_all((f"{'|'.join(w.age_range_openers)}? # {'|'.join(w.age_range_links)}? # "
                        f"{'|'.join(w.age_range_units)}",))


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """The word lists looked up word by word, as sets."""
    w = breadth_lists()
    return {"trivial": frozenset(w.trivial), "narrowers": frozenset(w.narrowers),
            "comparatives": frozenset(w.comparatives), "likeness_people": frozenset(w.likeness_people),
            "quantifiers": frozenset(w.quantifiers),
            "pre_adjectives": frozenset(w.pre_adjectives), "modifier_determiners": frozenset(w.modifier_determiners),
            "complement_links": frozenset(w.complement_links), "amount_nouns": frozenset(w.amount_nouns),
            "subordinators": frozenset(w.subordinators), "determiners_after": frozenset(w.determiners_after),
            "number_words": frozenset(w.number_words), "number_links": frozenset(w.number_links),
            "acquaintance_verbs": frozenset(w.acquaintance_verbs), "relatives": frozenset(w.relatives),
            "sweeping_objects": frozenset(w.sweeping_objects)}


def trivial() -> frozenset[str]:
    return word_sets()["trivial"]


@lru_cache(maxsize=1)
def pairs() -> tuple[list[str], ...]:
    """Two words before a broad word that make it no target: "plus que", "so that"."""
    w = breadth_lists()
    return tuple(p.split() for p in (*w.comparative_pairs, *w.subordinator_pairs))


def content_words(tokens: Sequence[Token]) -> list[str]:
    return [t.norm for t in tokens
            if t.norm not in FUNCTION_WORDS and not t.norm.isdigit() and len(t.norm) > 1]


def clause_after(tokens: Sequence[Token], m: Match, limit: int = 10) -> list[Token]:
    clause = tokens[m.end - 1].clause
    return [t for t in tokens[m.end:m.end + limit] if t.clause == clause]


@lru_cache(maxsize=1)
def hedge_words() -> frozenset[str]:
    """The words of the grammar lexicon's hedges ("honestly", "franchement"), read once."""
    return frozenset(w for h in all_grammar_words().hedges for w in h.split())


@lru_cache(maxsize=1)
def _target_copulas() -> PatternSet:
    return compile_all(breadth_lists().target_copulas)


def said_to_be_the_target(tokens: Sequence[Token], m: Match) -> bool:
    """The broad word at `m` is what the product or the customer is said to be, a hedge aside ("that's everyone
    naman", "c'est pour tout le monde, vraiment", "our customer is basically everybody"; `target_copulas`): the
    target said to be everyone in so many words, not a word inside a description."""
    at, hedges = m.start, hedge_words()
    while at and tokens[at - 1].norm in hedges and tokens[at - 1].clause == tokens[m.start].clause:
        at -= 1
    return any(c.end == at and tokens[c.start].clause == tokens[m.start].clause
               for c in find_all(tokens[:at], _target_copulas()))
