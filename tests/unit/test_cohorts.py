"""Cohorts' pure rules, without a database: who sees whose sessions, the dashboard's figures from canvases,
roster CSV checks, invite codes, the CSV export's cells and the charts' SVG."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.canvas import Canvas
from assistant.canvas.models import Critique, Segment, SessionMetadata
from assistant.cohorts.models import CohortError, Member, code_hash, cohort_name, new_code
from assistant.cohorts.overview import SessionFacts, analytics, founder_rows, progress_by_day
from assistant.cohorts.roster import read_roster
from assistant.cohorts.visibility import cohorts_for, may_see, viewer
from assistant.session import Moment, Progress
from assistant.ui.auth import normalize_username
from assistant.ui.dashboard.exports import table_csv

ALICE = Member("alice@x.org", "founder", "a")
CAROL = Member("carol@x.org", "founder", "b")


def test_who_sees_whose_sessions() -> None:
    founder, mentor = viewer("alice@x.org", ALICE), viewer("mona@x.org", Member("mona@x.org", "mentor", "a"))
    admin, nobody = viewer("adam@x.org", Member("adam@x.org", "admin", None)), viewer("zed@x.org", None)
    assert may_see(founder, "alice@x.org", ALICE) and not may_see(founder, "carol@x.org", CAROL)
    assert may_see(mentor, "alice@x.org", ALICE) and not may_see(mentor, "carol@x.org", CAROL)
    assert not may_see(mentor, "loner@x.org", None)
    assert may_see(admin, "carol@x.org", CAROL) and may_see(admin, "loner@x.org", None)
    assert nobody.role == "founder" and not nobody.may_use_dashboard and not may_see(nobody, "alice@x.org", ALICE)
    assert cohorts_for(mentor, ["a", "b"]) == ["a"] and cohorts_for(admin, ["a", "b"]) == ["a", "b"]
    assert cohorts_for(founder, ["a", "b"]) == []


def _facts(owner: str, thread: str, canvas: Canvas, index: int, moments: list[tuple[str, int]],
           done: bool = False) -> SessionFacts:
    timeline = [Moment(at=at, progress=Progress(index=i, total=10)) for at, i in moments]
    return SessionFacts(thread, owner, "a", "", canvas, index, 10, done, timeline)


def test_rows_and_analytics_from_canvases() -> None:
    broad = Critique(mistake_id="too_broad", question_id="for_whom", message="m")
    canvas = Canvas(segments=[Segment(name="Clinics", segment_type="niche_market", validation="validated"),
                              Segment(name="Everyone", draft=True),
                              Segment(name="Patients", validation="assumption")],
                    critiques=[broad, broad.model_copy(update={"resolved": True}),
                               Critique(mistake_id="not_validated", question_id="evidence", message="m")],
                    metadata=SessionMetadata(model_calls=4, prompt_tokens=300, completion_tokens=50))
    old = Canvas(critiques=[Critique(mistake_id="demographics_only", question_id="for_whom", message="m")],
                 metadata=SessionMetadata(model_calls=1, prompt_tokens=10, completion_tokens=5))
    found = [_facts("alice@x.org", "t1", old, 2, [("2026-03-01T10:00:00+00:00", 2)]),
             _facts("alice@x.org", "t2", canvas, 6, [("2026-03-02T10:00:00+00:00", 3),
                                                       ("2026-03-03T09:00:00+00:00", 6)]),
             _facts("bob@x.org", "t3", Canvas(), 1, [("2026-03-03T12:00:00+00:00", 1)], done=True)]
    rows = founder_rows(found)
    alice = rows[0]
    assert (alice.founder, alice.sessions, alice.thread_id, alice.segments) == ("alice@x.org", 2, "t2", 2)
    assert alice.validation == {"validated": 1, "assumption": 1} and alice.percent == 50
    assert alice.open_critiques == {"too_broad": 1, "not_validated": 1}
    assert (alice.model_calls, alice.tokens) == (5, 365) and rows[1].percent == 100
    figures = analytics(found)
    assert figures.founders == 2 and dict(figures.mistakes) == {"too_broad": 2, "not_validated": 1}
    assert dict(figures.segment_types) == {"niche_market": 1, "untyped": 1}
    assert (figures.segments, figures.with_evidence, figures.evidence_share) == (2, 1, 0.5)
    assert [d for d, _ in figures.progress] == [date(2026, 3, 2), date(2026, 3, 3)]
    assert progress_by_day([]) == []


def test_progress_over_time_carries_each_founder_forward() -> None:
    found = [_facts("a", "1", Canvas(), 5, [("2026-03-01T10:00:00+00:00", 1), ("2026-03-01T11:00:00+00:00", 5)]),
             _facts("b", "2", Canvas(), 3, [("2026-03-03T10:00:00+00:00", 3)])]
    assert progress_by_day(found) == [(date(2026, 3, 1), 40.0), (date(2026, 3, 2), 40.0), (date(2026, 3, 3), 30.0)]


def test_roster_rows_are_all_checked_before_anything() -> None:
    rows = read_roster("email,role,cohort\nAlice@X.org,,a\nmona@x.org,mentor,a\nzoe@x.org,admin,\n",
                       normalize_username, {"a"})
    assert [(r.username, r.role, r.cohort, r.generated) for r in rows] == [
        ("alice@x.org", "founder", "a", True), ("mona@x.org", "mentor", "a", True), ("zoe@x.org", "admin", None, True)]
    with pytest.raises(CohortError) as refused:
        read_roster("email,role,cohort,password\nx@x.org,founder,zz,\nx@x.org,founder,a,\ny@x.org,boss,a,\n"
                    "w@x.org,founder,a,short\n,,,\n", normalize_username, {"a"})
    text = str(refused.value)
    assert all(f"line {n}" in text for n in (2, 3, 4, 5)) and "line 6" not in text
    with pytest.raises(CohortError, match="header"):
        read_roster("alice@x.org,founder,a\n", normalize_username, {"a"})
    with pytest.raises(CohortError, match="unknown column"):
        read_roster("email,team\nalice@x.org,a\n", normalize_username, {"a"})


def test_invite_codes_and_cohort_names() -> None:
    code = new_code()
    assert code_hash(code) == code_hash(code.lower().replace("-", " ")) and code not in code_hash(code)
    with pytest.raises(CohortError):
        code_hash("0000-1111-OOOO")  # look-alike characters are never in a code
    assert cohort_name(" Spring-26 ") == "spring-26"
    with pytest.raises(CohortError):
        cohort_name("")


def test_csv_cells_never_run_as_formulas() -> None:
    from assistant.cohorts.overview import FounderRow

    row = FounderRow("=cmd@x.org", "a", 1, "t", 10, 0, {}, {"too_broad": 2}, "", 0, 0)
    text = table_csv([row])
    assert "'=cmd@x.org" in text and "too_broad:2" in text


def test_charts_are_svg_with_their_labels_as_text() -> None:
    from assistant.ui.dashboard import charts

    svg = charts.bars([("Segment too broad", 3), ("Demographics only", 1)], "Most frequent mistakes")
    assert svg.startswith("<svg") and "Segment too broad" in svg and "<script" not in svg
    assert "42 %" in charts.share(42, 100, ("with", "without"), "evidence")
    assert charts.progress_line([(date(2026, 3, 1), 20.0)], "progress").startswith("<svg")


def test_an_oauth_provider_turns_accounts_on(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.settings import Settings
    from assistant.ui import access

    assert access.oauth_configured({"OAUTH_GITHUB_CLIENT_ID": "x"})
    assert not access.oauth_configured({"OAUTH_GITHUB_CLIENT_ID": "", "OAUTH_PROMPT": "login"})
    settings = Settings(COACH_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    assert access.resolve(settings, "127.0.0.1").local
    monkeypatch.setenv("OAUTH_GENERIC_CLIENT_ID", "coach-client")
    chosen = access.resolve(settings, "127.0.0.1")
    assert chosen.mode == "accounts" and chosen.oauth and "OAuth" in chosen.note


def test_every_founder_and_mentor_facing_text_exists_in_french_and_english(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if "chainlit.config" not in __import__("sys").modules:  # importing Chainlit writes its app root: not here
        monkeypatch.setenv("CHAINLIT_APP_ROOT", str(tmp_path))
    from assistant.ui.dashboard import account, notes, signup
    from assistant.ui.dashboard.texts import TEXTS
    from assistant.ui.tab import CAP_NOTICE

    for catalogue in (TEXTS, signup.TEXTS, account.TEXTS, notes.HEADINGS, CAP_NOTICE):
        assert set(catalogue) == {"fr", "en"}
        fr, en = catalogue["fr"], catalogue["en"]
        if isinstance(fr, dict) and isinstance(en, dict):
            assert set(fr) == set(en) and all(fr.values()) and all(en.values())
