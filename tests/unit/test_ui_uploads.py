"""Interview notes attached to a message in the room: text and Markdown files are read whole, with what was
typed first; other files are left alone; a file that cannot be read is skipped, never a crash."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from assistant.interviews.notes import NOTES_LIMIT
from assistant.ui.uploads import attached_notes


def test_text_files_are_read_with_the_typed_words(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("Entretien 1 — Léa\n- Elle jette le pain rassis.\n", encoding="utf-8")
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG")
    elements = [SimpleNamespace(path=str(notes), mime="text/markdown", name="notes.md"),
                SimpleNamespace(path=str(image), mime="image/png", name="photo.png")]
    assert attached_notes(elements, "Mes notes") == "Mes notes\n\nEntretien 1 — Léa\n- Elle jette le pain rassis."


def test_no_text_file_means_an_ordinary_message(tmp_path: Path) -> None:
    assert attached_notes(None, "Bonjour") is None
    assert attached_notes([SimpleNamespace(path=str(tmp_path / "x.png"), mime="image/png", name="x.png")]) is None
    gone = SimpleNamespace(path=str(tmp_path / "missing.txt"), mime="text/plain", name="missing.txt")
    assert attached_notes([gone], "typed") is None  # unreadable: skipped, the message is read as typed


def test_a_long_file_is_kept_up_to_the_notes_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Entretien 1\n" + "- une ligne de notes.\n" * 5000, encoding="utf-8")
    text = attached_notes([SimpleNamespace(path=str(big), mime="", name="big.txt")])
    assert text is not None and len(text) == NOTES_LIMIT
