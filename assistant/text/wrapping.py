"""Pasted text hard-wrapped at a fixed width (a mail client's or a text editor's 72-80 columns): a line break
inside a sentence is a space, so that the sentence reads as one ("the growers are not\\nall the same" keeps its
negation)."""

from __future__ import annotations

import re

WRAPPED_LINE_MIN = 50  # characters: a shorter line is a list's line ("les boulangeries\nles traiteurs")
WRAPPED_LINE_MAX = 100  # characters: a longer line was not wrapped at a width (a paragraph typed as one line)

# one line break between a word and a word in lower case, spaces around it
_BREAK = re.compile(r"(?<=\w)[ \t]*\n[ \t]*(?=[^\W\d_])")


def unwrap(text: str) -> str:
    """`text` with each line break that wraps a sentence turned into a space: one line break between a word and
    a word in lower case, after a line of `WRAPPED_LINE_MIN` to `WRAPPED_LINE_MAX` characters. A line ending on
    punctuation, a blank line, a list marker or a capital after the break keeps the break."""
    def joined(m: re.Match[str]) -> str:
        nxt = text[m.end():m.end() + 1]
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        wrapped = nxt.islower() and WRAPPED_LINE_MIN <= len(line.strip()) <= WRAPPED_LINE_MAX
        return " " if wrapped else m.group(0)

    return _BREAK.sub(joined, text) if "\n" in text else text
