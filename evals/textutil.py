"""Text rules the metrics share: quoted lines, question counting, a small language detector.

A *quoted line* is a line whose first non-blank character is `>`: a Markdown blockquote, which
the coach uses for passages of the knowledge base and for the founder's own words. Quoted text
is not the coach speaking, so it is ignored when counting questions and detecting the language.
"""

from __future__ import annotations

import re
import unicodedata

_QUESTION = re.compile(r"\?+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CODE = re.compile(r"`[^`]*`")
_URL = re.compile(r"https?://\S+")

# Unambiguous stop words only: words that exist in both languages ("on", "a", "en", "son", "plus",
# "pour"/"four" aside) are left out so that they never vote.
STOP_FR = frozenset(
    """le la les des du un une et est sont vous votre vos que qui quoi pour dans sur avec pas ce cette ces
    nous ils elle elles au aux ou mais leur leurs par sa ses je tu mes tes mon ton etre ete avez avons
    quel quelle quels quelles comment pourquoi quand c d l qu j n m t y aussi tres sans chez ou donc
    votre vos cela ceci ca deja encore toujours peut faut fait faire entre ne meme comme selon apres avant
    lequel laquelle dont ici voici voila notre nos""".split()
)
STOP_EN = frozenset(
    """the and of to is are you your that which who for in with not this these those it its they their
    them what how why be have has do does an or but by we our at from can will would if there been were
    was into about than then so my me he she his her us should could more most first one any each
    whom when where while just also very only own same other here""".split()
)
assert not STOP_FR & STOP_EN


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unquoted(text: str) -> str:
    """The text without its quoted (`>`) lines."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def count_questions(text: str) -> int:
    """Questions asked in `text`: runs of `?` outside quoted lines (`??` or `?!?` count once)."""
    return len(_QUESTION.findall(unquoted(text)))


def detect_language(text: str, *, min_hits: int = 4, ratio: float = 2.0) -> str | None:
    """'fr', 'en', or None when the text is too short or too mixed to tell.

    Counts French and English stop words outside quoted lines, inline code and URLs; a language
    wins with at least `min_hits` stop words and `ratio` times as many as the other.
    """
    body = _URL.sub(" ", _CODE.sub(" ", unquoted(text)))
    words = _WORD.findall(fold(body))
    fr = sum(1 for w in words if w in STOP_FR)
    en = sum(1 for w in words if w in STOP_EN)
    if fr + en < min_hits:
        return None
    if fr >= ratio * en and fr >= min_hits // 2:
        return "fr"
    if en >= ratio * fr and en >= min_hits // 2:
        return "en"
    return None
