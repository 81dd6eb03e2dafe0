"""How an answer treats a platform's sides beyond naming them: a side named only to be set aside ("the drivers,
they'll follow"), or one group closed on as the only customer ("c'est eux nos clients, point"). Words:
`waved_off` and `sole_customer` of `lexicon/<lang>/platform_markers.yaml`."""

from __future__ import annotations

import re

from assistant.text.patterns import Match, find, find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.exchange import GENERIC_GROUPS
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.groups import group_words
from assistant.understanding.platform_words import marker_patterns


def _sentences_waved(answer: str) -> list[tuple[str, tuple[Token, ...], bool]]:
    """The answer's sentences, their tokens, and whether each names a side only to set it aside."""
    out = []
    for sentence in re.split(r"(?<=[.!?;\n])", answer):
        tokens = tokenise(sentence)
        out.append((sentence, tokens, find(tokens, marker_patterns()["waved_off"]) is not None))
    return out


def waved_off_groups(answer: str) -> list[str]:
    """The group words of the sentences that name a side only to set it aside ("the drivers, they'll follow")."""
    return [w for _, tokens, waved in _sentences_waved(answer) if waved
            for w in group_words(tokens) if w not in GENERIC_GROUPS]


def without_waved_off(answer: str) -> str:
    """The answer without its sentences that name a side only to set it aside ("Les couturiers, bon, eux ils
    suivront, ce n'est pas à eux que je pense quand je dis client"): the groups left are those it targets."""
    return "".join(sentence for sentence, _, waved in _sentences_waved(answer) if not waved)


def closes_on_one_customer(answer: str) -> bool:
    """The answer closes a clause on one group as the only customer (`sole_customer`: "Those ones are my
    customers, full stop", "Nos clients, c'est les proprios de chalets, point")."""
    tokens = tokenise(answer)
    norms = [t.norm for t in tokens]

    def closes(m: Match) -> bool:  # the phrase ends its clause, past words of hedging ("c eux nos clients wallahi,")
        end = m.end
        while end < len(tokens) and tokens[end].clause == tokens[m.end - 1].clause \
                and (hedge := phrase_at(norms, end, grammar_lists().hedges)) is not None:
            end += len(hedge)
        return end == len(tokens) or tokens[end].clause != tokens[m.end - 1].clause

    return any(closes(m) for m in find_all(tokens, marker_patterns()["sole_customer"]))
