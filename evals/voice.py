"""The coach's voice, measured on the text the founder saw (the `CoachMessage` texts of a transcript,
plus the final canvas as `canvas_markdown` renders it), never on the coach's own labels.

- verbatim_echo: share of coach turns (one founder message → the coach's whole reply) whose text copies
  ECHO_WORDS (8) or more consecutive words of the founder's message outside quoted lines. Words are
  compared without case, accents or punctuation; a line whose first non-blank character is `>` (a
  Markdown blockquote) is a quote and does not count. The opening has no founder message: not counted.
- repeated_sentences: per session, the share of the coach's sentences (occurrences) whose text is said
  twice or more in the session, whatever the reason (a repeated question counts). Sentences are split
  at `.`, `!`, `?`, `…` and line ends, outside quoted lines and Markdown headings; progress headers
  ("**Question 3/9**"), labels and titles standing alone in bold or italics ("**Jobs to be done**:",
  "📖 *Source title*"), list markers and sentences under MIN_SENTENCE_WORDS (4) words are left out.
  The aggregate gives the mean and the max over sessions.
- sector_examples: over sessions whose scenario `sector` is in the example library (evals/sectors.py),
  the share whose shown examples all come from that sector. Shown examples are the texts after an
  example label ("*Exemple* :", "*Example*:", "Par exemple :", "For example:", "Voici une piste :",
  "Here is a lead:") and any library example found word for word in the coach's text. A session is
  sector-matched when it showed at least one example, every labelled example is one of its sector's
  (near-exact) and no example of another sector appears. The opening (welcome and first question) is
  left out: it comes before the pitch, when the coach cannot know the sector (as for the language).
- internal_ids: internal identifiers in founder-facing text (coach messages, summary included, and the
  final canvas Markdown): mistake ids and question ids with an underscore (`too_broad`, `for_whom`) and
  segment type ids (`niche_market`) anywhere as a token; one-word question ids (`evidence`, `jobs`,
  `intake`...) when shown as ids — in parentheses, brackets, backticks, quotes or guillemets (except
  « jobs », the jobs-to-be-done term); knowledge chunk ids `slug#anchor` inside brackets or backticks
  (`[prioriser-ses-segments#pas-tout-le-monde]`). Counted per session and in total.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from statistics import mean
from typing import Any

from pydantic import BaseModel, Field

from assistant.domain import MISTAKE_IDS, QUESTION_IDS, SEGMENT_TYPES
from assistant.messages import CoachMessage
from evals.sectors import SectorLibrary, normalise
from evals.textutil import fold
from evals.transcript import Transcript

ECHO_WORDS = 8
MIN_SENTENCE_WORDS = 4
EXAMPLES = 5  # examples kept per run and per kind
CONTEXT = 50  # characters of context either side of an internal id

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: the unit of comparison of echoes."""
    return _TOKEN.findall(fold(text))


