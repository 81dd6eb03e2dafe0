"""The voice figures (evals/voice.py) on hand-made transcripts, the sector example library
(evals/sectors.py) on a fixture library, the readable Markdown transcripts and the voice thresholds."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from assistant.canvas import Canvas, Segment
from assistant.messages import CoachMessage
from evals.metrics import aggregate, score_run
from evals.report import build_report, to_markdown, write_report
from evals.scenario import Scenario, ScenarioError, load_scenario
from evals.sectors import SECTOR_IDS, LibraryError, SectorLibrary, library_ids, load_library
from evals.thresholds import DEFAULT_THRESHOLDS, check_thresholds, load_thresholds
from evals.transcript import Exchange, Transcript, quote_founder, transcript_markdown
from evals.voice import aggregate_voice, echoed, internal_ids, score_voice, sentences, shown_examples
from tests.unit.test_eval_fakes import make_scenario

FOUNDER = "Our customers are busy parents who work late and shop online every single week."


def coach(*texts: str, kind: str = "feedback") -> list[CoachMessage]:
    return [CoachMessage(kind=kind, text=t) for t in texts]  # type: ignore[arg-type]


def session(*replies: list[CoachMessage], founder: str = FOUNDER, opening=None, canvas=None) -> Transcript:
    return Transcript(
        scenario_id="s1",
        language="en",
        opening=opening or [],
        exchanges=[Exchange(question_id="for_whom", founder=founder, coach=r) for r in replies],
        canvas=canvas,
        done=True,
    )


# ---------------------------------------------------------------- verbatim echo


def test_eight_copied_words_are_an_echo_seven_are_not():
    eight = "So: busy parents who work late and shop online. Noted."
    seven = "So: busy parents who work late and shop. Noted."
    assert echoed(FOUNDER, coach(eight)) == "busy parents who work late and shop online"
    assert echoed(FOUNDER, coach(seven)) == ""
    v = score_voice(session(coach(eight), coach(seven)))
    assert (v.echo_turns, v.reply_turns) == (1, 2)
    assert v.echo_examples == ["turn 1 (for_whom): busy parents who work late and shop online"]


def test_echo_ignores_case_accents_and_punctuation_and_reports_the_longest_copy():
    founder = "Les parents pressés du centre-ville, qui partent tôt et rentrent tard le soir."
    reply = "Je note : LES PARENTS PRESSES du centre ville qui partent tot et rentrent tard !"
    assert echoed(founder, coach(reply)) == "les parents presses du centre ville qui partent tot et rentrent tard"


def test_a_quoted_echo_is_not_an_echo():
    quoted = f"You said:\n\n> {FOUNDER}\n\nWhich of them matters most?"
    assert echoed(FOUNDER, coach(quoted)) == ""
    # ...but the same words outside the quote are; and the quote does not glue the text around it.
    assert echoed(FOUNDER, coach(f"> {FOUNDER}\n{FOUNDER}"))
    assert (
        echoed("one two three four five six seven eight", coach("one two three four\n> x\nfive six seven eight")) == ""
    )


def test_the_whole_reply_counts_and_the_opening_is_not_a_reply():
    reply = coach("Thanks.", "Segments: busy parents who work late and shop online every week.")
    v = score_voice(session(reply, opening=coach(FOUNDER)))
    assert (v.echo_turns, v.reply_turns) == (1, 1)
    assert aggregate_voice([v, score_voice(session(coach("Thanks."), coach("Fine.")))])["verbatim_echo"] == 1 / 3


# ---------------------------------------------------------------- repeated sentences


def test_sentences_leave_out_headers_headings_quotes_and_short_ones():
    text = (
        "**Question 3/9** — Which of these customers matter most to you today?\n\n"
        "*Why*: Focus on one segment first.\n"
        "## A heading that is not a sentence\n"
        "> A quoted passage that is not the coach speaking.\n"
        "- A list item with enough words in it. Ok. Short one!\n"
        "- **Jobs to be done**:\n"
        "📖 *Prioriser ses segments — Tout le monde n'est pas votre client*\n"
        "**Segment too broad**: everyone is not a segment, pick one."
    )
    assert sentences(text) == [
        "Which of these customers matter most to you today?",
        "*Why*: Focus on one segment first.",
        "A list item with enough words in it.",
        "**Segment too broad**: everyone is not a segment, pick one.",
    ]


def test_repeated_sentences_share_per_session_and_mean_max():
    ask = "**Question {n}/9** — Who pays for it and who uses it?"
    t = session(
        coach("Thanks, that is a clear answer. " + ask.format(n=8)),
        coach("Thanks, that is a clear answer. Noted.", ask.format(n=8)),  # the founder asked again: still counts
        coach("A completely different sentence here."),
        opening=coach("Welcome to the coaching session today."),
    )
    v = score_voice(t)
    # 6 sentences: the welcome, 2 × "Thanks...", 2 × the question, 1 other; 4 are said twice or more.
    assert (v.sentences, v.repeated) == (6, 4)
    assert v.repeated_share == pytest.approx(4 / 6)
    assert v.repeated_examples[0].startswith("×2 ")
    clean = score_voice(session(coach("A completely different sentence here.")))
    assert clean.repeated_share == 0.0
    agg = aggregate_voice([v, clean, score_voice(session(coach("Ok.")))])  # no sentence: not in the mean
    assert agg["repeated_sentences"] == {"mean": pytest.approx(1 / 3), "max": pytest.approx(4 / 6), "sessions": 2}


# ---------------------------------------------------------------- internal identifiers


def test_ids_in_a_summary_are_found_and_counted():
    summary = (
        "## Summary\n"
        "- `too_broad` (resolved): pick one group [prioriser-ses-segments#pas-tout-le-monde]\n"
        "- (evidence) How many customers did you talk to?\n"
        "- Still open: « for_whom », see [a#b, doc-two#section-3]\n"
        "Type: niche_market. Then buyer_user and not_validated."
    )
    found = internal_ids(summary)
    assert [(k, i) for k, i, _, _ in found] == [
        ("mistake_id", "too_broad"),
        ("chunk_id", "prioriser-ses-segments#pas-tout-le-monde"),
        ("question_id", "evidence"),
        ("question_id", "for_whom"),
        ("chunk_id", "a#b"),
        ("chunk_id", "doc-two#section-3"),
        ("segment_type", "niche_market"),
        ("question_id", "buyer_user"),
        ("mistake_id", "not_validated"),
    ]
    v = score_voice(session(coach(summary, kind="summary")))
    assert v.internal_ids == 9
    assert v.internal_ids_by_kind == {"chunk_id": 3, "mistake_id": 2, "question_id": 3, "segment_type": 1}
    assert v.internal_id_examples[0].startswith("turn 1 summary: mistake_id `too_broad` — ")
    assert "⟦too_broad⟧" in v.internal_id_examples[0]


def test_natural_words_are_not_ids():
    text = (
        "Quels « jobs » (tâches, objectifs) essaient-ils d'accomplir ? What evidence do you have? "
        "Your pains and gains, in priority order. See https://example.com/guide#pains and [the guide](x#y). "
        "Intake done; a summary follows. Segmented markets."
    )
    assert internal_ids(text) == []


def test_the_final_canvas_is_scanned(monkeypatch):
    import assistant.canvas.render as render

    monkeypatch.setattr(render, "canvas_markdown", lambda canvas: "- (gains) open question\n- `one_sided_platform`")
    canvas = Canvas(language="en", segments=[Segment(name="Parents")])
    v = score_voice(session(coach("Fine."), canvas=canvas))
    assert v.internal_ids == 2
    assert [x.split(":")[0] for x in v.internal_id_examples] == ["final canvas", "final canvas"]
    agg = aggregate_voice([v, score_voice(session(coach("Fine.")))])
    assert agg["internal_ids"] == {
        "total": 2,
        "sessions": 1,
        "max_per_session": 2,
        "by_kind": {"mistake_id": 1, "question_id": 1},
    }


# ---------------------------------------------------------------- sector examples

FOOD_FR = "« Les familles du centre-ville qui veulent du pain chaud avant l'école. »"
FOOD_EN = "« Busy parents downtown who want warm bread before school. »"
SOFTWARE_EN = "« Accounting firms of 5 to 20 people that chase client receipts every month. »"
PETS_EN = "« Owners of young dogs who fear a large vet bill. »"


@pytest.fixture
def prompts_dir(tmp_path):
    def sector(label, **examples):
        return {"label": label, "description": f"{label} businesses", "examples": examples}

    fr = {"sectors": {"food": sector("Alimentation", for_whom=FOOD_FR)}}
    en = {
        "sectors": {
            "food": sector("Food", for_whom=FOOD_EN, jobs="« Feed the kids without a detour. »"),
            "software": sector("Software", for_whom=SOFTWARE_EN),
            "pets": sector("Pets", for_whom=PETS_EN),
        }
    }
    for lang, data in (("fr", fr), ("en", en)):
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "examples.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.fixture
def library(prompts_dir) -> SectorLibrary:
    return load_library(prompts_dir)


def question(example: str, label: str = "*Example*:") -> CoachMessage:
    return CoachMessage(
        kind="question",
        question_id="for_whom",
        text=f"**Question 2/9** — For whom?\n\n*Why*: Focus.\n{label} {example}",
    )


def test_the_fixture_library_loads_both_languages(library, prompts_dir):
    assert library.sectors == ["food", "pets", "software"] and "food" in library and "energy" not in library
    assert len(library.files) == 2 and len(library.examples["food"]) == 3
    assert library.sectors_of(FOOD_FR) == {"food"} and library.sectors_of("« Something else entirely. »") == set()
    assert library_ids(prompts_dir) == {
        str(prompts_dir / "fr" / "examples.yaml"): ["food"],
        str(prompts_dir / "en" / "examples.yaml"): ["food", "pets", "software"],  # safe_dump sorts keys
    }
    assert not load_library(prompts_dir / "missing") and load_library(prompts_dir / "missing").sectors == []


def test_shown_examples_after_labels():
    text = (
        "**Question 2/9** — For whom?\n*Exemple* : « Les familles. » Et vous ?\n> *Example*: quoted, ignored\n"
        "No problem. Here is a lead: « Busy parents. » And for you?\nFor example: plain text example\n"
        "📖 *Revisiting segments — Example: when the customer changed*\n"
        "- Too broad (source: Revisiting segments — Example: when the customer changed)\n"
        "- **Example**: « In a list. »"
    )
    assert shown_examples(text) == ["« Les familles. »", "« Busy parents. »", "plain text example", "« In a list. »"]


def test_a_session_with_its_sectors_examples_matches(library):
    t = session([question(FOOD_EN)])
    # Near-exact: case, punctuation and guillemets do not matter, nor a small edit.
    t.exchanges[0].coach.append(question("busy parents downtown who want warm bread before school", "*Exemple* :"))
    t.exchanges[0].coach.append(question("« Busy parents downtown who want warm bread before class. »"))
    v = score_voice(t, "food", library)
    assert v.sector_in_library and v.sector_matched is True and v.sector_problems == []
    assert len(v.examples_shown) == 2  # the first two are the same example once normalised
    # The opening comes before the pitch: its (generic) example is not held against the session.
    t.opening = [question("« Dentists with 2 to 5 chairs. »"), question(SOFTWARE_EN)]
    assert score_voice(t, "food", library).sector_matched is True


def test_an_example_of_another_sector_or_outside_the_library_fails(library):
    other = score_voice(session([question(FOOD_EN), question(SOFTWARE_EN)]), "food", library)
    assert other.sector_matched is False
    assert other.sector_problems == [f"from software: {SOFTWARE_EN}"]
    generic = score_voice(session([question("« Dentists with 2 to 5 chairs. »")]), "food", library)
    assert generic.sector_matched is False and generic.sector_problems[0].startswith("in no sector of the library")
    # An example of another sector shown without a label (in a reply) is found too.
    hint = session([question(FOOD_EN)], coach(f"Think of {PETS_EN[2:-2]} for instance."))
    unlabelled = score_voice(hint, "food", library)
    assert unlabelled.sector_matched is False and unlabelled.sector_problems[0].startswith("from pets: ")
    nothing = score_voice(session(coach("Noted.")), "food", library)
    assert nothing.sector_matched is False and nothing.sector_problems == ["no example shown"]


def test_sessions_without_a_library_sector_are_not_counted(library):
    t = session([question(FOOD_EN)])
    scored = [
        score_voice(t, "food", library),  # matched
        score_voice(session([question(SOFTWARE_EN)]), "food", library),  # not matched
        score_voice(t, "energy", library),  # energy has no examples in the fixture: not counted
        score_voice(t, "", library),  # no sector: not counted
        score_voice(t, "food", None),  # no library: not counted
    ]
    assert [v.sector_matched for v in scored] == [True, False, None, None, None]
    agg = aggregate_voice(scored)
    assert (agg["sector_examples"], agg["sector_sessions"], agg["sector_matched"]) == (0.5, 2, 1)
    assert aggregate_voice(scored[2:])["sector_examples"] is None


def test_a_malformed_library_is_a_clear_error(tmp_path):
    (tmp_path / "en").mkdir()
    path = tmp_path / "en" / "examples.yaml"
    path.write_text("sectors:\n  food:\n    examples: [a, b]\n", encoding="utf-8")
    with pytest.raises(LibraryError, match=r"examples\.yaml: sectors\.food\.examples must be a mapping"):
        load_library(tmp_path)
    path.write_text("food: {}\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="'sectors'"):
        load_library(tmp_path)


def test_the_project_library_uses_the_sector_ids():
    files = library_ids()
    if not files:
        pytest.skip("prompts/<lang>/examples.yaml not written yet")
    for path, ids in files.items():
        assert sorted(ids) == sorted(SECTOR_IDS), path


# ---------------------------------------------------------------- scenario sectors


def test_a_scenario_sector_must_be_a_library_id(tmp_path):
    data = make_scenario().model_dump(mode="json")
    for sector in ("", "sport", "real_estate"):
        assert Scenario.model_validate({**data, "sector": sector}).sector == sector
    path = tmp_path / "s1.yaml"
    path.write_text(yaml.safe_dump({**data, "sector": "sports"}), encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"s1\.yaml: sector: .*unknown sector 'sports': use one of food, retail"):
        load_scenario(path)


# ---------------------------------------------------------------- thresholds


def _enabled_voice_thresholds(tmp_path):
    """The shipped thresholds file with its voice lines uncommented, as a developer would enable them."""
    text = DEFAULT_THRESHOLDS.read_text(encoding="utf-8")
    enabled = re.sub(r'^# ("voice\.[^"]+" = [0-9.]+)$', r"\1", text, flags=re.MULTILINE)
    path = tmp_path / "thresholds.toml"
    path.write_text(enabled, encoding="utf-8")
    return load_thresholds(path)


def test_the_met_voice_thresholds_are_enforced_and_the_others_once_enabled(tmp_path):
    shipped = load_thresholds(DEFAULT_THRESHOLDS)
    assert {k: v for table in shipped.values() for k, v in table.items() if k.startswith("voice.")} == {
        "voice.internal_ids.total": 0.0, "voice.verbatim_echo": 0.10, "voice.sector_examples": 0.80,
        "voice.repeated_sentences.mean": 0.05, "voice.repeated_sentences.max": 0.05}
    limits = _enabled_voice_thresholds(tmp_path)
    assert limits["min"]["voice.sector_examples"] == 0.8
    assert limits["max"] == {
        "voice.internal_ids.total": 0.0,
        "voice.repeated_sentences.mean": 0.05,
        "voice.repeated_sentences.max": 0.05,
        "voice.verbatim_echo": 0.10,
    }
    good = {
        "voice": {
            "sector_examples": 0.8,
            "internal_ids": {"total": 0},
            "repeated_sentences": {"mean": 0.05, "max": 0.05},
            "verbatim_echo": 0.1,
        }
    }
    voice_checks = [c for c in check_thresholds(good, limits) if c.key.startswith("voice.")]
    assert len(voice_checks) == 5 and all(c.ok for c in voice_checks)
    bad = {
        "voice": {
            "sector_examples": None,
            "internal_ids": {"total": 3},
            "repeated_sentences": {"mean": 0.2, "max": 0.3},
            "verbatim_echo": 0.5,
        }
    }
    failed = {c.key: c for c in check_thresholds(bad, limits) if c.key.startswith("voice.")}
    assert not any(c.ok for c in failed.values())
    assert failed["voice.sector_examples"].value is None  # nothing to count (no library): missing, fails
    assert failed["voice.internal_ids.total"].value == 3.0 and failed["voice.internal_ids.total"].op == "<="


def test_the_enabled_keys_exist_in_a_real_aggregate(tmp_path, library):
    sc = make_scenario().model_copy(update={"sector": "food"})
    t = session([question(FOOD_EN)])
    agg = aggregate([score_run(t, sc, library=library)])
    checks = check_thresholds(agg, _enabled_voice_thresholds(tmp_path))
    voice = {c.key: c for c in checks if c.key.startswith("voice.")}
    assert len(voice) == 5 and all(c.value is not None for c in voice.values())
    assert voice["voice.sector_examples"].ok and voice["voice.internal_ids.total"].ok


# ---------------------------------------------------------------- reports and readable transcripts


def test_report_has_a_voice_section_with_examples(tmp_path):
    sc = make_scenario(sid="s1")
    reply = coach("Busy parents who work late and shop online every single week: noted.", "See `too_broad`.")
    t = session(reply)
    report = build_report(config={"coach": "offline"}, scenarios=[sc], scores=[score_run(t, sc)])
    voice = report["aggregate"]["voice"]
    assert voice["verbatim_echo"] == 1.0 and voice["internal_ids"]["total"] == 1
    assert report["scenarios"][0]["voice"]["examples"]["internal_ids"][0].startswith("turn 1 feedback: mistake_id")
    write_report(tmp_path, report, [t])
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data["aggregate"]["voice"]["reply_turns"] == 1 and data["runs"][0]["voice"]["echo_turns"] == 1
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Voice" in md and "| verbatim echo | 1.000 |" in md and "| internal ids | 1 |" in md
    assert "### Internal identifiers shown to the founder" in md and "`too_broad`" in md
    assert "[s1](transcripts/s1.md)" in md
    assert (tmp_path / "transcripts" / "s1.md").is_file()
    assert "## Voice" not in to_markdown(build_report(config={}, scenarios=[], scores=[]))


def test_founder_text_cannot_break_the_transcript_markdown():
    nasty = "# Title\n\n```\n1. one\n- two\n<script>alert(1)</script> | pipe *bold* [link](x)\n    code"
    quoted = quote_founder(nasty)
    lines = quoted.split("\n")
    assert all(line.startswith(">") for line in lines)
    assert lines == [
        "> \\# Title",
        ">",
        "> \\`\\`\\`",
        "> 1\\. one",
        "> \\- two",
        "> \\<script\\>alert(1)\\</script\\> \\| pipe \\*bold\\* \\[link\\](x)",
        "> code",
    ]


def test_transcript_markdown_shows_the_conversation_in_order_and_the_canvas():
    canvas = Canvas(language="en", segments=[Segment(name="Busy parents", who="parents who work late")])
    t = Transcript(
        scenario_id="s1",
        language="en",
        source="offline",
        opening=coach("Welcome!", "**Question 1/9** — What does your startup do?"),
        exchanges=[
            Exchange(question_id="intake", founder="We bake.\n## not a heading", coach=coach("## Summary\nDone.")),
        ],
        canvas=canvas,
        done=True,
        stopped="done",
    )
    md = transcript_markdown([t], "Bakery")
    assert md.startswith("# s1 — Bakery\n")
    order = [
        "Welcome!",
        "**Question 1/9**",
        "> We bake.",
        "> \\#\\# not a heading",
        "##### Summary",
        "Done.",
        "## Final canvas",
        "Busy parents",
    ]
    positions = [md.index(x) for x in order]
    assert positions == sorted(positions)
    assert not re.search(r"^## not a heading", md, flags=re.MULTILINE)
    two = transcript_markdown([t, t.model_copy(update={"run": 1})])
    assert "## Run 0" in two and "## Run 1" in two and "### Final canvas" in two


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_rated_priority_is_reflected_with_its_scores(language: str) -> None:
    """The priority answer (asked with one segment too) is acknowledged with the founder's own scores."""
    from assistant.analysis import SegmentUpdate
    from assistant.coach.voice import reflect
    from assistant.prompts import Prompts

    up = SegmentUpdate(segment="Dental practices", priority_value=4, priority_fit=5)
    text = reflect(Prompts(), language, "priority", "practices first, 4 and 5", [up])  # type: ignore[arg-type]
    assert "Dental practices" in text and "4/5" in text and "5/5" in text, text
