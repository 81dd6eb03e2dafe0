"""The room's text lives in prompts/<lang>/ui.yaml: every language holds the same keys, the modules give the same
words as before the move, and a catalogue missing a key fails loudly instead of falling back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assistant.canvas.versions import CanvasVersion
from assistant.domain import LANGUAGES
from assistant.prompts import PROMPTS_DIR
from assistant.ui import catalogue, history_view, texts
from assistant.ui.dashboard import texts as dashboard


def _keys(node: object, prefix: str = "") -> set[str]:
    if isinstance(node, dict):
        return set().union(*(_keys(v, f"{prefix}/{k}") for k, v in node.items())) if node else {prefix}
    return {prefix}


def _raw(lang: str, prompts_dir: Path = PROMPTS_DIR) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((prompts_dir / lang / catalogue.FILE).read_text(encoding="utf-8"))


def test_every_language_holds_the_same_keys() -> None:
    first, *others = LANGUAGES
    for lang in others:
        assert _keys(_raw(lang)) == _keys(_raw(first))
    loaded = catalogue.catalogues()
    assert set(loaded) == set(LANGUAGES)
    for section in ("room", "history", "canvas_view", "fieldwork", "tab", "dashboard", "account", "signup", "notes"):
        assert all(section in _raw(lang) for lang in LANGUAGES), section


def test_texts_come_out_as_before() -> None:
    assert texts.t("fr", "starter.start") == "Je démarre mon canvas"
    assert texts.t("en", "action.export.tip") == "Download the canvas as Markdown and JSON"
    assert texts.t("en", "export_browser_failed") == "Your browser could not save this file. Try again, or click " \
                                                     "\"Export\" again."
    assert texts.t("xx", "coach") == "Coach"  # an unknown language reads as French, as before
    assert texts.match_starter("Start my canvas") == ("start", "en")
    assert dashboard.t("fr", "refused.403") == \
        "Cette page est réservée aux mentors et aux administrateurs de la cohorte."
    assert dashboard.t("en", "spend_line").format(calls=3, tokens=40) == "Model spend: 3 calls, 40 tokens"
    assert dashboard.type_name("en", "untyped") == "not typed yet"
    assert history_view.text("fr", "compare", a=1, b=3) == "Comparer v1 et v3"
    assert history_view.history_markdown([], "en", None) == \
        "The canvas has no version yet: the first one is made at the first summary."  # type: ignore[arg-type]
    assert history_view.when("not a date", "fr") == "date inconnue"
    assert history_view.COLUMNS["en"]["diff"] == ("Segment", "Field")


def test_history_diff_uses_the_catalogue() -> None:
    v1 = CanvasVersion(number=1, at="2026-01-01T00:00:00+00:00", content={"segments": []}, changes=None)
    v2 = CanvasVersion(number=2, at="2026-01-02T00:00:00+00:00", content={"segments": []}, changes=None)
    assert history_view.diff_markdown(v1, v2, "fr") == "**Version 1 → version 2**\n\nAucune différence entre ces " \
                                                       "deux versions."


def test_the_modules_catalogues_are_keyed_by_language_and_unknown_ones_are_key_errors() -> None:
    assert list(texts.TEXTS) == list(LANGUAGES) and len(texts.TEXTS) == len(LANGUAGES)
    with pytest.raises(KeyError):
        texts.TEXTS["de"]


def _copy(tmp_path: Path) -> Path:
    for lang in LANGUAGES:
        (tmp_path / lang).mkdir()
        shutil.copy(PROMPTS_DIR / lang / catalogue.FILE, tmp_path / lang / catalogue.FILE)
    return tmp_path


def _write(prompts_dir: Path, lang: str, data: dict) -> None:  # type: ignore[type-arg]
    (prompts_dir / lang / catalogue.FILE).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_copy_of_the_catalogues_loads(tmp_path: Path) -> None:
    assert catalogue.catalogues(_copy(tmp_path))["en"].room["coach"] == "Coach"


def test_a_key_missing_from_one_language_fails_loudly(tmp_path: Path) -> None:
    prompts_dir = _copy(tmp_path)
    data = _raw("en", prompts_dir)
    del data["room"]["action.skip"]
    _write(prompts_dir, "en", data)
    with pytest.raises(catalogue.CatalogueError, match="room/action.skip: missing in en"):
        catalogue.catalogues(prompts_dir)


def test_a_missing_section_or_field_fails_loudly(tmp_path: Path) -> None:
    prompts_dir = _copy(tmp_path)
    data = _raw("fr", prompts_dir)
    del data["notes"]["author"]
    _write(prompts_dir, "fr", data)
    with pytest.raises(catalogue.CatalogueError, match="author"):
        catalogue.catalogues(prompts_dir)


def test_different_placeholders_or_empty_texts_fail(tmp_path: Path) -> None:
    prompts_dir = _copy(tmp_path)
    data = _raw("en", prompts_dir)
    data["history"]["texts"]["compare"] = "Compare v{a}"
    _write(prompts_dir, "en", data)
    with pytest.raises(catalogue.CatalogueError, match="history/texts/compare"):
        catalogue.catalogues(prompts_dir)
    data["history"]["texts"]["compare"] = ""
    _write(prompts_dir, "en", data)
    with pytest.raises(catalogue.CatalogueError):
        catalogue.catalogues(prompts_dir)
