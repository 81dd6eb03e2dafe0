"""Detectors about how a segment is described: demographics only, or everyone assumed identical."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal

from assistant.lexicon import every_language
from assistant.lexicon.lazy import LazyWords
from assistant.lexicon.profile import ProfileWords
from assistant.text.lists import split_items
from assistant.text.patterns import Lexicon, Match, PatternSet, compile_all, find, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import FUNCTION_WORDS, contrast_after, negated_after, negated_before
from assistant.understanding.group_check import reading_words
from assistant.understanding.groups import is_group_word
from assistant.understanding.listing import AND_WORDS
from assistant.understanding.rules import hit, scoped, whole

# --- demographics_only -------------------------------------------------------------------------------

MIN_CATEGORIES = 2
MAX_UNEXPLAINED = 3
MAX_UNEXPLAINED_SHARE = 0.5
# Clauses that tell what the people do ("ils gèrent…", "they log…"): on the train split, at `for_whom` and
# `characteristics`, 1 of the 85 answers labelled demographics_only tells this much (`tells_behaviour`), 25 of 765 not.
MIN_ACTIONS = 2
_PERSONAL = LazyWords(lambda: reading_words().personal_subjects)

AMOUNT = re.compile(r"\d+(?:k|keur|m|meur|euros?)")
# The demographic categories (fields of `ProfileWords`), in the order they are tried for a word.
CATEGORIES = ("age", "gender", "income", "location", "occupation", "family", "firm")


@lru_cache(maxsize=1)
def _lists() -> ProfileWords:
    """Every language's words (`assistant/lexicon/<lang>/profile.yaml`): founders mix languages."""
    return every_language(ProfileWords, "profile")


@lru_cache(maxsize=1)
def _categories() -> dict[str, Lexicon]:
    return {name: Lexicon(getattr(_lists(), name)) for name in CATEGORIES}


@lru_cache(maxsize=1)
def _behaviours() -> Lexicon:
    return Lexicon(_lists().behaviours)


Words = Literal["glue", "relatives", "demographic_verbs", "not_verbs", "negation_particles", "location_prepositions",
                "not_sameness_after", "indefinite_articles", "tautology_verbs", "presentatives"]


@cache
def _words(key: Words) -> frozenset[str]:
    return frozenset(getattr(_lists(), key))


def _category(word: str) -> str | None:
    if AMOUNT.fullmatch(word):
        return "income"
    return next((name for name, lexicon in _categories().items() if word in lexicon), None)

def _is_behaviour(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].norm
    if word in _behaviours():
        return True
    before = [t.norm for t in tokens[max(0, i - 2):i] if t.norm not in _words("negation_particles")]
    relative_verb = bool(before) and before[-1] in _words("relatives")
    return relative_verb and word not in _words("demographic_verbs") and word not in _words("not_verbs")

def _is_place_name(text: str, tokens: Sequence[Token], i: int) -> bool:
    """A capitalised name after a preposition of place ("in Leeds", "à Lyon"), or inside a sentence, not
    opening it ("ménages ruraux, Hautes Terres", "région Vakinankaratra"): in a profile, a place."""
    if not text[tokens[i].start].isupper() or i == 0:
        return False
    return tokens[i - 1].norm in _words("location_prepositions") or tokens[i - 1].sentence == tokens[i].sentence


def _aside(text: str, tokens: Sequence[Token], i: int) -> bool:
    """A word inside brackets ("agriculteurs (riz, pomme de terre, maraîchage)"): the aside details the word
    before it, which carries the category."""
    before = text[:tokens[i].start]
    return before.rfind("(") > before.rfind(")")


