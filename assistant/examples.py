"""Worked examples by sector (`prompts/<lang>/examples.yaml`): the coach shows a founder examples from
their own sector, picked by the similarity of their pitch to each sector's cues.

A sector's `description` is a list of cues (trades, customers, products: "restaurants, caterers,
bakeries..."), split at commas and the like; each cue is embedded on its own and a sector scores the mean
of its `TOP_CUES` cues closest to the pitch. One vector for a whole description drowns each cue in the
rest (e5 similarities of a pitch to 19 such vectors differ by a few thousandths): "nursing units in
hospitals" matched HR's rota software, "a free app for hyperlocal news" retail. Cue vectors of the shipped
library are precomputed in `prompts/vectors/` (`python -m evals.sectors` refreshes them; a test fails when
they are stale), so a session pays one embedding, the pitch's.

The cues say whether the pitch is close to any sector at all (`MIN_SIMILARITY`); which sector it is comes
from a linear head over the pitch's vector (`HEAD`, multinomial logistic regression), trained by
`python -m evals.sectors` on example founder pitches (`prompts/<lang>/sector_pitches.yaml`, 24 per sector and
language, written for this from the kinds of startups each sector holds) and the cues. On the 73 scenario
pitches that name a sector (none of them trained on) the head picks the labelled sector for 59, the nearest
cues for 53 (2026-12-02). Without the head file the nearest cues pick.

The generic examples of `prompts/<lang>/offline.yaml` remain the fallback when no sector is close enough.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict

from assistant.domain import Language
from assistant.text.bundles import load_vector_bundle, vector_key

Embed = Callable[[list[str]], np.ndarray]
TOP_CUES = 4  # a sector's score: the mean similarity of its 4 cues closest to the pitch
# Score (multilingual-e5-small query vectors) under which the pitch is said to fit no sector. e5
# similarities are compressed: on the 57 scenario pitches that name a sector, the best sector scored 0.81 to
# 0.88; a generic pitch ("an app to help people") scores about 0.84 and gets a sector all the same.
MIN_SIMILARITY = 0.80
BUNDLE = Path("vectors") / "sector-cues-e5-small.npz"  # under the prompts folder
HEAD = Path("vectors") / "sector-head-e5-small.npz"  # weights (sectors, 384), bias, sector ids, training key
_CUE_SPLIT = re.compile(r"[,;:]| et | and | ou | or ")


class SectorExamples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    description: str
    examples: dict[str, str]


class SectorLibrary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sectors: dict[str, SectorExamples]


@lru_cache(maxsize=8)
def load_library(prompts_dir: Path, language: str) -> SectorLibrary:
    """The sector library of one language; raises FileNotFoundError or pydantic.ValidationError."""
    path = prompts_dir / language / "examples.yaml"
    return SectorLibrary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


class Examples:
    """Pick a sector for a pitch, and give the sector's example for a question (or "" when none)."""

    def __init__(self, prompts_dir: Path, embed: Embed | None, languages: tuple[Language, ...] = ("fr", "en"),
                 bundle: Path | None = None, head: Path | None = None) -> None:
        """`embed` gives query vectors (None: no sector is ever picked); `bundle`, precomputed cue vectors
        made by that same function (`write_cue_bundle`), read when present; `head`, the sector head
        (`SectorHead.save`), read when present."""
        self.prompts_dir = prompts_dir
        self.embed = embed
        self.languages = languages
        self.bundle = bundle
        self.head = SectorHead.load(head)
        self._cues: tuple[np.ndarray, np.ndarray] | None = None

    def sector_ids(self) -> list[str]:
        return list(load_library(self.prompts_dir, self.languages[0]).sectors)

    def cues(self) -> tuple[list[str], list[str]]:
        """(sector ids, cue texts): one row per cue of each sector's description, in every language."""
        ids: list[str] = []
        texts: list[str] = []
        for lang in self.languages:
            for sector_id, sector in load_library(self.prompts_dir, lang).sectors.items():
                for cue in split_cues(sector.description):
                    ids.append(sector_id)
                    texts.append(cue)
        return ids, texts

    def _cue_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        if self._cues is None:
            assert self.embed is not None
            ids, texts = self.cues()
            known = load_cue_bundle(self.bundle)
            missing = sorted({t for t in texts if cue_key(t) not in known})
            if missing:
                known |= {cue_key(t): v for t, v in zip(missing, self.embed(missing), strict=True)}
            self._cues = np.array(ids), np.stack([known[cue_key(t)] for t in texts])
        return self._cues

    def scores(self, pitch: str, vector: np.ndarray | None = None) -> dict[str, float]:
        """Sector id → the mean similarity of its `TOP_CUES` cues closest to the pitch (an embedding function
        must be set; `vector`, the pitch's query vector when already computed)."""
        assert self.embed is not None
        ids, vectors = self._cue_vectors()
        similarity = vectors @ (self.embed([pitch])[0] if vector is None else vector)
        return {sector: float(np.sort(similarity[ids == sector])[-TOP_CUES:].mean()) for sector in dict.fromkeys(ids)}

    def sector_for(self, pitch: str) -> str:
        """The pitch's sector id: the head's pick (the nearest cues' without a head, or when the head knows
        other sectors than the library), or "" when no embedding function is set, the pitch is empty, or no
        sector's cues reach `MIN_SIMILARITY`."""
        if self.embed is None or not pitch.strip():
            return ""
        vector = self.embed([pitch])[0]
        scores = self.scores(pitch, vector)
        best = max(scores, key=lambda s: scores[s])
        if scores[best] < MIN_SIMILARITY:
            return ""
        head = self.head
        if head is not None and set(head.sectors) == set(scores) and head.weights.shape[1:] == vector.shape:
            return head.sector(vector)
        return best  # no head, or one made for other sectors or another embedding model: the nearest cues

    def example(self, language: Language, sector: str, question_id: str) -> str:
        """The sector's worked example for the question, "" when the sector or question has none."""
        if not sector:
            return ""
        entry = load_library(self.prompts_dir, language).sectors.get(sector)
        return entry.examples.get(question_id, "") if entry else ""


