"""Revisiting a finished canvas in a real browser (the default local room, offline coach), FR and EN: the
revisit button and one button per question, the reopened question answered, version 2 announced, the history
with a side-by-side diff (a rendered table, founder text as typed), and exports that carry the version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Room
from tests.e2e.test_ui_browser import LABELS, _question_marks
from tests.e2e.walks import finished_session, local_room

pytestmark = pytest.mark.e2e

TEXT = {
    "fr": {"revisit": "Revoir une question", "history": "Historique", "pains": "6. leurs douleurs",
           "answer": "Le pain livré arrive parfois froid, et les parents perdent 10 minutes à le réchauffer.",
           "added": "+ Le pain livré arrive parfois froid", "saved": "Canevas : version 2 enregistrée",
           "files": ["canevas-segments-v2.md", "canevas-segments-v2.json"]},
    "en": {"revisit": "Revisit a question", "history": "History", "pains": "6. their pains",
           "answer": "The bread sometimes arrives cold, and parents lose 10 minutes warming it up.",
           "added": "+ The bread sometimes arrives cold", "saved": "Canvas: version 2 saved",
           "files": ["customer-segments-v2.md", "customer-segments-v2.json"]},
}


@pytest.fixture(scope="module")
def revisit_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                 output_dir: Path) -> Iterator[Room]:
    with local_room(request, tmp_path_factory, output_dir, "revisit-room") as started:
        yield started


# In French only, for CI's time (add ("en", "en-US") to walk it in English too): the English revisit runs through
# processes in tests/integration/test_revisit_versions.py and on the LLM coach in test_llm_revisit.py.
@pytest.mark.parametrize(("lang", "locale"), [("fr", "fr-FR")])
def test_reopen_a_question_then_see_version_2_side_by_side(revisit_room: Room, browser: Any, output_dir: Path,
                                                          lang: str, locale: str) -> None:
    text = TEXT[lang]
    context, page, founder = finished_session(browser, revisit_room, lang, locale)

    # The revisit button offers every question, each its own button; the chosen one is asked again.
    last = founder.messages.nth(founder.messages.count() - 1)
    last.get_by_role("button", name=text["revisit"]).click()
    choice = page.get_by_role("button", name=text["pains"])
    choice.wait_for(timeout=30_000)
    before = founder.messages.count()
    choice.click()
    reopened = founder.wait_turn(before)
    assert _question_marks(lang)["pains"] in reopened
    assert not founder.done()

    # The answer changes the segment; the summary comes back with version 2 announced.
    after = founder.send(text["answer"])
    assert text["saved"] in after and founder.done()

    # The history: the versions, then the two versions side by side, as rendered tables.
    shown = founder.click_last(text["history"])
    message = founder.messages.nth(founder.messages.count() - 1)
    tables = message.locator("table")
    assert tables.count() == 2, shown
    diff = tables.nth(1)
    headers = [h.inner_text().strip() for h in diff.locator("th").all()]
    assert headers[-2:] == ["v1", "v2"]
    # Items added are in bold (Chainlit renders Markdown's strong emphasis as a bold span).
    added = diff.locator(".font-bold, strong", has_text=text["added"])
    assert added.count() >= 1 and added.first.is_visible(), diff.inner_text()[:2000]
    assert "{" not in diff.inner_text()  # every field as the founder reads it, never a JSON blob
    message.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / f"room-history-diff-{lang}.png"))
    founder.no_script_ran()

    # Exports carry the version, in the file names and in the file.
    founder.click_last(LABELS[lang]["export"])
    assert founder.export_names() == text["files"]
    markdown = founder.download("md", output_dir / f"export-v2-{lang}.md").read_text(encoding="utf-8")
    assert "*Version 2*" in markdown and text["answer"].split(",")[0] in markdown
    context.close()
