"""Question order, pure routers and the reading of founder messages."""

import pytest

from assistant.graph.nodes.listen import decide_language
from assistant.graph.routers import route_after_ask, route_after_turn, route_reading
from assistant.questions import FLOW, next_question, previous_question, progress
from assistant.understanding.intake import read_message


def test_flow_asks_the_six_key_questions_in_order():
    assert FLOW[1:7] == ("for_whom", "most_important", "characteristics", "jobs", "pains", "gains")


def test_priority_is_asked_whatever_the_segment_count():
    """With one segment too: its value and fit, and which groups come later or stay aside."""
    assert next_question("evidence") == "priority"
    assert next_question("priority") == "summary"
    assert previous_question("summary") == "priority"
    assert progress("evidence") == (9, 10)
    assert progress("priority") == (10, 10)


@pytest.mark.parametrize(
    ("kind", "done", "expected"),
    [("command", False, "command"), ("unknown_command", False, "command"), ("faq", False, "faq"),
     ("answer", False, "analyse"), ("answer", True, "fieldwork"), ("notes", True, "fieldwork"),
     ("notes", False, "fieldwork"), ("empty", False, "reject"),
     ("dont_know", False, "reject"), ("emoji_only", False, "reject"), ("other_language", False, "reject")],
)
def test_route_reading(kind, done, expected):
    assert route_reading({"reading": {"kind": kind}, "done": done}) == expected


def test_an_answer_goes_to_fieldwork_while_proposed_changes_wait() -> None:
    waiting = {"reading": {"kind": "answer"}, "done": False, "fieldwork": {"proposals": [{"number": 1}]}}
    assert route_reading(waiting) == "fieldwork"  # type: ignore[typeddict-item]


def test_a_revisit_request_comes_first():
    assert route_reading({"reading": {"kind": "command"}, "revisit_request": {"question": ""}}) == "revisit"
    assert route_reading({"reading": {"kind": "answer"}, "revisit_request": None}) == "analyse"


def test_routes_after_turn_and_ask():
    # `record` ends every turn (canvas versions), then `listen` waits.
    assert route_after_turn({"pending_ask": True}) == "ask"
    assert route_after_turn({"pending_ask": False}) == "record"
    assert route_after_ask({"question_id": "summary", "done": False}) == "summary"
    assert route_after_ask({"question_id": "summary", "done": True}) == "record"
    assert route_after_ask({"question_id": "jobs"}) == "record"


def test_language_follows_the_founder_but_does_not_flip_on_one_message():
    assert decide_language({"language": "fr", "question_id": "intake"}, "en") == ("en", 0)
    mid = {"language": "fr", "question_id": "jobs", "inbox": [{}], "answers": {"intake": "x"}}
    assert decide_language(mid, "en") == ("fr", 1)
    assert decide_language({**mid, "other_language_streak": 1}, "en") == ("en", 0)
    assert decide_language({**mid, "language_locked": True}, "en") == ("fr", 0)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("", "empty"), ("   \n ", "empty"), ("🚀🔥👍", "emoji_only"), ("/skip", "command"), ("/passer", "command"),
     ("canevas", "command"), ("/skp", "unknown_command"), ("/foo", "unknown_command"),
     ("B2B ou B2C ?", "faq"), ("Dois-je me concentrer sur un seul segment ?", "faq"),
     ("Should I focus on one segment?", "faq"),
     ("Je ne sais pas", "dont_know"), ("no idea tbh", "dont_know"),
     ("Wir verkaufen Software an kleine Unternehmen in Deutschland und Österreich", "other_language"),
     ("Les parents actifs du centre-ville qui partent tôt le matin", "answer")],
)
def test_read_message(text, kind):
    assert read_message(text, session_language="fr", max_chars=4000).kind == kind


def test_command_typo_gets_a_suggestion():
    reading = read_message("/skp", session_language="fr", max_chars=4000)
    assert reading.suggestion == "skip"


def test_long_message_is_capped_not_lost():
    text = "Les cabinets dentaires " * 1000
    reading = read_message(text, session_language="fr", max_chars=4000)
    assert reading.truncated and 3900 <= len(reading.text) <= 4000 and reading.length == len(text)
    assert text[len(reading.text)] == " "  # never cut inside a word


def test_long_paste_is_read_up_to_its_last_whole_sentence():
    text = "Les restaurants indépendants du centre-ville qui font tout eux-mêmes. " * 400
    reading = read_message(text, session_language="fr", max_chars=4000)
    assert reading.truncated and reading.text.endswith("eux-mêmes.")
