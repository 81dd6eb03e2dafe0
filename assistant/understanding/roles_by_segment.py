"""Who pays and who uses, per segment. A buyer/user answer often speaks of each segment in turn ("dental: the
dentist signs… accounting: the managing partner signs…", "For the software, the bakery owner pays…",
"Readers use it for free. Advertisers buy monthly packages…"): each segment gets the roles read from the
sentences about it, the sentences that open on it and those that follow until another segment's; a segment
no sentence opens on gets the roles read from the rest of the answer (or the whole answer).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis import SegmentUpdate
from assistant.canvas import Canvas
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.roles_model import Embed, read_roles_in
from assistant.understanding.roles_reader import DETERMINERS as _DETERMINERS

OPENING_WORDS = 5  # a sentence is about a segment when it names it within its first words
_SENTENCES = re.compile(r"(?<=[.;!?])\s+|\n+")
# The opening that names the segment, not part of any role: a label ("dental:") or a topic ("For the
# software,", "Pour les écoles,", "Côté restaurants,"); "Les parents paient, …" opens on a clause, not a topic.
_TOPIC_WORDS = r"(?:for|at|in|on|among|with|pour|chez|dans|parmi|avec|cote|côté)"
_OPENING = re.compile(rf"^\s*(?:([^:,\n]{{1,60}}?)\s*:|({_TOPIC_WORDS}\s[^:,\n]{{1,60}}?)\s*,)\s+", re.IGNORECASE)


def segments_mentioned(canvas: Canvas, text: str) -> list[str]:
    """Names of segments a piece of text talks about (by words of their name: 4 letters or more, compared
    on their first 6)."""
    low = normalise(text)
    hits = []
    for seg in canvas.segments:
        words = [w for w in normalise(seg.name).split() if len(w) > 3]
        if words and any(w[:6] in low for w in words):
            hits.append(seg.name)
    return hits


def _opens_on(canvas: Canvas, sentence: str) -> tuple[list[str], str, str]:
    """The segments a sentence opens on, the sentence without the opening that names them, and the
    opening's noun phrase ("Pour les écoles," → "les écoles"; "" when the sentence has no such opening)."""
    opening = _OPENING.match(sentence)
    phrase = (opening.group(1) or opening.group(2)) if opening else ""
    if opening and len(tokenise(phrase)) <= OPENING_WORDS:
        named = segments_mentioned(canvas, phrase)
        if named:
            return named, sentence[opening.end():], _TOPIC_LEAD.sub("", phrase).strip()
    head = " ".join(t.norm for t in tokenise(sentence)[:OPENING_WORDS])
    return segments_mentioned(canvas, head), sentence, ""


_TOPIC_LEAD = re.compile(rf"^{_TOPIC_WORDS}\s+", re.IGNORECASE)
# The pronoun that stands for the segment a block is about: "Pour les assistantes, c'est elles qui paient".
_PRONOUN = re.compile(r"\b(?:elles|ils|eux|they|them|il|elle|he|she)\b", re.IGNORECASE)


# A best-effort reading when the role reader finds nobody: the clause with a paying verb, the one with a
# using verb, the whole answer when unsure.
_BUY = re.compile(r"ach[eè]t|\bpai|\bpaie|pay|\bsign|d[ée]cid|budget|\bbuy|\bbought|purchas|finance|rembours|"
                  r"abonn|subscri|\bfund")
_USE = re.compile(r"utilis|usag|se sert|servent|\buse|\busing|day to day|daily|au quotidien|tous les jours|"
                  r"every day|mange|\beat|joue|\bplay|appren|\blearn|consomm|\bconsum|\bwear|port")


def _same_words() -> list[str]:
    from assistant.lexicon import all_grammar_words

    return all_grammar_words().same_people


def _bare(phrase: str) -> str:
    return " ".join(t.norm for t in tokenise(phrase) if t.norm not in _DETERMINERS)


@lru_cache(maxsize=1)
def _bare_same_words() -> frozenset[str]:
    """The grammar's "same people" phrases without their determiners, tokenised once."""
    return frozenset(_bare(w) for w in _same_words())


def _only_same(role: str) -> bool:
    """The role names nobody but says "the same people" ("la même", "both", "chaque côté")."""
    words = _bare(role)
    return bool(words) and words in _bare_same_words()


def _resolved(role: str, other: str, segment: str) -> str:
    """A role that only says "the same people" stands for the other role, or for the segment itself."""
    if not _only_same(role):
        return role
    return other if other and not _only_same(other) else segment


def parse_buyer_user(answer: str) -> tuple[str, str]:
    """Best-effort split of "X pays, Y uses" in French or English; the whole answer when unsure."""
    low = normalise(answer)
    clauses = [c.strip(" ,") for c in re.split(
        r"[.;\n]|,|\s(?:mais|alors que|tandis que|et|but|while|whereas|and)\s", answer) if c and c.strip(" ,")]
    buyer = next((c for c in clauses if _BUY.search(normalise(c))), "")
    user = next((c for c in clauses if _USE.search(normalise(c)) and c != buyer), "")
    if any(normalise(p) in low for p in _same_words()):
        buyer = buyer or answer.strip()
        user = user or buyer
    return buyer or answer.strip(), user


def _roles(text: str, topic: str = "", embed: Embed | None = None) -> tuple[str, str]:
    """The roles a text names; its pronoun stands for `topic` when the text names nobody else."""
    buyer, user = read_roles_in(text, embed)
    if topic and not buyer and _PRONOUN.search(text):
        buyer, user = read_roles_in(_PRONOUN.sub(topic, text, count=1), embed)
    return (buyer, user) if buyer or user else parse_buyer_user(text)


def roles_by_segment(answer: str, canvas: Canvas, embed: Embed | None = None) -> list[SegmentUpdate]:
    """One update per segment of the canvas, with the buyer and user its sentences name (read by the role
    heads when `embed` is given, `roles_model.py`)."""
    blocks: dict[str, list[str]] = {}
    topics: dict[str, str] = {}
    rest: list[str] = []
    current: list[str] = rest
    for sentence in (s for s in _SENTENCES.split(answer) if s.strip()):
        named, said, topic = _opens_on(canvas, sentence)
        if len(named) == 1:
            current = blocks.setdefault(named[0], [])
            topics.setdefault(named[0], topic)
        elif named:  # a sentence about several segments belongs to none of them in particular
            current = rest
        current.append(said)
    general = _roles(" ".join(rest), embed=embed) if rest and blocks else _roles(answer, embed=embed)
    updates = []
    for seg in canvas.segments:
        own = blocks.get(seg.name)
        buyer, user = _roles(" ".join(own), topics.get(seg.name, ""), embed) if own else general
        buyer, user = _resolved(buyer, user, seg.name), _resolved(user, buyer, seg.name)
        updates.append(SegmentUpdate(segment=seg.name, buyer=buyer, user=user))
    return updates
