"""The lexicon is checked when a session's context is built: a language folder that misses a file, or a
file with an unknown or missing key, fails then with every problem named, never mid-session."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

import assistant.lexicon as lexicon
from assistant.lexicon import MissingLanguage, languages
from assistant.lexicon.check import FILES, LexiconError, check_lexicon


def test_the_shipped_languages_hold_every_file_and_each_validates() -> None:
    check_lexicon(("fr", "en"))
    for language in ("fr", "en"):
        assert {p.stem for p in (lexicon.LEXICON_DIR / language).glob("*.yaml")} == set(FILES)


def test_a_configured_language_without_a_folder_fails_with_the_folders_that_exist() -> None:
    with pytest.raises(MissingLanguage, match="available: en, fr"):
        check_lexicon(("fr", "de"))


def test_an_incomplete_language_folder_is_reported_file_by_file(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    for language in ("fr", "en"):
        shutil.copytree(lexicon.LEXICON_DIR / language, tmp_path / language)
    shutil.copytree(lexicon.LEXICON_DIR / "en", tmp_path / "xx")  # a third language, started from English
    (tmp_path / "xx" / "roles.yaml").unlink()
    groups = tmp_path / "xx" / "groups.yaml"
    groups.write_text(groups.read_text(encoding="utf-8") + "\nunexpected_key: [a]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    with pytest.raises(LexiconError) as raised:
        check_lexicon(("fr", "en", "xx"))
    message = str(raised.value)
    assert f"{tmp_path / 'xx' / 'roles.yaml'}: missing" in message
    assert "xx/groups.yaml" in message and "unexpected_key" in message
    assert "fr/" not in message and "en/" not in message  # the complete folders are not blamed


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_is_strict_and_holds_the_same_keys_in_every_language(name: str) -> None:
    model: type[BaseModel] = FILES[name]
    for language in languages():
        data: dict[str, Any] = yaml.safe_load((lexicon.LEXICON_DIR / language / f"{name}.yaml").read_text("utf-8"))
        assert set(data) == set(model.model_fields), (language, name)
        model.model_validate(data)
        with pytest.raises(ValidationError):
            model.model_validate({k: v for k, v in data.items() if k != next(iter(data))})
        with pytest.raises(ValidationError):
            model.model_validate({**data, "unknown_words": ["x"]})
