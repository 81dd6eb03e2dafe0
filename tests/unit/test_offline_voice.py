"""What the offline coach says, as the founder reads it: the closing summary does not repeat word for word
what the session already said, and a FAQ answer keeps a source's bullet list as a list (FR and EN)."""

from __future__ import annotations

import asyncio

import pytest

from assistant.canvas import Canvas, Segment
from assistant.canvas.models import Critique, OpenQuestion
from assistant.canvas.render import LABELS, canvas_markdown
from assistant.coach.offline import OfflineCoach, summary_text
from assistant.prompts import Prompts
from assistant.retrieval.passage import Passage

EXPLAIN = {"fr": "Les marchés évoluent : une segmentation figée vieillit vite.",
           "en": "Markets move: a fixed segmentation ages fast."}


def _canvas(lang: str) -> Canvas:
    buyer = "le gérant de chaque boutique" if lang == "fr" else "the owner of each shop"
    user = "le vendeur" if lang == "fr" else "the clerk"
    return Canvas(
        language=lang, startup="x", focus_segment="A",
        segments=[Segment(name="A", buyer=buyer, user=user, characteristics=["one", "two"]),
                  Segment(name="B", buyer=buyer, user=user, characteristics=["one", "two"], pains=["slow"])],
        critiques=[Critique(mistake_id="never_revisited", question_id="most_important", title="Frozen",
                            message=EXPLAIN[lang])],
        open_questions=[OpenQuestion(question_id="jobs", text="What jobs are they trying to get done?")],
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_summary_does_not_repeat_what_the_session_said(lang: str) -> None:
    prompts = Prompts()
    canvas = _canvas(lang)
    summary = summary_text(prompts, canvas, lang)
    # The critique's explanation and the open question's wording were said during the session.
    assert EXPLAIN[lang] not in summary and "What jobs are they" not in summary
    assert "**Frozen**" in summary and prompts.text(lang, "topics.jobs") in summary
    # A field equal to an earlier segment's says so instead of listing it again.
    buyer_line = f"**{LABELS[lang]['buyer']}**: {canvas.segments[0].buyer}"
    assert summary.count(buyer_line) == 1 and summary.count("  - one") == 1
    assert ("comme pour A" if lang == "fr" else "same as for A") in summary
    # A word or two is clearer said again than pointed to.
    assert summary.count(f"**{LABELS[lang]['user']}**: {canvas.segments[0].user}") == 2
    # The export keeps everything: it is read outside the session.
    export = canvas_markdown(canvas)
    assert EXPLAIN[lang] in export and "What jobs are they" in export and export.count("  - one") == 2


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_faq_answer_keeps_a_sources_bullet_list(lang: str) -> None:
    opening = "A segment review does not need to be heavy. " * 5
    items = "- **Pull the numbers** by segment.\n- **Re-interview five customers**, one who left."
    text = f"{opening}Once a quarter:\n{items}"
    passage = Passage(chunk_id="doc#review", document="Doc", section="Review", language=lang, text=text)
    answer = asyncio.run(OfflineCoach(Prompts(), embed=None).answer_question("How often?", [passage], lang))
    direct, source = answer.text.split("📖")
    # The direct answer is the prose before the list; the list is quoted whole, one item a line.
    assert "Pull the numbers" not in direct and direct.startswith("A segment review")
    assert "> - **Pull the numbers** by segment.\n> - **Re-interview five customers**, one who left." in source