def unquoted_blocks(text: str) -> list[str]:
    """The runs of consecutive unquoted lines of `text` (a quoted line separates two runs)."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if _quoted(line):
            blocks.append([])
        else:
            blocks[-1].append(line)
    return ["\n".join(b) for b in blocks if any(x.strip() for x in b)]


# ---------------------------------------------------------------- verbatim echo


def echoed(founder: str, messages: Sequence[CoachMessage], n: int = ECHO_WORDS) -> str:
    """The longest run of `n` or more consecutive words of `founder` that the coach's messages repeat
    outside quoted lines ('' when none)."""
    source = words(founder)
    if len(source) < n:
        return ""
    grams = {tuple(source[i : i + n]) for i in range(len(source) - n + 1)}
    padded = f" {' '.join(source)} "
    best: list[str] = []
    for m in messages:
        for block in unquoted_blocks(m.text):
            toks = words(block)
            i = 0
            while i + n <= len(toks):
                if tuple(toks[i : i + n]) not in grams:
                    i += 1
                    continue
                j = i + n
                while j < len(toks) and f" {' '.join(toks[i : j + 1])} " in padded:
                    j += 1
                if j - i > len(best):
                    best = toks[i:j]
                i = j
    return " ".join(best)


# ---------------------------------------------------------------- repeated sentences

_HEADER = re.compile(r"\*\*[^*\n]*\d+\s*/\s*\d+[^*\n]*\*\*\s*[—–:-]?\s*")  # **Question 3/9** —
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LABEL = re.compile(r"^[^\w*_]*(\*\*|\*|__|_)[^*_\n]+\1\s*:?\s*$")  # **Jobs to be done**: / 📖 *Source title*
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def sentences(text: str) -> list[str]:
    """The coach's sentences in `text` (display form), headers, headings and quotes left out."""
    out = []
    for line in text.splitlines():
        if not line.strip() or _quoted(line) or line.lstrip().startswith("#"):
            continue
        line = _HEADER.sub("", _LIST_MARK.sub("", line)).strip()
        for sentence in _SENTENCE_END.split(line):
            if _LABEL.match(sentence.strip()):
                continue  # a label or a title on its own, not a sentence
            if len(words(sentence)) >= MIN_SENTENCE_WORDS:
                out.append(sentence.strip())
    return out


# ---------------------------------------------------------------- internal identifiers

_UNDERSCORE_IDS = sorted({i for i in (*MISTAKE_IDS, *QUESTION_IDS, *SEGMENT_TYPES) if "_" in i}, key=len, reverse=True)
_WORD_QUESTION_IDS = sorted(i for i in QUESTION_IDS if "_" not in i)
_WORD_TYPE_IDS = sorted(i for i in SEGMENT_TYPES if "_" not in i)
# Natural words that may be written in quotes in coaching text: « jobs » (jobs to be done).
_QUOTED_WORDS_ALLOWED = frozenset({"jobs"})


def _kind_of(token: str) -> str:
    if token in MISTAKE_IDS:
        return "mistake_id"
    if token in QUESTION_IDS:
        return "question_id"
    if token in SEGMENT_TYPES:
        return "segment_type"
    return "chunk_id"


def _alternatives(ids: Sequence[str]) -> str:
    return "|".join(re.escape(i) for i in ids)


_ID_TOKEN = re.compile(rf"(?<![\w#/-])(?P<id>{_alternatives(_UNDERSCORE_IDS)})(?![\w#-])", re.IGNORECASE)
_WORD_ID = _alternatives(_WORD_QUESTION_IDS)
_WORD_ID_WRAPPED = re.compile(
    rf"\(\s*(?P<p>{_WORD_ID})\s*\)|\[\s*(?P<b>{_WORD_ID})\s*\]|`\s*(?P<c>{_WORD_ID})\s*`"
    rf"|«\s*(?P<g>{_WORD_ID})\s*»|\"(?P<q>{_WORD_ID})\"|“(?P<d>{_WORD_ID})”|'(?P<s>{_WORD_ID})'",
    re.IGNORECASE,
)
_TYPE_CODE = re.compile(rf"`\s*(?P<id>{_alternatives(_WORD_TYPE_IDS)})\s*`", re.IGNORECASE)
_BRACKETS = re.compile(r"\[([^\[\]\n]*)\]|`([^`\n]*)`")
_CHUNK = re.compile(r"(?<![\w/.#-])[\w-]+#[\w-]+", re.UNICODE)


