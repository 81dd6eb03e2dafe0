"""Private files under the data dir: written whole or not at all, readable by their owner only."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_private_json(path: Path, data: Any, prefix: str = ".tmp-") -> None:
    """Write `data` as indented UTF-8 JSON to `path`, atomically (a temporary file in the same folder,
    mode 0600, then `os.replace`): a reader sees the old file or the new one, never half of it.

    Creates the parent folder. Raises `OSError` when the folder cannot be written, `TypeError` when
    `data` is not JSON-serialisable; the temporary file is removed in both cases."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