def demographic_profile(text: str, include_firm: bool = True) -> tuple[set[str], int, int, int]:
    """(demographic categories, behaviour cues, content words, unexplained words) of a description."""
    tokens = tokenise(text)
    categories: set[str] = set()
    behaviours, content, unexplained, said = 0, 0, 0, dict[int, str]()  # said: token index → category, "" none
    for i, tok in enumerate(tokens):
        small = (tok.norm in FUNCTION_WORDS or tok.norm in _words("glue") or tok.norm.isdigit()
                 or (len(tok.norm) < 2 and tok.norm not in {"k", "m"}))
        category = None if small else _category(tok.norm) or ("location" if _is_place_name(text, tokens, i) else None)
        if category is None and not small and i > 1 and tokens[i - 1].norm in AND_WORDS:
            category = said.get(i - 2) or None  # "qui parlent wolof et sérère": coordinated with a word of a category
        said[i] = category or ""
        small = small or category is None and _aside(text, tokens, i)
        small = small or (category is None and is_group_word(tok.norm))
        if category is None and tok.norm not in _words("glue") and _is_behaviour(tokens, i):  # "per" is no "pay"
            behaviours += 1
        if small:
            continue
        content += 1
        if category and (include_firm or category != "firm"):
            categories.add(category)
        elif category is None and not _is_behaviour(tokens, i):
            unexplained += 1
    return categories, behaviours, content, unexplained

def tells_behaviour(text: str) -> bool:
    """At least `MIN_ACTIONS` times a personal pronoun then a verb that is no demographic one ("ils gèrent tout à
    distance"; not "they've a car", "they are married"): what the people do, no description by demographics only.
    Verbs after a noun or coordinated with the first go uncounted ("les plus jeunes font tout sur l'appli")."""
    tokens = tokenise(text)
    skip = _words("negation_particles") | _words("not_verbs") | _words("glue")  # "they all have", "ils ne…"
    actions = 0
    for i, token in enumerate(tokens):
        if token.norm not in _PERSONAL:
            continue
        verb = next((t.norm for t in tokens[i + 1:i + 3] if t.norm not in skip), "")
        actions += bool(verb) and verb not in _words("demographic_verbs") and verb not in _PERSONAL
    return actions >= MIN_ACTIONS


@scoped("for_whom", "characteristics")
def demographics_only(ctx: DetectionContext) -> Detection | None:
    include_firm = ctx.question_id == "characteristics"
    categories, behaviours, content, unexplained = demographic_profile(ctx.answer, include_firm)
    if len(categories) < MIN_CATEGORIES or behaviours:
        return None
    if unexplained > MAX_UNEXPLAINED or unexplained > MAX_UNEXPLAINED_SHARE * content:
        return None
    return whole("demographics_only", ctx.answer, f"only demographics: {sorted(categories)}")

# --- assumes_homogeneous -----------------------------------------------------------------------------

@lru_cache(maxsize=3)
def _sameness(key: Literal["sameness", "sameness_over_time", "examples_said", "differences"] = "sameness"
              ) -> PatternSet:
    """A pattern list of the sameness claim (`profile.yaml`), compiled once: the claim, a time after it, kinds
    called examples."""
    return compile_all(getattr(_lists(), key))


OVER_TIME_REACH = 4  # words after a sameness phrase within which a time makes it said of the market


_TAUTOLOGY = compile_all(("un|a _ est|is un|a _",))[0]  # a label for the matches of `_tautology`


TAUTOLOGY_WORDS = 4  # words of the noun said twice: "a driver is a driver", "une maison de repos, c'est une…"


def _tautology(tokens: Sequence[Token]) -> Match | None:
    """"A driver is a driver", "un client c'est un client", "une maison de repos, c'est une maison de repos": the
    founder says there is nothing to tell."""
    articles, verbs, presentatives = _words("indefinite_articles"), _words("tautology_verbs"), _words("presentatives")
    norms = [t.norm for t in tokens]
    for i, det in enumerate(norms):
        if det not in articles:
            continue
        for size in range(1, TAUTOLOGY_WORDS + 1):
            noun = norms[i + 1:i + 1 + size]
            at = i + 1 + size
            link = 1 if at < len(norms) and norms[at] in verbs else (
                2 if " ".join(norms[at:at + 2]) in presentatives else 0)
            again = at + link
            if len(noun) == size and link and again < len(norms) and norms[again] in articles \
                    and norms[again + 1:again + 1 + size] == noun:
                return Match(i, again + 1 + size, _TAUTOLOGY)
    return None


