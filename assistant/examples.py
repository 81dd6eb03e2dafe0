"""Worked examples by sector (`prompts/<lang>/examples.yaml`): the coach shows a founder examples from
their own sector, picked by the similarity of their pitch to each sector's cues.

A sector's `description` is a list of cues (trades, customers, products: "restaurants, caterers,
bakeries..."), split at commas and the like; each cue is embedded on its own and a sector scores the mean
of its `TOP_CUES` cues closest to the pitch. One vector for a whole description drowns each cue in the
rest (e5 similarities of a pitch to 19 such vectors differ by a few thousandths): "nursing units in
hospitals" matched HR's rota software, "a free app for hyperlocal news" retail. Cue vectors of the shipped
library are precomputed in `prompts/vectors/` (`python -m evals.sectors` refreshes them; a test fails when
they are stale), so a session pays one embedding, the pitch's.

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
                 bundle: Path | None = None) -> None:
        """`embed` gives query vectors (None: no sector is ever picked); `bundle`, precomputed cue vectors
        made by that same function (`write_cue_bundle`), read when present."""
        self.prompts_dir = prompts_dir
        self.embed = embed
        self.languages = languages
        self.bundle = bundle
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

    def scores(self, pitch: str) -> dict[str, float]:
        """Sector id → the mean similarity of its `TOP_CUES` cues closest to the pitch (an embedding function
        must be set)."""
        assert self.embed is not None
        ids, vectors = self._cue_vectors()
        similarity = vectors @ self.embed([pitch])[0]
        return {sector: float(np.sort(similarity[ids == sector])[-TOP_CUES:].mean()) for sector in dict.fromkeys(ids)}

    def sector_for(self, pitch: str) -> str:
        """The sector id whose cues (in either language) are closest to the pitch, or "" when no embedding
        function is set, the pitch is empty, or no sector reaches `MIN_SIMILARITY`."""
        if self.embed is None or not pitch.strip():
            return ""
        scores = self.scores(pitch)
        best = max(scores, key=lambda s: scores[s])
        return best if scores[best] >= MIN_SIMILARITY else ""

    def example(self, language: Language, sector: str, question_id: str) -> str:
        """The sector's worked example for the question, "" when the sector or question has none."""
        if not sector:
            return ""
        entry = load_library(self.prompts_dir, language).sectors.get(sector)
        return entry.examples.get(question_id, "") if entry else ""


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

