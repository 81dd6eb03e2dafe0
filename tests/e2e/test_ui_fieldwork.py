"""After the session, in a real browser (the default local room, offline coach), FR and EN: the personas in the
canvas panel, the interview kit from its button (with its Markdown file), three interview notes pasted in one
message, the verdicts with the quoted lines, the proposed change accepted, the contradicted question reopened,
and the summary back with a new canvas version. Screenshots for the README."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Room
from tests.e2e.test_ui_browser import _question_marks
from tests.e2e.walks import finished_session, local_room

pytestmark = pytest.mark.e2e

TEXT = {
    "fr": {"kit": "Kit d'entretiens", "kit_title": "Kit d'entretiens clients", "kit_file": "kit-entretiens.md",
           "notes": ("Entretien 1 — Claire, mère de deux enfants\n"
                     "- Le matin elle n'a pas le temps de passer à la boulangerie, elle dépose les enfants à 8h.\n"
                     "- Le pain n'est jamais rassis chez elle : elle le congèle le soir même.\n\n"
                     "Entretien 2 — Marc, père\n"
                     "- Pas le temps de passer à la boulangerie avant le travail, il y va le samedi.\n"
                     "- Le pain rassis ne le dérange pas, il fait du pain perdu.\n\n"
                     "Entretien 3 — Inès\n"
                     "- Elle n'a pas le temps le matin : la boulangerie ouvre à 7h30, elle part à 7h15."),
           "read": "J'ai lu **3 entretien(s)**".replace("**", ""), "contradicted": "Contredit",
           "quoted": "Le pain rassis ne le dérange pas", "yes": "oui",
           "answer": "Pas le temps de passer à la boulangerie le matin ; le détour avant l'école.",
           "saved": "Canevas : version"},
    "en": {"kit": "Interview kit", "kit_title": "Customer interview kit", "kit_file": "interview-kit.md",
           "notes": ("Interview 1 - Claire, mother of two\n"
                     "- No time to stop at the bakery in the morning, she drops the kids at 8.\n"
                     "- The bread is never stale at home: she freezes it the same evening.\n\n"
                     "Interview 2 - Mark, father\n"
                     "- No time to stop at the bakery before work, he goes on Saturdays.\n"
                     "- Stale bread is not a problem for him, he makes French toast.\n\n"
                     "Interview 3 - Ines\n"
                     "- She has no time to stop at the bakery: it opens at 7.30 and she leaves at 7.15."),
           "read": "I read 3 interview(s)", "contradicted": "Contradicted",
           "quoted": "Stale bread is not a problem for him", "yes": "yes",
           "answer": "No time to stop at the bakery in the morning; the detour before school.",
           "saved": "Canvas: version"},
}


@pytest.fixture(scope="module")
def fieldwork_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                   output_dir: Path) -> Iterator[Room]:
    with local_room(request, tmp_path_factory, output_dir, "fieldwork-room") as started:
        yield started


@pytest.mark.parametrize(("lang", "locale"), [("fr", "fr-FR"), ("en", "en-US")])
def test_personas_kit_notes_and_a_reopened_question(fieldwork_room: Room, browser: Any, output_dir: Path,
                                                     lang: str, locale: str) -> None:
    text = TEXT[lang]
    context, page, founder = finished_session(browser, fieldwork_room, lang, locale)

    # The personas are in the side panel, each field with its mark, the empty ones listed.
    persona = founder.panel().locator('[data-testid="canvas-persona"]')
    persona.first.wait_for(timeout=30_000)
    assert persona.count() >= 1
    assert founder.panel().locator('[data-testid="canvas-persona-empty"]').count() >= 1
    persona.first.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / f"room-personas-{lang}.png"))

    # The interview kit: a message and its Markdown file.
    kit = founder.click_last(text["kit"])
    assert text["kit_title"] in kit and "Mom Test" in kit
    assert founder.export_names() == [text["kit_file"]]
    saved = founder.download("md", output_dir / f"interview-kit-{lang}.md").read_text(encoding="utf-8")
    assert saved.startswith(f"# {text['kit_title']}")

    # Three interviews at once, pasted (FR) or attached as a Markdown file (EN): verdicts with the lines quoted,
    # a change proposed.
    if lang == "en":
        notes_file = output_dir / "interview-notes-en.md"
        notes_file.write_text(text["notes"], encoding="utf-8")
        before = founder.messages.count()
        # The message box sends nothing while a file is still uploading: wait for the upload to be stored.
        with page.expect_response(lambda r: "/project/file" in r.url and r.ok, timeout=60_000):
            page.set_input_files("#upload-button-input", str(notes_file))
        page.get_by_text("interview-notes-en.md").first.wait_for(timeout=30_000)
        page.fill("#chat-input", "Here are my interview notes.")
        page.keyboard.press("Enter")
        read = founder.wait_turn(before)
    else:
        read = founder.send(text["notes"])
    assert text["read"] in read and text["contradicted"] in read and text["quoted"] in read
    message = founder.messages.nth(founder.messages.count() - 2)
    message.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / f"room-interview-notes-{lang}.png"))

    # Accepted: the contradicted pain leaves the canvas and its question is asked again.
    reopened = founder.send(text["yes"])
    assert _question_marks(lang)["pains"] in reopened and not founder.done()
    back = founder.send(text["answer"])
    assert text["saved"] in back and founder.done()
    founder.no_script_ran()
    context.close()