def internal_ids(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, identifier, start, end) of every internal identifier shown in `text`, in order."""
    found: list[tuple[str, str, int, int]] = []
    for m in _BRACKETS.finditer(text):
        group = 1 if m.group(1) is not None else 2
        for c in _CHUNK.finditer(m.group(group)):
            found.append(("chunk_id", c.group(0), m.start(group) + c.start(), m.start(group) + c.end()))
    for m in _ID_TOKEN.finditer(text):
        token = m.group("id").lower()
        found.append((_kind_of(token), token, m.start("id"), m.end("id")))
    for m in _WORD_ID_WRAPPED.finditer(text):
        name = next(k for k in ("p", "b", "c", "g", "q", "d", "s") if m.group(k) is not None)
        token = m.group(name).lower()
        if name in ("g", "q", "d", "s") and token in _QUOTED_WORDS_ALLOWED:
            continue
        found.append(("question_id", token, m.start(name), m.end(name)))
    for m in _TYPE_CODE.finditer(text):
        found.append(("segment_type", m.group("id").lower(), m.start("id"), m.end("id")))
    found.sort(key=lambda x: (x[2], -x[3]))
    kept: list[tuple[str, str, int, int]] = []
    for item in found:  # an id inside a chunk id, or found by two patterns, counts once
        if kept and item[2] < kept[-1][3]:
            continue
        kept.append(item)
    return kept


# ---------------------------------------------------------------- sector examples

# An example label where a label stands: at the start of a line (after a list marker), after the end of a
# sentence, or in emphasis ("*Exemple* :"); not inside a title ("Revisiting segments — Example: when...").
_EXAMPLE_LABEL = re.compile(
    r"(?:^\s*(?:[-+]\s+)?[*_]{0,2}|[.!?…]\s+[*_]{0,2}|(?:^|(?<=\s))[*_]{1,2})"
    r"(?:par exemple|for example|for instance|exemple|example|voici une piste|here is a lead|e\.g\.)"
    r"[*_]*\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_LEADING_QUOTE = re.compile(r"^(«[^»]*»|“[^”]*”|\"[^\"]*\")")


def shown_examples(text: str) -> list[str]:
    """The texts shown after an example label, outside quoted lines: the quoted span right after the
    label when there is one, else the rest of the line."""
    out = []
    for line in text.splitlines():
        if _quoted(line):
            continue
        for m in _EXAMPLE_LABEL.finditer(line):
            rest = m.group("rest").strip()
            q = _LEADING_QUOTE.match(rest)
            out.append(q.group(1) if q else rest)
    return out


# ---------------------------------------------------------------- one session


class VoiceScore(BaseModel):
    """The voice figures of one run, with examples to act on."""

    echo_turns: int = 0
    reply_turns: int = 0
    echo_examples: list[str] = Field(default_factory=list)
    sentences: int = 0
    repeated: int = 0
    repeated_share: float | None = None
    repeated_examples: list[str] = Field(default_factory=list)
    sector: str = ""
    sector_in_library: bool = False
    examples_shown: list[str] = Field(default_factory=list)
    sector_matched: bool | None = None
    sector_problems: list[str] = Field(default_factory=list)
    internal_ids: int = 0
    internal_ids_by_kind: dict[str, int] = Field(default_factory=dict)
    internal_id_examples: list[str] = Field(default_factory=list)


def founder_facing(t: Transcript) -> list[tuple[str, str]]:
    """(where, text) of everything the founder saw: every coach message, then the final canvas."""
    out = [(f"opening {m.kind}", m.text) for m in t.opening]
    for i, e in enumerate(t.exchanges, 1):
        out += [(f"turn {i} {m.kind}", m.text) for m in e.coach]
    if t.canvas is not None:
        from assistant.canvas.render import canvas_markdown

        out.append(("final canvas", canvas_markdown(t.canvas)))
    return out


def _sector(t: Transcript, sector: str, library: SectorLibrary | None, score: VoiceScore) -> None:
    score.sector = sector
    if library is None or not sector or sector not in library:
        return
    score.sector_in_library = True
    # The opening is left out: it comes before the pitch, when the coach cannot know the sector yet.
    texts = [m.text for e in t.exchanges for m in e.coach]
    problems: list[str] = []
    own = False
    shown: dict[str, str] = {}  # normalised → as shown
    for text in texts:
        for example in shown_examples(text):
            key = normalise(example)
            if not key or key in shown:
                continue
            shown[key] = example
            sectors = library.sectors_of(example)
            if sector in sectors:
                own = True
            elif sectors:
                problems.append(f"from {', '.join(sorted(sectors))}: {_excerpt(example, 120)}")
            else:
                problems.append(f"in no sector of the library: {_excerpt(example, 120)}")
    # Library examples shown without a label (in a reply, a hint...): found word for word.
    body = "\n".join("\n".join(unquoted_blocks(text)) for text in texts)
    for example, sectors in sorted(library.found_in(body).items()):
        if any(f" {example} " in f" {key} " for key in shown):
            continue  # already judged as a labelled example
        if sector in sectors:
            own = True
        else:
            problems.append(f"from {', '.join(sorted(sectors))}: {_excerpt(example, 120)}")
    if not shown and not own:
        problems.append("no example shown")
    score.examples_shown = [_excerpt(x, 200) for x in shown.values()]
    score.sector_problems = problems[:EXAMPLES]
    score.sector_matched = own and not problems


def score_voice(t: Transcript, sector: str = "", library: SectorLibrary | None = None) -> VoiceScore:
    """Every voice figure of one transcript (`sector`: the scenario's; `library`: the example library)."""
    score = VoiceScore()
    for i, e in enumerate(t.exchanges, 1):
        if not e.coach:
            continue
        score.reply_turns += 1
        copy = echoed(e.founder, e.coach)
        if copy:
            score.echo_turns += 1
            if len(score.echo_examples) < EXAMPLES:
                score.echo_examples.append(f"turn {i} ({e.question_id or '?'}): {_excerpt(copy)}")

    said = [s for turn in t.coach_turns() for m in turn for s in sentences(m.text)]
    counts = Counter(normalise(s) for s in said)
    score.sentences = len(said)
    score.repeated = sum(n for n in counts.values() if n > 1)
    score.repeated_share = score.repeated / score.sentences if score.sentences else None
    display = {normalise(s): s for s in said}
    score.repeated_examples = [f"×{n} {_excerpt(display[key])}" for key, n in counts.most_common() if n > 1][:EXAMPLES]

    _sector(t, sector, library, score)

    by_kind: Counter[str] = Counter()
    for where, text in founder_facing(t):
        for kind, token, start, end in internal_ids(text):
            by_kind[kind] += 1
            if len(score.internal_id_examples) < 2 * EXAMPLES:
                before = text[max(0, start - CONTEXT) : start]
                after = text[end : end + CONTEXT]
                context = _excerpt(f"{before}⟦{text[start:end]}⟧{after}", 2 * CONTEXT + 40)
                score.internal_id_examples.append(f"{where}: {kind} `{token}` — {context}")
    score.internal_ids = sum(by_kind.values())
    score.internal_ids_by_kind = dict(sorted(by_kind.items()))
    return score


# ---------------------------------------------------------------- aggregation


def aggregate_voice(scores: Sequence[VoiceScore]) -> dict[str, Any]:
    """report.json → aggregate.voice. Ratios are None when nothing was there to count."""
    reply_turns = sum(s.reply_turns for s in scores)
    shares = [s.repeated_share for s in scores if s.repeated_share is not None]
    counted = [s for s in scores if s.sector_in_library]
    matched = sum(bool(s.sector_matched) for s in counted)
    by_kind: Counter[str] = Counter()
    for s in scores:
        by_kind.update(s.internal_ids_by_kind)
    return {
        "verbatim_echo": sum(s.echo_turns for s in scores) / reply_turns if reply_turns else None,
        "echo_turns": sum(s.echo_turns for s in scores),
        "reply_turns": reply_turns,
        "repeated_sentences": {
            "mean": mean(shares) if shares else None,
            "max": max(shares) if shares else None,
            "sessions": len(shares),
        },
        "sector_examples": matched / len(counted) if counted else None,
        "sector_sessions": len(counted),
        "sector_matched": matched,
        "internal_ids": {
            "total": sum(s.internal_ids for s in scores),
            "sessions": sum(s.internal_ids > 0 for s in scores),
            "max_per_session": max((s.internal_ids for s in scores), default=0),
            "by_kind": dict(sorted(by_kind.items())),
        },
    }
