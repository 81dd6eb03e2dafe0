"""The renderers' labels live in `assistant/lexicon/<lang>/labels.yaml`, read through a strict model."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from assistant.canvas.field_names import MORE_LABELS
from assistant.canvas.render import LABELS, TYPE_NAMES
from assistant.personas.render import LABELS as PERSONA_LABELS
from assistant.text.data_files import LEXICON_DIR as LABELS_DIR
from assistant.text.labels import Labels


def _data(language: str) -> dict[str, dict[str, str]]:
    return yaml.safe_load((LABELS_DIR / language / "labels.yaml").read_text(encoding="utf-8"))


def test_both_languages_have_the_same_keys() -> None:
    fr, en = _data("fr"), _data("en")
    assert list(fr) == list(en)
    for section in fr:
        assert list(fr[section]) == list(en[section]), section


def test_labels_read_through_the_modules_names_are_as_before() -> None:
    assert LABELS["fr"]["title"] == "Canevas — Segments de clientèle"
    assert LABELS["en"]["same_as"] == "same as for {name}"
    assert LABELS["fr"]["draft"] == "brouillon : groupe encore trop large"
    assert TYPE_NAMES["fr"]["multi_sided"] == "plateforme multi-faces"
    assert MORE_LABELS["en"]["quote"] == "Quote"
    assert PERSONA_LABELS["fr"]["moment"] == "Une journée, un moment d'achat"
    assert PERSONA_LABELS["en"]["corrected"] == "added by you"
    assert sorted(LABELS) == ["en", "fr"]
    with pytest.raises(KeyError):
        LABELS["de"]  # noqa: B018


def test_the_mappings_are_read_only() -> None:
    with pytest.raises(TypeError):
        LABELS["fr"]["title"] = "x"  # type: ignore[index]


def test_a_missing_key_fails() -> None:
    data = _data("fr")
    del data["canvas"]["pains"]
    with pytest.raises(ValidationError):
        Labels.model_validate(data)


def test_an_unknown_key_fails() -> None:
    data = _data("en")
    data["personas"]["nickname"] = "Nickname"
    with pytest.raises(ValidationError):
        Labels.model_validate(data)
