"""Sectors and the sector example library, as the evaluation suite reads them.

`SECTOR_IDS` is the one list of sector ids of the evaluation suite: the `sector` of a scenario file is
validated against it (evals/scenario.py), and tests/unit/test_voice.py checks that the library files
`prompts/<lang>/examples.yaml` use exactly these ids once they exist. The library's shape:

    sectors:
      <sector id>:
        label: ...
        description: ...
        examples: {intake: "« ... »", for_whom: "« ... »", ..., priority: "« ... »"}

`voice.sector_examples` (evals/voice.py) checks that the examples a session showed come from the
scenario's sector: a shown example belongs to a sector when it contains one of the sector's examples,
or is contained in one, or nearly equals one, after normalisation (`normalise`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import yaml

from assistant.domain import LANGUAGES
from evals.textutil import fold

# The sector ids of prompts/fr/examples.yaml and prompts/en/examples.yaml (same ids in both languages).
SECTOR_IDS: tuple[str, ...] = (
    "food",
    "retail",
    "healthcare",
    "education",
    "software",
    "finance",
    "insurance",
    "mobility",
    "logistics",
    "travel",
    "energy",
    "agriculture",
    "construction",
    "hr",
    "media",
    "sport",
    "real_estate",
    "pets",
    "nonprofit",
)
# The questions each sector has an example for.
EXAMPLE_KEYS: tuple[str, ...] = (
    "intake",
    "for_whom",
    "most_important",
    "characteristics",
    "jobs",
    "pains",
    "gains",
    "buyer_user",
    "evidence",
    "priority",
)
LIBRARY_FILE = "examples.yaml"
NEAR = 0.9  # SequenceMatcher ratio above which a shown example is the library's, slightly edited
MIN_WORDS = 4  # shorter texts are never matched by containment (too easy to find by chance)

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


class LibraryError(ValueError):
    """An examples file that does not have the library's shape; the message names the file."""


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation (quotes, guillemets, apostrophes), single spaces."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def _contains(haystack: str, needle: str) -> bool:
    """Word-aligned containment of two normalised texts."""
    return bool(needle) and f" {needle} " in f" {haystack} "


def near(shown: str, example: str) -> bool:
    """`shown` (normalised) is `example` (normalised), or contains it, or is a long enough part of it,
    or nearly equals it."""
    if not shown or not example:
        return False
    if _contains(shown, example) and len(example.split()) >= MIN_WORDS:
        return True
    if _contains(example, shown) and len(shown.split()) >= MIN_WORDS:
        return True
    matcher = SequenceMatcher(None, shown, example, autojunk=False)
    return matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR


class SectorLibrary:
    """Example texts per sector (both languages together), normalised for matching."""

    def __init__(self, examples: Mapping[str, Iterable[str]], files: Iterable[Path] = ()) -> None:
        self.examples: dict[str, list[str]] = {s: [t for t in texts if t.strip()] for s, texts in examples.items()}
        self.files = [str(f) for f in files]
        self._normalised = {s: sorted({normalise(t) for t in texts} - {""}) for s, texts in self.examples.items()}

    def __bool__(self) -> bool:
        return any(self.examples.values())

    def __contains__(self, sector: object) -> bool:
        return isinstance(sector, str) and bool(self.examples.get(sector))

    @property
    def sectors(self) -> list[str]:
        return sorted(s for s, texts in self.examples.items() if texts)

    def sectors_of(self, shown: str) -> set[str]:
        """The sectors one of whose examples `shown` is (near-exact, after normalisation)."""
        text = normalise(shown)
        return {s for s, examples in self._normalised.items() if any(near(text, e) for e in examples)}

    def found_in(self, text: str) -> dict[str, set[str]]:
        """Library examples that appear word for word (after normalisation) anywhere in `text`:
        example text → its sectors."""
        body = normalise(text)
        hits: dict[str, set[str]] = {}
        for sector, examples in self._normalised.items():
            for example in examples:
                if len(example.split()) >= MIN_WORDS and _contains(body, example):
                    hits.setdefault(example, set()).add(sector)
        return hits


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError("an example is a string (or a list of strings)")


