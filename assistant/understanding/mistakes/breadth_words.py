"""The words of the too_broad detector, compiled once (`breadth.yaml`), and the clause that follows a broad head:
what `mistakes/breadth.py` reads a broad target with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import all_grammar_words, every_language, languages, words
from assistant.lexicon.breadth import BreadthWords
from assistant.text.patterns import Match, PatternSet, compile_all, find_all, first_match
from assistant.text.tokens import Token, tokenise
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
            "sweeping_objects": frozenset(w.sweeping_objects), "possession_links": frozenset(w.possession_links)}


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


@lru_cache(maxsize=1)
def _poles() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    out = []
    for entry in breadth_lists().span_poles:
        one, other = entry.split()
        out.append((frozenset(one.split("|")), frozenset(other.split("|"))))
    return tuple(out)


def spanning_poles(groups: Sequence[str], answer: str = "") -> set[str]:
    """The groups of `groups` that name only one pole of an axis whose other pole another group, or `answer`
    in the same sentence, names too ("les jeunes, les vieux", "small ones, big ones"; `span_poles`, a wide group
    word beside the pole allowed: "small businesses, big businesses"): together they sweep the axis — any age,
    any size — which is the reference text's "everyone is my customer", not a choice of segments."""
    fillers = frozenset(breadth_lists().broad_groups) | frozenset(breadth_lists().pole_fillers)
    words = {g: set(content_words(tokenise(g))) for g in groups}
    tokens = tokenise(answer)
    out: set[str] = set()
    for poles in _poles():
        sides = [[g for g, w in words.items() if w and w & pole and w <= pole | fillers] for pole in poles]
        for side, other in ((0, 1), (1, 0)):
            for g in sides[side]:
                at = answer.find(g)
                sentence = next((t.sentence for t in tokens if t.start >= at), -1) if at >= 0 else -1
                if sides[other] or any(t.norm in poles[other] and t.sentence == sentence for t in tokens):
                    out.add(g)
    return out


OWNING_REACH = 4  # words of a possession clause before what is owned ("qui a un chien", "who's got a car")


def stems_of(text: str) -> set[str]:
    """The words of `text` (the pitch) as `owns_the_market` compares them: no final s/x, five letters."""
    return {t.norm.rstrip("sx")[:5] for t in tokenise(text) if len(t.norm) > 2 and t.norm not in FUNCTION_WORDS}


def owns_the_market(tokens: Sequence[Token], m: Match, pitch: set[str]) -> bool:
    """The clause after a broad pronoun only says they own what the product serves ("tout le monde qui a un
    chien" for dog training, "anyone with a car" for car repairs): the whole market, which narrows nothing."""
    after = clause_after(tokens, m)
    links = word_sets()["possession_links"]
    if not after or after[0].norm not in links:
        return False
    owned = next((t for t in after[1:OWNING_REACH + 1] if t.norm not in links and t.norm not in FUNCTION_WORDS), None)
    return owned is not None and len(owned.norm) > 2 and owned.norm.rstrip("sx")[:5] in pitch


# A quotation: straight or curly quotes, or guillemets, opened after a space (not an apostrophe inside "it's").
_QUOTED = re.compile(r"(?:^|(?<=\s))(?:'[^'\n]{3,80}?'|\"[^\"\n]{3,80}?\"|‘[^’\n]{3,80}?’|“[^”\n]{3,80}?”|"
                     r"«[^»\n]{3,80}?»)(?=[\s.,;:!?)]|$)")


def quoted(text: str, tokens: Sequence[Token], m: Match) -> bool:
    """The broad word sits inside a quotation ("'everybody with a phone' doesn't tell you anything"): words the
    founder mentions, their own earlier ones or someone else's, not a target they name."""
    at = tokens[m.start].start
    return any(q.start() < at < q.end() for q in _QUOTED.finditer(text))


def a_sentence_of_its_own(tokens: Sequence[Token], m: Match) -> bool:
    """The broad word is its sentence, hedges and function words aside ("Honestly everyone.", "Tout le monde,
    franchement !"): the target said to be everyone, in so many words."""
    hedges = hedge_words()
    sentence = [i for i, t in enumerate(tokens) if t.sentence == tokens[m.start].sentence]
    return all(m.start <= i < m.end or tokens[i].norm in hedges or tokens[i].norm in FUNCTION_WORDS for i in sentence)
