"""Two cues of the buyer/user confusion check (`mistakes/roles.py`), words in `lexicon/<lang>/roles.yaml`: a pronoun
that takes up a whole list before what is said of it ("le budget, la mairie, tout ça c'est de l'intendance"), and a
user said to pay out of their own money at a price ("the vendor pays herself, 15 rupees")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.roles import RoleWords
from assistant.text.patterns import PatternSet, compile_all, find_all
from assistant.text.tokens import Token

RESUMED_REACH = 10  # words from a payer to what is said of the list it opens, taken up by "tout ça"/"all that"
RESUMED_GAP = 3  # words between "tout ça"/"all that" and what is said of it ("c'est de", "is just")


@lru_cache(maxsize=1)
def _resumptives() -> tuple[str, ...]:
    return tuple(every_language(RoleWords, "roles").resumptives)


@lru_cache(maxsize=1)
def _self_payment() -> PatternSet:
    return compile_all(every_language(RoleWords, "roles").self_payment)


def resumed(tokens: Sequence[Token], at: int) -> bool:
    """A pronoun that takes up a whole list (`resumptives`: "tout ça", "all that") ends within a few words before
    `tokens[at]`, in its sentence."""
    norms = [t.norm for t in tokens[max(0, at - RESUMED_GAP - 3):at] if t.sentence == tokens[at].sentence]
    text = f" {' '.join(norms[-(RESUMED_GAP + 2):])} "
    return any(f" {r} " in text for r in _resumptives())


def pays_at_a_price(tokens: Sequence[Token]) -> bool:
    """The user said to pay out of their own money (`self_payment`) with a figure in the same sentence ("The
    vendor pays herself, 15 rupees, mostly UPI"): a payment described, not a buyer taken for the user."""
    return any(any(t.norm.isdigit() and t.sentence == tokens[m.start].sentence for t in tokens)
               for m in find_all(tokens, _self_payment()))