def _is_sameness(tokens: Sequence[Token], m: Match) -> bool:
    nxt = tokens[m.end].norm if m.end < len(tokens) else ""
    if nxt in _words("not_sameness_after") or any(
            m.end <= t.start < m.end + OVER_TIME_REACH and tokens[t.start].clause == tokens[m.end - 1].clause
            for t in find_all(tokens, _sameness("sameness_over_time"))):
        return False  # "it'll look exactly the same in ten years": the market, not the people
    at = tokens[m.start].sentence  # "Ce sont des exemples, c'est le même client": one segment, its kinds listed
    if any(tokens[e.start].sentence in (at - 1, at) for e in find_all(tokens, _sameness("examples_said"))):
        return False
    return not (negated_before(tokens, m, 5) or negated_after(tokens, m, 2) or contrast_after(tokens, m))

def _sameness_said(tokens: Sequence[Token]) -> Match | None:
    """Where the founder says the segment's people are all alike: a sameness phrase not denied, or a tautology."""
    return first_match(tokens, _sameness(), lambda m: _is_sameness(tokens, m)) or _tautology(tokens)


def without_sameness_claim(item: str) -> str:
    """`item` as a canvas item: "" when it says the segment's people are all alike ("no difference between a
    factory worker and an office worker here", "a welder is a welder"), what follows its colon when only the
    part before it says so ("same for all of them: put money aside for Tết"); unchanged otherwise."""
    tokens = tokenise(item)
    m = _sameness_said(tokens)
    if m is None:
        return item
    head, colon, rest = item.partition(":")
    if colon and tokens[m.end - 1].end <= len(head) and rest.strip():
        return without_sameness_claim(rest.strip())
    return ""


@lru_cache(maxsize=1)
def _sameness_words() -> frozenset[str]:
    return frozenset(_lists().sameness_words)


def without_sameness_sentences(answer: str) -> str:
    """`answer` without what its sentences that say the segment's people are all alike say of it: the claim
    (`without_sameness_claim`: what follows its colon stays) and the items that go on with it ("same packs, same
    posts", "treating them differently": `sameness_words`); other items of the sentence stay ("…, a driver is a
    driver, plan the week without calling the dispatcher")."""
    tokens = tokenise(answer)
    starts = [t.start for i, t in enumerate(tokens) if i == 0 or t.sentence != tokens[i - 1].sentence]
    if not starts:
        return answer
    kept = [answer[:starts[0]]]
    for start, end in zip(starts, [*starts[1:], len(answer)], strict=True):
        sentence = answer[start:end]
        if _sameness_said(tokenise(sentence)):
            items = [rest for i in split_items(sentence) if (rest := without_sameness_claim(i))
                     and not any(t.norm in _sameness_words() for t in tokenise(rest))]
            sentence = ", ".join(items) + ". " if items else ""
        kept.append(sentence)
    return "".join(kept)


def tells_differences(answer: str) -> bool:
    """The answer says the members differ ("they are not the same", "they buy differently", "ils n'achètent pas
    pareil": profile lexicon `differences`), with no sameness claim of its own: the labelling guide's "Not it",
    differences acknowledged."""
    tokens = tokenise(answer)
    return find(tokens, _sameness("differences")) is not None and _sameness_said(tokens) is None


@scoped("for_whom", "most_important", "characteristics", "jobs", "pains", "gains", "priority")
def assumes_homogeneous(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = _sameness_said(tokens)
    if m is None:
        return None
    return hit("assumes_homogeneous", ctx.answer, tokens, m, f"everyone alike: '{m.pattern.source}'")

