"""Groups put off to later: a fragment the reader reads as deferred must speak of a time to come, and the
words right after a group can put it off ("les kinés et le reste, on verra", "advertisers come later"), and a
list put off as a whole ("food banks, leagues and the rest can come later") defers every item. The words are
grammar data (`deferral`, `deferral_after`, `universal` in `assistant/lexicon/<lang>/grammar.yaml`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.focus import FocusWords
from assistant.lexicon.lazy import LazyRegex
from assistant.text.tokens import Token, tokenise
from assistant.understanding.grammar_lists import contains, grammar_lists, phrases
from assistant.understanding.group_boundaries import LIST_ITEM_WORDS  # the items of a list are bare noun phrases
from assistant.understanding.group_check import (
    FragmentLike,
    group_words_at,
    opens_noun_phrase,
    reading_words,
    skip_hedges,
)

_LIST_JOINS = frozenset(("comma", "and", "comma_and", "or"))

# A time to come after a group ("labs in Q3", "conservatoires en 2026"): a preposition (`future_prepositions`
# of `group_reading.yaml`) before a year or a quarter; a deferral like the grammar's words.
FUTURE = LazyRegex(r"\b{future_prepositions}\s+(?:20[2-9]\d|q[1-4])\b", lists=reading_words)


def _speaks_of_later(tokens: Sequence[Token]) -> bool:
    norms = [t.norm for t in tokens]
    return contains(norms, grammar_lists().deferral) is not None or bool(FUTURE.search(" ".join(norms)))


def deferral_relabel(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """The reader's deferrals checked against the words: a fragment read as deferred that speaks of no time
    to come, nor has words after it that put it off, opens a group ("Les PME du BTP d'abord, …"); a fragment
    read as no group that opens on a group and puts it off in its own words is deferred ("…, les grands
    comptes ça viendra plus tard", "advertisers come later once we have traffic")."""
    out = list(labels)
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        tokens = tokenise(frag.text)
        if label == "deferred" and not _speaks_of_later(tokens):
            after = frags[i + 1].end if i + 1 < len(frags) else len(answer)
            if not deferred_after(answer, frag.end, after):
                out[i] = "new"
        elif label == "none" and opens_noun_phrase(frag.text):
            hit = contains([t.norm for t in tokens], grammar_lists().deferral_after)
            if hit and group_words_at(tokens[:hit]) and not contains([t.norm for t in tokens[:hit]],
                                                                   grammar_lists().universal):
                out[i] = "deferred"
    return out


DEFERRAL_GAP = 3  # words between a group and the words that put it off ("…, on verra", "ça viendra plus tard")


def deferred_after(answer: str, end: int, sentence_end: int, start: int | None = None) -> bool:
    """Whether the words right after the group ending at `end`, in its sentence (up to `sentence_end`), put
    it off to later: "les kinés et le reste, on verra", "advertisers come later" (grammar `deferral_after`),
    at most `DEFERRAL_GAP` words on, none of them a group or "everyone" ("events first, everyone else can
    wait" puts off everyone else, not the events). With the group's `start`, a group whose own words end on
    the deferral is put off too ("Les flottes peut-être plus tard", "fleets maybe later")."""
    if start is not None and _ends_deferred(_norms(answer[start:end])):
        return True
    tokens = tokenise(answer[end:sentence_end])[:DEFERRAL_GAP + 4]
    norms = [t.norm for t in tokens]
    hit = contains(norms, grammar_lists().deferral_after)
    if hit is None or hit > DEFERRAL_GAP or group_words_at(tokens[:hit]):
        return False
    return contains(norms[:hit], grammar_lists().universal) is None


def _defer_run_before(frags: Sequence[FragmentLike], out: list[str], first: int, tail: int) -> None:
    """A deferral with no words of its own closing a list ("students, seniors, new parents, truckers, maybe
    later once the kitchen runs smooth"): the bare items right before it, at least two, are put off; the run
    stops at an item ranked first ("nurses first, students, seniors, maybe later")."""
    start = tail
    while start > first and _bare_item(frags[start - 1].text) and not _ranked_first(frags[start - 1].text):
        start -= 1
    if tail - start >= 2:
        for k in range(start, tail):
            if out[k] == "new":
                out[k] = "deferred"


def _ranked_first(text: str) -> bool:
    return contains(_norms(text), _rank_first()) is not None


@lru_cache(maxsize=1)
def _rank_first() -> tuple[tuple[str, ...], ...]:
    return phrases(every_language(FocusWords, "focus").rank_first)


def _bare_item(text: str) -> bool:
    norms = [t.norm for t in tokenise(text)]
    words = norms[skip_hedges(norms):]
    return 0 < len(words) <= LIST_ITEM_WORDS and contains(words, grammar_lists().universal) is None


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenise(text)]


def _ends_deferred(norms: list[str]) -> bool:
    """The words end on a deferral (`deferral_after`), past a short noun phrase before it (at most
    `DEFERRAL_GAP` + 1 words: "flottes peut-être plus tard"; "parents who can return the favor later" is a
    clause whose verb the time word belongs to)."""
    return any(0 < i <= DEFERRAL_GAP + 1 and tuple(norms[i:]) == p for p in grammar_lists().deferral_after
               for i in [len(norms) - len(p)])


def _deferral_at(norms: list[str]) -> int | None:
    return contains(norms, grammar_lists().deferral_after)


def _before_resumption(norms: list[str]) -> list[str]:
    """The item's own words before a pronoun that takes it up again ("écoles | on les garde pour", "schools |
    we keep for"): a subject or a first-person pronoun after the first word ends the noun phrase."""
    pronouns = grammar_lists().subjects | grammar_lists().first_person
    cut = next((k for k in range(1, len(norms)) if norms[k] in pronouns), len(norms))
    return norms[:cut]


def defer_listed(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """A run of list items in one sentence whose last item puts them off ("food banks, leagues and the rest
    can come later"): every item read as a group is deferred. The run's items are bare noun phrases: one
    carrying anything more ("events first, everyone else can wait") keeps the list from being put off."""
    out = list(labels)
    i = 0
    while i < len(frags):
        j = i + 1
        while j < len(frags) and frags[j].separator in _LIST_JOINS and not frags[j].first_in_sentence:
            j += 1
        # the list ends at the first item that puts it off ("Les mairies et écoles on les garde pour plus tard,
        # pour remplir les tournées"): what follows is about them, not more of them
        end, hit, norms = j, None, _norms(frags[j - 1].text)
        for k in range(i, j):
            words = _norms(frags[k].text)
            at = _deferral_at(words)
            if at is not None:
                end, hit, norms = k + 1, at, words
                break
        # two items are one subject when "and"/"or" joins them: "florists, and wedding planners come later" puts
        # off the planners only; three or more are a list whatever the commas
        listed = end - i >= 3 or (end - i == 2 and frags[i + 1].separator in ("and", "or"))
        if listed and hit and _bare_item(" ".join(_before_resumption(norms[:hit]))) and all(
                _bare_item(frags[k].text) for k in range(i, end - 1)):
            for k in range(i, end):
                if out[k] == "new":
                    out[k] = "deferred"
        elif hit is not None and not norms[skip_hedges(norms):hit]:
            _defer_run_before(frags, out, i, end - 1)
        i = j
    return out
