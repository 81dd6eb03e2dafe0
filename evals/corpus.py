"""The understanding corpus (evals/corpus/): labelled founder answers, loaded strictly, and the
matching rules the scorer uses (see evals/corpus/README.md)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from assistant.domain import Language, MistakeId, QuestionId

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
Split = Literal["train", "heldout", "heldout2"]
Task = Literal["mistakes", "groups", "buyer_user"]  # a split's files by the reading they label
Source = Literal["canvas_example", "forum", "teaching", "accelerator", "blog", "guide", "trap", "scenario"]


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    lang: Language
    source: Source
    question: QuestionId
    pitch: str = ""
    earlier: dict[QuestionId, str] = Field(default_factory=dict)
    answer: str


class MistakeItem(Item):
    mistakes: list[MistakeId]


class GroupItem(Item):
    groups: list[str]
    deferred: list[str] = Field(default_factory=list)


class BuyerUserItem(Item):
    buyer: str = ""
    user: str = ""
    same: bool = False


class Corpus(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mistakes: list[MistakeItem] = Field(default_factory=list)
    groups: list[GroupItem] = Field(default_factory=list)
    buyer_user: list[BuyerUserItem] = Field(default_factory=list)


def _load(path: Path, model: type[Item]) -> list:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise ValueError(f"{path}: a corpus file holds a YAML list")
    return [model.model_validate(item) for item in data]


def load_corpus(split: Split, root: Path = CORPUS_DIR) -> Corpus:
    """Every file of one split: `mistakes-*.yaml`, `groups-*.yaml`, `buyer_user-*.yaml`."""
    folder = root / split
    corpus = Corpus(
        mistakes=[i for f in sorted(folder.glob("mistakes-*.yaml")) for i in _load(f, MistakeItem)],
        groups=[i for f in sorted(folder.glob("groups-*.yaml")) for i in _load(f, GroupItem)],
        buyer_user=[i for f in sorted(folder.glob("buyer_user-*.yaml")) for i in _load(f, BuyerUserItem)],
    )
    ids = [i.id for i in (*corpus.mistakes, *corpus.groups, *corpus.buyer_user)]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"{folder}: duplicate ids {dupes[:5]}")
    return corpus


def split_hash(split: Split = "heldout", root: Path = CORPUS_DIR, task: Task | None = None) -> str:
    """SHA-256 over the split's files (names and bytes, sorted): frozen in `<split>.sha256` for the held-apart
    splits. With `task`, over that task's files only (`mistakes-*.yaml`...): what one model was fitted on,
    so that adding group items does not stale the mistake heads."""
    digest = hashlib.sha256()
    for path in sorted((root / split).glob(f"{task}-*.yaml" if task else "*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# ---------------------------------------------------------------- matching (README, "Matching rules")

STOP_WORDS = frozenset(
    """le la les l un une des de du d a au aux en et ou the a an of and or to for in on with some our their
    nos notre leurs leur ces ce cette mes my your vos votre their its qui que who that which whose
    mainly mostly surtout principalement plutot genre like say""".split()
)
PREFIX = 5
OVERLAP = 0.5


def content_words(text: str) -> set[str]:
    """Lower-cased, accent-free words minus articles and stop words, cut to their first 5 letters."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", folded)
    return {w[:PREFIX] for w in words if w not in STOP_WORDS}


def overlaps(label: str, predicted: str) -> bool:
    """Shared content words are at least half of the shorter side's; two empty sides match."""
    a, b = content_words(label), content_words(predicted)
    if not a and not b:
        return True
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= OVERLAP


def groups_match(label: list[str], predicted: list[str]) -> bool:
    """Same number of groups, paired one to one so that each pair overlaps (README's rule)."""
    if len(label) != len(predicted):
        return False

    def assign(i: int, free: frozenset[int]) -> bool:
        if i == len(label):
            return True
        return any(overlaps(label[i], predicted[j]) and assign(i + 1, free - {j}) for j in free)

    return assign(0, frozenset(range(len(predicted))))
