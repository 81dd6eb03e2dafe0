"""Shorten a passage for display without cutting a word or, when possible, a sentence."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…][\"»”)]?(?=\s|$)|(?=\n)")
_MIN_SHARE = 0.4  # a sentence cut is kept only if it keeps at least this share of the limit


def _tidy(text: str) -> str:
    """Collapse blank runs inside lines and keep list items on their own lines."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return "\n".join(line for line in lines if line)


def excerpt(text: str, limit: int) -> str:
    """`text` (lines kept, spaces collapsed) cut to at most `limit` characters (plus an ellipsis).

    Cuts after the last whole sentence or line that fits, or, when that would keep less than 40 % of
    `limit`, after the last whole word, followed by "…". Never cuts inside a word."""
    text = _tidy(text)
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() < limit or text[limit].isspace()]
    best = max((e for e in ends if e >= limit * _MIN_SHARE), default=0)
    if best:
        return head[:best].rstrip() + " …"
    cut = head.rsplit(maxsplit=1)[0] if " " in head.strip() else head
    return cut.rstrip(" ,;:-–—") + "…"


def whole_sentences(text: str, limit: int) -> str:
    """The longest start of `text` (kept as is) that fits in `limit` characters and ends at a sentence or
    line boundary, else at a word boundary: what the coach reads of a very long message, so that no
    reading (a group, a segment name) is made from a cut fragment."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() < limit or text[limit].isspace()]
    if ends and ends[-1] > 0:
        return head[:ends[-1]].rstrip()
    return (head.rsplit(maxsplit=1)[0] if " " in head.strip() else head).rstrip()


def quote_lines(text: str) -> str:
    """Text as a Markdown blockquote, one `> ` per line (bullet lists stay lists)."""
    return "\n".join(f"> {line}" for line in _tidy(text).splitlines())
