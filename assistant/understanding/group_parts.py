"""An answer that announces its groups and lists them in parts: "Three groups: the food businesses with
surplus, mostly supermarkets and cafes; the charities that feed people, food banks, shelters; and the
volunteer drivers". The announced count and the parts agree, so each part is one group, whatever lists of
examples or qualifiers it holds inside (source: the reference document's advice to name each segment with
what sets it apart; a founder who counts their groups has said how many there are)."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.understanding.group_check import OPENERS, reading_words, trim
from assistant.understanding.groups import announced_count

_PARTS = re.compile(r"\s*;\s*|\n+\s*(?:[-*•]|\d+[.)])\s+")


@lru_cache(maxsize=1)
def _conjunction() -> re.Pattern[str]:
    """A conjunction at a part's start ("and the volunteer drivers"): `part_conjunctions` of the lexicon."""
    words = dict.fromkeys(reading_words().part_conjunctions)
    return re.compile(rf"^(?:{'|'.join(words)})\s+", re.IGNORECASE)


def announced_parts(answer: str, found: list[str]) -> list[str] | None:
    """One group per part when the answer announces as many groups as it has parts (semicolons or list
    lines), each the first group `found` in its part, else the part itself without fillers; None when the
    count and the parts do not agree (the reading stands)."""
    count = announced_count(answer)
    parts = [p for p in _PARTS.split(answer) if p and p.strip(" .,:")]
    if count is None or count < 2 or len(parts) != count:
        return None
    out = []
    for part in parts:
        head, colon, rest = part.partition(":")
        if colon and announced_count(head) is not None:
            part = rest  # "Three groups: the food businesses..." the announcement is not a group
        own = next((g for g in found if g in part), "")
        text = own or _conjunction().sub("", trim(part).strip(" .")).strip()
        if not text or text.lower() in OPENERS["determiner"]:
            return None
        out.append(text)
    return out
