"""Two sides of a platform named by what they have or want, not by a group noun: "we connect the people who
have the sauna with the people who want to sit in it", "ceux qui cherchent à louer et ceux qui ont quelque
chose à louer". Each side is a word for people in general (`exchange.GENERIC_GROUPS`) or a pronoun head
(`pronoun_heads` of `lexicon/<lang>/grammar.yaml`: "those", "ceux") followed by a relative pronoun
(`predicate_relatives` of `group_reading.yaml`), and the second comes right after a joiner of the platform
lexicon ("with", "and", "et", "avec"). Such sides are peers by their name: they are told apart by what each is
said to supply (`platform._sides_named`), so both are returned under one name."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon.lazy import LazyWords
from assistant.text.tokens import Token, tokenise
from assistant.understanding.exchange import GENERIC_GROUPS
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import reading_words

_RELATIVES = LazyWords(lambda: reading_words().predicate_relatives)
DETERMINER_REACH = 2  # words between the joiner and the second side's head ("with the people who…")


def _described_head(norms: list[str], at: int) -> int | None:
    """The index of the relative pronoun after a generic head or a pronoun head starting at `at`, else None."""
    pronoun = phrase_at(norms, at, grammar_lists().pronoun_heads)
    length = len(pronoun) if pronoun else 1 if norms[at] in GENERIC_GROUPS else 0
    after = at + length
    return after if length and after < len(norms) and norms[after] in _RELATIVES else None


def _pair(tokens: Sequence[Token], joiners: frozenset[str]) -> tuple[int, int, int] | None:
    """(first head, joiner, second head) of two described groups joined by one of `joiners`, else None."""
    norms = [t.norm for t in tokens]
    for i in range(len(norms)):
        first = _described_head(norms, i)
        if first is None:
            continue
        for j in range(first + 1, len(norms)):
            if norms[j] not in joiners or tokens[j].sentence != tokens[i].sentence:
                continue
            second = next((k for k in range(j + 1, min(len(norms), j + 2 + DETERMINER_REACH))
                           if _described_head(norms, k) is not None), None)
            if second is not None:
                return i, j, second
        return None
    return None


def described_sides(tokens: Sequence[Token], joiners: frozenset[str]) -> list[str]:
    """The two sides of the module's shape within `tokens` as [head, head] (the first side's head word twice:
    peers by name), or [] when there are not two such described groups joined by one of `joiners`."""
    pair = _pair(tokens, joiners)
    return [tokens[pair[0]].norm] * 2 if pair else []


def names_two_described_sides(answer: str, coordinators: frozenset[str]) -> bool:
    """The answer names both sides of an exchange by what they do, coordinated in one sentence, each with its
    own verb ("Ceux qui cherchent à louer et ceux qui ont quelque chose à louer"; not "people who want the real
    thing and people who want quiet", one side twice)."""
    tokens = tokenise(answer)
    pair = _pair(tokens, coordinators)
    if pair is None:
        return False
    first, _, second = pair
    verbs = [_verb_after(tokens, head) for head in (first, second)]
    return all(verbs) and verbs[0] != verbs[1]


def _verb_after(tokens: Sequence[Token], head: int) -> str:
    """The first word after the relative pronoun of the described group at `head`."""
    norms = [t.norm for t in tokens]
    relative = _described_head(norms, head)
    return norms[relative + 1] if relative is not None and relative + 1 < len(norms) else ""
