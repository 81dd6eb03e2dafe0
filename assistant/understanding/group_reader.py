"""Reading the customer groups an answer names: candidate fragments (`group_fragments`), each read by a
small classifier as the start of a new group, the continuation of the previous one (a qualifier: "with
kids aged 8 to 12", "and hate packing"), a group deferred to later ("brands later", "labs in Q3"), or no
group at all (a comparison, a partner, filler). A fragment is read with the words around it: its e5 vector,
its neighbours' (before and after), and the vector of the previous fragment and this one as the founder
wrote them (the pair shows whether "and want a weekly game" goes on or "and Germans who…" starts anew),
plus grammatical cues (`lexicon/<lang>/grammar.yaml`).

The weights (`models/groups.npz`, a multinomial logistic regression) are trained on the corpus's train
split by `coach understanding train [--groups-only]`; without them, the rule reader
(`grouping.split_groups`) is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.text.lists import untable
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.group_anaphora import attach_dependents, without_restatements
from assistant.understanding.group_boundaries import dash_asides, mark_boundaries, qualified
from assistant.understanding.group_check import OPENERS, distinct, excluded, trim
from assistant.understanding.group_coordination import join_coordinated
from assistant.understanding.group_deferrals import FUTURE, defer_listed, deferral_relabel, deferred_after
from assistant.understanding.group_descriptions import descriptions_relabel
from assistant.understanding.group_focus import focus_on_part, labelled_line, members_after_colon, things_after_colon
from assistant.understanding.group_fragments import SENTENCE, SEPARATORS, Fragment, fragments
from assistant.understanding.group_narrowing import narrowing_relabel
from assistant.understanding.group_openings import (
    after_modal,
    blank_clefts,
    framed_openings,
    lone_opened,
    no_group_openings,
    unclefted,
)
from assistant.understanding.group_orphans import orphans_relabel
from assistant.understanding.group_parts import announced_parts, announced_split
from assistant.understanding.group_predicate import before_predicate
from assistant.understanding.group_relabel import relabel
from assistant.understanding.group_repeats import names_a_thing, one_per_customer
from assistant.understanding.target_frame import founders_answer, unframe

GROUPS_MODEL_PATH = Path(__file__).resolve().parent / "models" / "groups.npz"
LABELS = ("new", "cont", "deferred", "none")
Embed = Callable[[list[str]], np.ndarray]


@dataclass
class GroupReading:
    groups: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)  # groups set aside ("les très gros domaines : pas eux")


def _opener(text: str) -> np.ndarray:

    tokens = tokenise(text)
    first = tokens[0].norm if tokens else ""
    flags = [first in words for words in OPENERS.values()]
    return np.array([*flags, first.isdigit()], dtype=np.float32)


def _rule_marks(answer: str, frags: list[Fragment]) -> np.ndarray:
    """Where the rule reader puts groups: a fragment opening one, or inside one."""
    from assistant.understanding.grouping import split_groups

    spans = []
    for group in split_groups(answer):
        at = answer.find(group)
        if at >= 0:
            spans.append((at, at + len(group)))
    marks = []
    for frag in frags:
        opens = any(abs(frag.start - a) <= 3 for a, _ in spans)
        inside = not opens and any(a < frag.start < b for a, b in spans)
        marks.append((opens, inside))
    return np.array(marks, dtype=np.float32).reshape(len(frags), 2)


_LISTING = frozenset(("comma", "and", "comma_and", "or", "also", "plus", "plus_word", "slash", "semicolon", "numbered"))


def _has(phrases: list[str], padded: str) -> bool:
    return any(f" {p} " in padded for p in phrases)


def _cues(frag: Fragment, answer: str, next_separator: str) -> np.ndarray:
    """Grammatical cues (`assistant/lexicon/<lang>/grammar.yaml`): a deferral, a platform side announced,
    the founder speaking of themselves, a clause opened by a pronoun, a fragment inside parentheses,
    a determiner after a list separator (a new noun phrase in a list), a fragment that ends on a colon
    (a label: "Cible secondaire :", "owners side:") and a phrase with its own qualifier."""
    from assistant.lexicon import all_grammar_words
    from assistant.text.tokens import normalise

    words = all_grammar_words()
    padded = f" {normalise(frag.text)} "
    first = padded.split()[0] if padded.strip() else ""
    in_parens = answer.count("(", 0, frag.start) > answer.count(")", 0, frag.start)
    determiner_in_list = first in OPENERS["determiner"] and frag.separator in _LISTING
    deferral = _has(words.deferral, padded) or bool(FUTURE.search(padded))
    return np.array([deferral, _has(words.sides, padded), _has(words.first_person, padded),
                     first in words.subject_pronouns, in_parens, determiner_in_list, next_separator == "colon",
                     qualified(frag.text)], dtype=np.float32)


def fragment_features(embed: Embed, frags: list[Fragment], answer: str) -> np.ndarray:
    """Rows: [fragment vector, previous fragment vector, next fragment vector, vector of the previous fragment
    and this one as written, separator one-hot, first in sentence, length, grammatical opener, rule reader
    marks, grammatical cues]. `embed` is called once, on the distinct texts."""
    if not frags:
        return np.zeros((0, 0), dtype=np.float32)
    texts = [f.text for f in frags]
    # each fragment with the one before it, as the founder wrote them: the pair shows whether it goes on
    pairs = [answer[frags[i - 1].start:f.end] if i and not f.first_in_sentence else f.text
             for i, f in enumerate(frags)]
    unique = list(dict.fromkeys(texts + pairs))
    every = dict(zip(unique, embed(unique), strict=True))
    vectors, pair_vectors = [every[t] for t in texts], [every[t] for t in pairs]
    zero = np.zeros_like(vectors[0])
    rows = []
    marks = _rule_marks(answer, frags)
    for i, frag in enumerate(frags):
        prev = vectors[i - 1] if i > 0 and not frag.first_in_sentence else zero
        nxt = vectors[i + 1] if i + 1 < len(frags) and not frags[i + 1].first_in_sentence else zero
        nxt_sep = frags[i + 1].separator if i + 1 < len(frags) else "sentence"
        sep = np.array([frag.separator == s for s in SEPARATORS], dtype=np.float32)
        extra = np.array([frag.first_in_sentence, min(len(frag.text.split()), 20) / 10], dtype=np.float32)
        rows.append(np.concatenate([vectors[i], prev, nxt, pair_vectors[i], sep, extra, _opener(frag.text) * 2,
                                    marks[i] * 2, _cues(frag, answer, nxt_sep) * 2]))
    return np.stack(rows).astype(np.float32)


@dataclass(frozen=True)
class GroupModel:
    weights: np.ndarray  # (features, len(LABELS))
    bias: np.ndarray  # (len(LABELS),)
    train_hash: str = ""  # SHA-256 of the train split's group files it was fitted on (`evals.corpus.split_hash`)

    def labels(self, x: np.ndarray) -> list[str]:
        if not len(x):
            return []
        return [LABELS[int(i)] for i in np.argmax(x @ self.weights + self.bias, axis=1)]


def save_group_model(path: Path, model: GroupModel) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, weights=model.weights.astype(np.float32), bias=model.bias.astype(np.float32),
                        train_hash=np.array(model.train_hash))


@lru_cache(maxsize=2)
def load_group_model(path: Path = GROUPS_MODEL_PATH) -> GroupModel | None:
    if not path.exists():
        return None
    with np.load(path) as data:
        trained_on = str(data["train_hash"]) if "train_hash" in data.files else ""
        return GroupModel(data["weights"], data["bias"], trained_on)


def assemble(answer: str, frags: list[Fragment], labels: list[str]) -> GroupReading:
    """Groups from labelled fragments (`new`/`deferred` opens one, `cont` extends it), grammar checks first."""
    labels = descriptions_relabel(frags, relabel(frags, deferral_relabel(frags, labels, answer), answer))
    labels = join_coordinated(frags, narrowing_relabel(frags, attach_dependents(frags, labels, answer)), answer)
    labels = labelled_line(frags, members_after_colon(frags, things_after_colon(frags, focus_on_part(frags, labels))))
    labels = announced_split(frags, defer_listed(frags, mark_boundaries(frags, labels)), answer)
    labels = orphans_relabel(frags, no_group_openings(frags, dash_asides(frags, labels)))
    reading = GroupReading()
    spans: list[tuple[str, int, int]] = []
    current: int | None = None
    for frag, label in zip(frags, labels, strict=True):
        if label in ("new", "deferred"):
            spans.append((label, frag.start, frag.end))
            current = len(spans) - 1
        elif label == "cont" and current is not None:
            kind, start, _ = spans[current]
            spans[current] = (kind, start, frag.end)
        else:
            current = None
    for i, (kind, start, end) in enumerate(spans):
        # a side heading goes before any filler is trimmed ("Côté offre c'est les artisans": "côté" is one)
        text = trim(before_predicate(after_modal(unclefted(trim(unclefted(answer[start:end]))))))
        head, comma, rest = text.partition(", ")  # "…indépendantes je pense, en gros les…": no hedge in the head
        text = f"{head}{comma}{rest}" if comma and (head := trim(head)) else text
        if not text or names_a_thing(text):
            continue
        limit = _sentence_end(answer, end)
        if i + 1 < len(spans):
            limit = min(limit, spans[i + 1][1])
        if kind == "new" and excluded(answer, start, end, limit):
            reading.excluded.append(text)
            continue
        if kind == "new" and deferred_after(answer, end, limit, start):
            kind = "deferred"  # "les kinés et le reste, on verra une fois que ça tourne"
        (reading.deferred if kind == "deferred" else reading.groups).append(text)
    reading.groups = one_per_customer(answer, distinct(reading.groups))
    return reading


def _sentence_end(answer: str, at: int) -> int:
    m = SENTENCE.search(answer, at)
    return m.start() if m else len(answer)


def rule_reading(answer: str) -> GroupReading:
    """The rule reader's groups, with the same exclusion check and trimming as the model's."""
    from assistant.understanding.grouping import split_groups

    reading = GroupReading()
    for group in without_restatements(answer, split_groups(answer)):
        at = answer.find(group)
        if at >= 0 and excluded(answer, at, at + len(group), _sentence_end(answer, at + len(group))):
            reading.excluded.append(trim(group))
        elif at >= 0 and trim(group) and deferred_after(answer, at + len(group),
                                                        _sentence_end(answer, at + len(group))):
            reading.deferred.append(trim(group))
        elif trim(group):
            reading.groups.append(trim(group))
    reading.groups = one_per_customer(answer, reading.groups)
    return reading


def read_group_list(answer: str, embed: Embed | None, model: GroupModel | None = None) -> GroupReading:
    """The groups and deferred groups an answer names. Falls back to the rule reader without weights."""
    model = model or load_group_model()
    framed = blank_clefts(founders_answer(untable(answer)))
    answer = unframe(framed)  # "the two that pay are X", "our customers are X": the group is X
    frags = fragments(answer)
    if model is None or embed is None or not frags:
        return rule_reading(answer)
    x = fragment_features(embed, frags, answer)
    if x.shape[1] != model.weights.shape[0]:  # weights of another feature set: never crash a turn on them
        return rule_reading(answer)
    labels = framed_openings(frags, lone_opened(frags, model.labels(x)), framed, answer)
    reading = assemble(answer, frags, labels)
    parts = announced_parts(answer, reading.groups)
    if parts:
        return GroupReading(parts, reading.deferred, reading.excluded)
    if reading.groups or "new" not in labels:
        return reading
    rules = rule_reading(answer)  # the model found no group the checks keep: the rule reader's, checked
    # not a list read as put off ("the guesthouses, the caterers, we'll see…"; one before "le reste on verra" stays)
    put_off = [normalise(d) for d in reading.deferred] if len(reading.deferred) > 1 else []
    kept = [g for g in rules.groups if not any(d in normalise(g) or normalise(g) in d for d in put_off)]
    return GroupReading(kept, reading.deferred, reading.excluded + rules.excluded)
