"""Reading the per-language data files of `assistant/lexicon/<lang>/`, in the bottom layer: the lexicon
package, and the typography and labels that the canvas and persona renderers (below the lexicon) read, all go
through here."""

from __future__ import annotations

from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built: ~5x faster


def read_data_file(path: Path) -> object:
    """The YAML data of `path` (a safe loader: plain data, no Python objects). Raises FileNotFoundError."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
