"""A fault in the reading of an answer never fails the founder's turn, and words typed without their
apostrophe ("cest", "dont", "im") keep the token counts the readers slice by (a session crashed on
"nos clients cest les salaries. cest eux qui paient…" before)."""

from __future__ import annotations

import logging

import pytest

from assistant.canvas import Canvas, Segment
from assistant.coach.base import TurnContext
from assistant.coach.offline import OfflineCoach
from assistant.prompts import Prompts
from assistant.text.tokens import tokenise
from assistant.text.vectors import embed_queries


@pytest.mark.parametrize("text", [
    "nos clients cest les salaries. cest eux qui paient leur mutuelle et qui l'utilisent",
    "im sure, thats it, jai demande",
    "theyre the ones paying, youre right, ive checked, isnt it, wont change",
])
def test_a_slice_of_the_text_that_ends_on_a_token_has_as_many_tokens(text: str) -> None:
    # ("dont" is read from the word after it: "dont know" is two tokens, "dont le" one; a slice that cuts
    # between them cannot know, and the readers clamp their spans for that case)
    tokens = tokenise(text)
    for k, token in enumerate(tokens):
        assert len(tokenise(text[:token.end])) == k + 1, (text[:token.end], k)


@pytest.mark.parametrize(("lang", "answer"), [
    ("fr", "nos clients cest les salaries. cest eux qui paient leur mutuelle et qui l'utilisent, donc acheteur "
           "et utilisateur cest pareil chez nous"),
    ("en", "our customers are the staff. its them who pay, theyre the ones using it, so its the same, dont know"),
])
def test_a_buyer_user_answer_typed_without_apostrophes_is_read(lang: str, answer: str) -> None:
    canvas = Canvas(language=lang, startup="A health plan that companies buy for their staff",  # type: ignore[arg-type]
                    segments=[Segment(name="Startups"), Segment(name="Agencies")])
    turn = TurnContext(question_id="buyer_user", answer=answer, language=lang, canvas=canvas)  # type: ignore[arg-type]
    analysis = OfflineCoach(Prompts(), embed=embed_queries).analyse_sync(turn)
    assert analysis.usable and analysis.updates


def test_a_fault_in_the_reading_keeps_the_turn_going(caplog: pytest.LogCaptureFixture) -> None:
    def broken(texts: list[str]) -> object:
        raise IndexError("a reader's bug")

    canvas = Canvas(language="en", startup="x", segments=[Segment(name="Bakeries")])  # type: ignore[arg-type]
    turn = TurnContext(question_id="pains", answer="flour prices, early mornings", language="en",  # type: ignore[arg-type]
                       canvas=canvas)
    with caplog.at_level(logging.ERROR, logger="assistant.coach"):
        analysis = OfflineCoach(Prompts(), embed=broken).analyse_sync(turn)  # type: ignore[arg-type]
    assert analysis.usable and not analysis.findings
    assert "reading the pains answer failed" in caplog.text
