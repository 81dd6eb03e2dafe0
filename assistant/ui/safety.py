"""Make text safe to show in the browser.

The coach's messages are Markdown and quote the founder's own words, so a founder can put HTML or links
in them. Chainlit renders messages without raw HTML (``unsafe_allow_html = false``), and its Markdown
renderer drops ``javascript:`` URLs; this module adds a second, explicit layer so the founder's words
always show as typed:

- anything that could open an HTML tag or an autolink (``<`` followed by a letter, ``/``, ``!`` or ``?``)
  is written as the entity ``&lt;``, which Markdown shows as ``<``;
- a Markdown link or image whose target is not ``http(s):``, ``mailto:``, a fragment or a relative path has
  its brackets escaped, so ``[x](javascript:alert(1))`` shows as that text; images are never rendered
  (a remote image is a tracking pixel);
- control characters (except newline and tab) are removed.
"""

from __future__ import annotations

import re
import unicodedata

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
# [text](target) or ![alt](target); the target may hold one level of parentheses.
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
_REF_DEF = re.compile(r"^( {0,3})\[([^\]\n]+)\]:[ \t]*(\S+)", re.MULTILINE)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
# Bidirectional overrides can make text read differently from what it is.
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def strip_controls(text: str) -> str:
    text = text.translate(_BIDI)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def is_safe_url(url: str) -> bool:
    """http(s), mailto, a fragment or a relative path; never javascript:, data:, vbscript: …"""
    raw = url.strip().strip("<>")
    target = "".join(ch for ch in raw if not ch.isspace() and unicodedata.category(ch)[0] != "C")
    low = target.lower()
    if low.startswith(_SAFE_SCHEMES):
        return True
    if "&" in low or "\\" in low:  # character references or backslashes can spell a scheme
        return False
    if low.startswith(("#", "/", "./", "../")) and not low.startswith("//"):
        return True
    # No scheme at all ("page.html", "docs/x"): relative, hence same-origin.
    return ":" not in low.split("/")[0] and not low.startswith("//")


def _escape_link(match: re.Match[str]) -> str:
    bang, label, target = match.group(1), match.group(2), match.group(3)
    destination = target.strip().split()[0] if target.strip() else ""
    if not bang and is_safe_url(destination):
        return match.group(0)
    prefix = "\\!" if bang else ""
    return f"{prefix}\\[{label}\\]\\({target}\\)"


def _escape_ref(match: re.Match[str]) -> str:
    indent, label, target = match.group(1), match.group(2), match.group(3)
    if is_safe_url(target):
        return match.group(0)
    return f"{indent}\\[{label}\\]: {target}"


def safe_markdown(text: str) -> str:
    """Markdown from the engine, with raw HTML, unsafe links and images neutralised (shown as text)."""
    text = strip_controls(text)
    text = _TAG_START.sub("&lt;", text)
    text = _LINK.sub(_escape_link, text)
    return _REF_DEF.sub(_escape_ref, text)


def safe_token(token: str) -> str:
    """A streamed token: shown as it arrives, then replaced by the full, checked message."""
    return strip_controls(token).replace("<", "&lt;")


def plain(text: object, limit: int = 600) -> str:
    """Plain text for the canvas panel (rendered as React text nodes, never as HTML)."""
    s = strip_controls(str(text if text is not None else "")).strip()
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return s
