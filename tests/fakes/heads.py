"""Mistake heads that guess one mistake everywhere, at a low probability: what the reader's definitions
(`reader._ruled_out`, `reader._one_broad_group`) must still check before a guess stands."""

from __future__ import annotations


class GuessingHeads:
    """Stands in for `MistakeModel`: one head, for `mistake`, trusted at every question, always guessing yes at
    p=0.3 (below `reader.CONFIDENT`)."""

    def __init__(self, mistake: str) -> None:
        self.heads = {mistake: object()}

    def trusts(self, mistake: str, question_id: str) -> bool:
        return True

    def decide(self, mistake: str, x: object) -> tuple[bool, float]:
        return True, 0.3
