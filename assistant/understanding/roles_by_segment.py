"""Who pays and who uses, per segment. A buyer/user answer often speaks of each segment in turn ("dental: the
dentist signs… accounting: the managing partner signs…", "For the software, the bakery owner pays…",
"Readers use it for free. Advertisers buy monthly packages…"): each segment gets the roles read from the
sentences about it (`segment_blocks.py`), not one pair copied to every segment.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.analysis import SegmentUpdate
from assistant.canvas import Canvas
from assistant.domain import Language
from assistant.lexicon.role_reading import role_regex
from assistant.text.labels import labels
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.groups import member_word
from assistant.understanding.role_terms import with_terms
from assistant.understanding.roles_model import Embed, read_roles_in
from assistant.understanding.roles_reader import DETERMINERS as _DETERMINERS
from assistant.understanding.roles_reader import (
    PAYS,
    USES,
    clause_subject,
    fold_clause,
    paying_clauses,
    split_clauses,
)
from assistant.understanding.segment_blocks import segment_blocks, segments_mentioned

# The pronoun that stands for the segment a block is about: "Pour les assistantes, c'est elles qui paient".
_PRONOUN = role_regex(r"\b{segment_pronouns}\b", re.IGNORECASE)
# Where a role that names several segments splits into each one's part: "the charities and the volunteers".
MAX_PART_WORDS = 4  # a segment's part of a coordination is a short noun phrase ("the charities")
# ";" joins the users a reading keeps; the comma of a number ("1,900") joins nothing
_COORDINATION = role_regex(r"(?<!\d),|,(?!\d)|;|\s{coordinators}\s", re.IGNORECASE)


# A best-effort reading when the role reader finds nobody: the clause with a paying verb, the one with a
# using verb, the whole answer when unsure.
_BUY = role_regex(r"{buy_cues}")
_USE = role_regex(r"{use_cues}")
_FREE = role_regex(r"\b{free_of_charge}\b")  # "use it for free": nobody pays on that side
_CLAUSES = role_regex(r"[;\n]|(?<!\d)[.,]|[.,](?!\d)|\s{conjunctions}\s")  # the clauses of that reading


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
    clauses = [c.strip(" ,") for c in _CLAUSES.split(answer) if c and c.strip(" ,")]
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


def _own_part(role: str, segment: str, canvas: Canvas, text: str) -> str:
    """A role the reader took from a coordination of segments, reduced to this segment's part ("the charities
    and the volunteers use it for free" → "the charities" for the charities, not "the volunteers"). The part
    is a short noun phrase next to the role's in the coordination, with no verb of its own: "the parents pay,
    and the teenagers use it" keeps "the teenagers" as the parents' user."""
    named = segments_mentioned(canvas, role)
    if not named or named == [segment]:
        return role
    parts = [p.strip() for p in _COORDINATION.split(role if segment in named else text) if p.strip()]
    if segment not in named:
        at = next((i for i, p in enumerate(parts) if normalise(role) in normalise(p)), None)
        parts = [] if at is None else parts[max(0, at - 1):at + 2]
    own = [p for p in parts if segments_mentioned(canvas, p) == [segment] and len(p.split()) <= MAX_PART_WORDS
           and not PAYS.search(fold_clause(p)) and not USES.search(fold_clause(p))]
    return own[0] if own else role


def _member_head(subject: str) -> str:
    """A subject cut after its head when that is one member named by an agent noun the group lexicon does not
    hold, right after a determiner ("The skipper gets…" → "The skipper")."""
    tokens = tokenise(subject)
    if len(tokens) > 2 and tokens[0].norm in _DETERMINERS and any(member_word(tokens[1].norm, lang)
                                                                   for lang in ("en", "fr")):
        return subject[:tokens[1].end]
    return subject


MAX_DENIAL_CHARS = 90  # a denial quoted after "Nobody on this side pays" stays a short parenthesis


def _nobody_pays(sentences: list[str], language: Language) -> str:
    """The buyer of a side whose sentences speak of paying only to deny it ("…et paie rien", "hosts pay nothing"):
    "Nobody on this side pays (Hosts pay nothing, they get 80%)" (`nobody_pays` of `labels.yaml`, the sentence
    of the denial quoted when short); "" when the sentences say someone pays, or nothing of paying."""
    # "use it without paying" says no one pays: the phrase of no charge is no paying clause
    clauses = [_FREE.sub(" ", normalise(c)) for s in sentences for c in split_clauses(s)]

    def denies(sentence: str) -> bool:  # "…pay nothing", "…use it for free"
        return bool(paying_clauses(split_clauses(sentence), denied=True) or _FREE.search(normalise(sentence)))

    if not any(denies(s) for s in sentences) or paying_clauses(clauses):
        return ""
    label = labels(language).canvas.nobody_pays
    said = next(s for s in sentences if denies(s)).strip(" ,;.")
    return f"{label} ({said})" if len(said) <= MAX_DENIAL_CHARS else label


def roles_by_segment(answer: str, canvas: Canvas, embed: Embed | None = None) -> list[SegmentUpdate]:
    """One update per segment of the canvas, with the buyer and user its sentences name (read by the role
    heads when `embed` is given, `roles_model.py`); the sentences about each segment are found by
    `segment_blocks.py`. A segment no sentence speaks of gets the roles of the sentences about no segment
    in particular, or of the whole answer when no sentence speaks of any segment; nothing when every
    sentence speaks of another segment (their roles are not this one's). The buyer carries what they pay in
    parentheses when their clause says it (`role_terms.with_terms`)."""
    blocks = segment_blocks(answer, canvas)
    if blocks.own:
        # sentences about no segment that say nothing of paying or using ("Not the same people.") give no roles
        rest = " ".join(blocks.rest)
        folded = normalise(rest)
        told = _BUY.search(folded) or _USE.search(folded)
        general = _roles(rest, embed=embed) if told else ("", "")
    else:
        general = _roles(answer, embed=embed)
    # "both use the site": each side uses it; read once, for the segments no sentence of their own names
    both = _roles(" ".join(blocks.shared), embed=embed) if blocks.shared else ("", "")
    updates = []
    for seg in canvas.segments:
        own = blocks.own.get(seg.name)
        buyer, user = _roles(" ".join(own), blocks.topics.get(seg.name, ""), embed) if own else general
        side = buyer or user  # the role this segment's sentences name: their subject when it is a whole clause,
        # or when the role read runs on past it ("The skipper gets", read from "The skipper gets paid…")
        subject = _member_head(clause_subject(own[0])) if own else ""
        if own and (PAYS.search(fold_clause(side)) or USES.search(fold_clause(side))
                    or subject and side != subject and side.startswith(subject)):
            side = subject or side
        nobody = _nobody_pays(own, canvas.language) if own else ""
        if nobody:
            buyer = ""  # "le conducteur reçoit l'argent et paie rien": nobody pays on this side
        if blocks.shared:  # each side uses it under its own role when it has one
            user = user or (side if own else both[1])
            buyer = buyer if own else both[0]
        said = ". ".join(own or [])
        buyer, user = _own_part(buyer, seg.name, canvas, said), _own_part(user, seg.name, canvas, said)
        buyer, user = _resolved(buyer, user, seg.name), _resolved(user, buyer, seg.name)
        buyer = with_terms(buyer, said or answer) or nobody  # what they pay: "the host (pays 3% of what they earn)"
        updates.append(SegmentUpdate(segment=seg.name, buyer=buyer, user=user))
    return updates
