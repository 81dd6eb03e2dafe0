"""Shared steps of the browser walks that start after a whole session in the default local room."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import Room, _require_browser, start_room
from tests.e2e.test_ui_browser import LABELS, Founder


@contextmanager
def local_room(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, output_dir: Path,
               name: str) -> Iterator[Room]:
    """`coach ui` as a founder first starts it: no accounts, the local single-user mode."""
    _require_browser()
    with start_room(request, tmp_path_factory, output_dir, name, {}, {}, accounts=False) as started:
        yield started


def finished_session(browser: Any, room: Room, lang: str, locale: str) -> tuple[Any, Any, Founder]:
    """(context, page, founder) after a founder went through the whole session to its summary, in a new
    desktop browser context that accepts downloads; the caller closes the context."""
    context = browser.new_context(locale=locale, viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    founder = Founder(page, lang, room)
    founder.enter()
    founder.coach_through(founder.starter(LABELS[lang]["start"]))
    assert founder.done()
    return context, page, founder
