"""Score the understanding layer alone on the corpus: per mistake precision/recall/F1 (over the items in
the mistake's scope), group-list exact match, buyer/user accuracy, language detection accuracy.

The layer is called exactly as the offline coach calls it: `read_answer` (mistakes), `read_groups`,
`read_buyer_user`, with the item's pitch and earlier answers as the session so far.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from assistant.canvas import Canvas, Segment
from assistant.domain import MISTAKE_IDS, MISTAKE_SCOPES
from assistant.understanding.base import DetectionContext
from evals.corpus import BuyerUserItem, Corpus, GroupItem, Item, MistakeItem, groups_match, overlaps


def context_for(item: Item) -> DetectionContext:
    """The session as the coach would hold it when this answer arrives: pitch, earlier answers, the
    segments the earlier for-whom answer created."""
    from assistant.understanding.extract import groups_updates

    answers = {"intake": item.pitch, **{k: v for k, v in item.earlier.items()}} if item.pitch else dict(item.earlier)
    segments: list[Segment] = []
    if "for_whom" in item.earlier and item.question != "for_whom":
        segments = [Segment(name=u.segment, who=u.who) for u in groups_updates(item.earlier["for_whom"])]
    canvas = Canvas(language=item.lang, startup=item.pitch, segments=segments,
                    focus_segment=segments[0].name if segments else "")
    return DetectionContext(question_id=item.question, answer=item.answer, language=item.lang, canvas=canvas,
                            answers=answers)


MistakePredictor = Callable[[MistakeItem], set[str]]
GroupPredictor = Callable[[GroupItem], list[str]]
BuyerUserPredictor = Callable[[BuyerUserItem], tuple[str, str]]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0  # items in scope
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)


def score_mistakes(items: Sequence[MistakeItem], predict: MistakePredictor,
                   progress: Callable[[], None] | None = None) -> dict[str, Counts]:
    counts = {m: Counts() for m in MISTAKE_IDS}
    for item in items:
        predicted = predict(item)
        truth = set(item.mistakes)
        for mistake in MISTAKE_IDS:
            if item.question not in MISTAKE_SCOPES[mistake]:
                continue
            c = counts[mistake]
            c.support += 1
            hit, want = mistake in predicted, mistake in truth
            if hit and want:
                c.tp += 1
            elif hit:
                c.fp += 1
                c.errors.append(f"FP {item.id}: {item.answer[:100]}")
            elif want:
                c.fn += 1
                c.errors.append(f"FN {item.id}: {item.answer[:100]}")
        if progress:
            progress()
    return counts


def score_groups(items: Iterable[GroupItem], predict: GroupPredictor) -> tuple[float | None, list[str]]:
    right, total, errors = 0, 0, []
    for item in items:
        got = predict(item)
        total += 1
        if groups_match(item.groups, got):
            right += 1
        else:
            errors.append(f"{item.id}: want {item.groups} got {got}")
    return (right / total if total else None), errors


def score_buyer_user(items: Iterable[BuyerUserItem], predict: BuyerUserPredictor) -> tuple[float | None, list[str]]:
    right, total, errors = 0, 0, []
    for item in items:
        buyer, user = predict(item)
        total += 1
        if overlaps(item.buyer, buyer) and overlaps(item.user, user):
            right += 1
        else:
            errors.append(f"{item.id}: want ({item.buyer!r}, {item.user!r}) got ({buyer!r}, {user!r})")
    return (right / total if total else None), errors


def score_language(items: Iterable[Item], detect: Callable[[str], str]) -> tuple[float | None, list[str]]:
    right, total, errors = 0, 0, []
    for item in items:
        got = detect(item.answer)
        total += 1
        if got == item.lang:
            right += 1
        else:
            errors.append(f"{item.id}: {item.lang} read as {got}: {item.answer[:80]}")
    return (right / total if total else None), errors


def all_items(corpus: Corpus) -> list[Item]:
    return [*corpus.mistakes, *corpus.groups, *corpus.buyer_user]