def parse_library(data: Any, source: str = "<library>") -> dict[str, list[str]]:
    """Sector id → example texts, from the content of one examples.yaml file."""
    if not isinstance(data, dict) or not isinstance(data.get("sectors"), dict):
        raise LibraryError(f"{source}: expected a mapping with a 'sectors' mapping")
    out: dict[str, list[str]] = {}
    for sector, node in data["sectors"].items():
        if not isinstance(node, dict):
            raise LibraryError(f"{source}: sectors.{sector} must be a mapping")
        examples = node.get("examples") or {}
        if not isinstance(examples, dict):
            raise LibraryError(f"{source}: sectors.{sector}.examples must be a mapping of question id → example")
        texts: list[str] = []
        for key, value in examples.items():
            try:
                texts += _texts(value)
            except TypeError as exc:
                raise LibraryError(f"{source}: sectors.{sector}.examples.{key}: {exc}") from exc
        out[str(sector)] = texts
    return out


def load_library(prompts_dir: Path | None = None, languages: Iterable[str] = LANGUAGES) -> SectorLibrary:
    """The library of `prompts_dir/<lang>/examples.yaml` (default: the project's prompts/), both languages
    merged by sector. A missing file contributes nothing (an empty library scores no session)."""
    if prompts_dir is None:
        from assistant.prompts import PROMPTS_DIR

        prompts_dir = PROMPTS_DIR
    merged: dict[str, list[str]] = {}
    files = []
    for lang in languages:
        path = Path(prompts_dir) / lang / LIBRARY_FILE
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise LibraryError(f"{path}: {exc}") from exc
        for sector, texts in parse_library(data, str(path)).items():
            merged.setdefault(sector, []).extend(texts)
        files.append(path)
    return SectorLibrary(merged, files)


def library_ids(prompts_dir: Path | None = None, languages: Iterable[str] = LANGUAGES) -> dict[str, list[str]]:
    """The sector ids of each existing library file (path → ids), for the consistency test."""
    if prompts_dir is None:
        from assistant.prompts import PROMPTS_DIR

        prompts_dir = PROMPTS_DIR
    out = {}
    for lang in languages:
        path = Path(prompts_dir) / lang / LIBRARY_FILE
        if path.is_file():
            out[str(path)] = list(parse_library(yaml.safe_load(path.read_text(encoding="utf-8")), str(path)))
    return out


def write_cue_vectors() -> tuple[int, Path]:
    """Embed the cues of the project's library (assistant/examples.py) into prompts/vectors/, the bundle the
    coach reads: run `python -m evals.sectors` after editing a sector's description. (count, path)"""
    from assistant.examples import BUNDLE, Examples, write_cue_bundle
    from assistant.prompts import PROMPTS_DIR
    from assistant.text.vectors import embed_queries

    path = PROMPTS_DIR / BUNDLE
    return write_cue_bundle(Examples(PROMPTS_DIR, embed_queries), path), path


HEAD_C = 10.0  # inverse regularisation of the sector head (1, 10, 100 tried: 56, 59, 58 of 73 scenario pitches)


def write_sector_head() -> tuple[int, Path]:
    """Train the sector head (multinomial logistic regression over e5 query vectors of every cue and example
    pitch, assistant/examples.py) and save it into prompts/vectors/: run `python -m evals.sectors` after
    editing a description or `sector_pitches.yaml`. (texts trained on, path)"""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from assistant.examples import HEAD, Examples, SectorHead, training_key, training_texts
    from assistant.prompts import PROMPTS_DIR
    from assistant.text.vectors import embed_queries

    ids, texts = training_texts(Examples(PROMPTS_DIR, embed_queries))
    model = LogisticRegression(C=HEAD_C, max_iter=3000).fit(embed_queries(texts), ids)
    head = SectorHead(np.asarray(model.coef_), np.asarray(model.intercept_), [str(c) for c in model.classes_],
                      training_key(ids, texts))
    head.save(PROMPTS_DIR / HEAD)
    return len(texts), PROMPTS_DIR / HEAD


if __name__ == "__main__":
    print("{} cue vectors written to {}".format(*write_cue_vectors()))
    print("sector head trained on {} texts, written to {}".format(*write_sector_head()))