class SectorHead:
    """A linear head over a pitch's query vector: `weights` (sectors, dim), `bias` (sectors,), `sectors` (ids,
    in the rows' order), `key` (what it was trained on: `training_key`)."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, sectors: list[str], key: str) -> None:
        self.weights, self.bias, self.sectors, self.key = weights, bias, sectors, key

    def sector(self, vector: np.ndarray) -> str:
        return self.sectors[int(np.argmax(self.weights @ vector + self.bias))]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
                            sectors=np.array(self.sectors), key=np.array(self.key))

    @classmethod
    def load(cls, path: Path | None) -> SectorHead | None:
        """The head saved at `path`; None when there is none or it cannot be read (the cues pick then)."""
        if path is None or not path.exists():
            return None
        try:
            with np.load(path) as data:
                return cls(data["weights"], data["bias"], [str(s) for s in data["sectors"]], str(data["key"]))
        except (OSError, ValueError, KeyError):
            return None


@lru_cache(maxsize=8)
def load_pitches(prompts_dir: Path, language: str) -> dict[str, list[str]]:
    """Example founder pitches by sector id (`prompts/<lang>/sector_pitches.yaml`, `sectors: {id: [pitch]}`);
    {} when the file is absent. Raises pydantic.ValidationError on a malformed file."""
    path = prompts_dir / language / "sector_pitches.yaml"
    if not path.exists():
        return {}
    return SectorPitches.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))).sectors


class SectorPitches(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sectors: dict[str, list[str]]


def training_texts(examples: Examples) -> tuple[list[str], list[str]]:
    """(sector ids, texts) the head learns from: every cue and every example pitch, in every language."""
    ids, texts = examples.cues()
    for lang in examples.languages:
        for sector_id, pitches in load_pitches(examples.prompts_dir, lang).items():
            ids += [sector_id] * len(pitches)
            texts += pitches
    return ids, texts


def training_key(ids: list[str], texts: list[str]) -> str:
    """What a head was trained on: the model's version and every (sector, text) pair, hashed."""
    return vector_key("sector-head", "\n".join(f"{i}\t{t}" for i, t in zip(ids, texts, strict=True)))


def split_cues(description: str) -> list[str]:
    """The cues of a sector description: its comma-, colon- or 'and'-separated phrases."""
    return [c.strip(" .") for c in _CUE_SPLIT.split(description) if c.strip(" .")]


def cue_key(text: str) -> str:
    """The bundle key of a cue's query vector: the model's version and the text."""
    return vector_key("query", text)


def load_cue_bundle(path: Path | None) -> dict[str, np.ndarray]:
    """Bundled cue vectors by `cue_key`; {} when there is no bundle or it cannot be read."""
    return load_vector_bundle(path)


def write_cue_bundle(examples: Examples, path: Path) -> int:
    """Embed every cue of the library with `examples.embed` and save the vectors to `path`; the count."""
    assert examples.embed is not None
    texts = sorted(set(examples.cues()[1]))
    vectors = examples.embed(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **{cue_key(t): np.asarray(v, dtype=np.float32)  # type: ignore[arg-type]
                                 for t, v in zip(texts, vectors, strict=True)})
    return len(texts)

