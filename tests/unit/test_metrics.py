"""Metric code on hand-made transcripts whose answers are known."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from assistant.canvas import Canvas, Citation, Critique, Segment
from assistant.messages import CoachMessage
from evals.fidelity import canvas_fidelity, rescale
from evals.metrics import aggregate, coverage, detection, lookup, pass_hat_k, pass_k, score_run
from evals.scenario import Scenario
from evals.textutil import count_questions, detect_language
from evals.transcript import Exchange, Transcript

KEY = ["for_whom", "most_important", "characteristics", "jobs", "pains", "gains"]


class BagOfWords:
    """A fake embedder: texts sharing no word are orthogonal, equal texts identical."""

    def embed(self, texts):
        rows = []
        for text in texts:
            v = np.zeros(256, dtype=np.float32)
            for w in text.lower().replace(".", " ").split():
                v[int(hashlib.md5(w.encode()).hexdigest(), 16) % 256] += 1
            rows.append(v / (np.linalg.norm(v) or 1))
        return np.stack(rows) if rows else np.zeros((0, 256), dtype=np.float32)


def scenario(planted=(), language="en", segments=None) -> Scenario:
    return Scenario.model_validate(
        {
            "id": "s1",
            "language": language,
            "title": "t",
            "founder": {"persona": "p", "pitch": "We bake bread."},
            "answers": {**{q: f"answer {q}" for q in KEY}, "default": "no idea"},
            "truth": {
                "segments": segments
                or [
                    {
                        "name": "busy parents",
                        "type": "niche_market",
                        "who": "parents who work late",
                        "jobs": ["feed kids"],
                        "pains": ["stale bread"],
                        "gains": ["warm breakfast"],
                        "buyer": "parents",
                    }
                ]
            },
            "planted_mistakes": [{"id": m, "question": q} for m, q in planted],
        }
    )


def q(qid: str, text: str | None = None) -> CoachMessage:
    return CoachMessage(
        kind="question", text=text or f"What about {qid} for your customers?", question_id=qid
    )


def critique(mistake: str, qid: str, cites: list[str] = ()) -> CoachMessage:
    return CoachMessage(
        kind="critique",
        text="This is a problem for the segment. Which group first?",
        question_id=qid,
        mistake_id=mistake,
        citations=[Citation(chunk_id=c, document="d", section="s") for c in cites],
    )


def transcript(exchanges, critiques=(), segments=(), done=True, opening=None, language="en") -> Transcript:
    canvas = Canvas(
        language=language,
        segments=list(segments),
        critiques=[Critique(mistake_id=m, question_id=qid, message="m") for m, qid in critiques],
    )
    return Transcript(
        scenario_id="s1",
        language=language,
        opening=opening or [q("intake")],
        exchanges=exchanges,
        canvas=canvas,
        done=done,
    )


def full_run(extra: dict | None = None) -> list[Exchange]:
    """A clean walk through every key question: the reply to each answer asks the next question."""
    flow = ["intake", *KEY, "buyer_user", "evidence"]
    out = []
    for cur, nxt in zip(flow, [*flow[1:], "summary"], strict=True):
        coach = (extra or {}).get(cur) or (
            [q(nxt)]
            if nxt != "summary"
            else [CoachMessage(kind="summary", text="Here is your canvas summary.")]
        )
        out.append(
            Exchange(
                question_id=cur,
                founder=f"answer {cur}",
                coach=coach,
                retrieved=["a#1", "a#2"],
                question_after=nxt,
            )
        )
    return out


# ---------------------------------------------------------------- text rules


def test_count_questions_ignores_quoted_lines_and_counts_runs_once():
    assert count_questions("Who pays?\n> Did you ask them? Really?\nAnd who uses it ?!") == 2
    assert count_questions("No question here.") == 0
    assert count_questions("  > quoted? with indent") == 0


def test_detect_language():
    assert detect_language("Pour qui créez-vous de la valeur ? Décrivez les groupes que vous visez.") == "fr"
    assert detect_language("For whom are you creating value? Describe the groups that you target.") == "en"
    assert detect_language("Noted.") is None
    assert detect_language("> Les clients sont ceux pour qui nous créons de la valeur\nOK.") is None


# ---------------------------------------------------------------- completion, coverage, questions


def test_clean_complete_run_scores_perfectly():
    t = transcript(full_run())
    s = score_run(t, scenario())
    assert s.completed and s.coverage == 1.0 and s.missing_questions == []
    assert s.coach_turns == 10 and s.single_question_turns == 10
    assert s.language_turns == 8 and s.language_matches == 8  # not the opening; the summary is too short
    assert s.passed and s.failures == []


def test_not_done_or_too_many_turns_is_not_completed():
    assert not score_run(transcript(full_run(), done=False), scenario()).completed
    many = full_run() + [Exchange(question_id="summary", founder="more", coach=[]) for _ in range(35)]
    s = score_run(transcript(many), scenario())
    assert s.founder_turns == 44 and not s.completed and not s.passed


def test_coverage_counts_asked_or_answered_key_questions():
    ex = [
        Exchange(question_id="intake", founder="x", coach=[q("for_whom")]),
        Exchange(question_id="for_whom", founder="y", coach=[q("jobs")]),
    ]
    t = transcript(ex, done=False)
    assert coverage(t) == pytest.approx(2 / 6)
    assert score_run(t, scenario()).missing_questions == [
        "most_important",
        "characteristics",
        "pains",
        "gains",
    ]


def test_two_questions_in_one_turn_are_counted_across_messages():
    two = [CoachMessage(kind="feedback", text="Interesting, why them?"), q("jobs")]
    s = score_run(transcript(full_run({"characteristics": two})), scenario())
    assert s.coach_turns == 10 and s.single_question_turns == 9
    assert s.multi_question_examples and s.multi_question_examples[0].startswith(
        "turn 4 (characteristics): 2"
    )


def test_language_mismatch_is_found():
    fr = [q("jobs", "Quels sont les travaux que vos clients essaient de faire pour leur famille ?")]
    s = score_run(transcript(full_run({"characteristics": fr})), scenario())
    assert (s.language_turns, s.language_matches) == (8, 7)
    assert not s.passed


# ---------------------------------------------------------------- detection


def test_detection_counts_and_location():
    sc = scenario(planted=[("too_broad", "for_whom"), ("not_validated", "evidence")])
    t = transcript(
        full_run(),
        critiques=[
            ("too_broad", "intake"),
            ("too_broad", "for_whom"),
            ("demographics_only", "characteristics"),
        ],
    )
    s = score_run(t, sc)
    assert s.flagged == ["demographics_only", "too_broad"]
    assert s.missed == ["not_validated"] and s.false_flags == ["demographics_only"]
    assert s.located == ["too_broad@for_whom"]
    assert s.not_located == ["not_validated@evidence (never raised)"]


def test_flag_raised_at_another_question_is_detected_but_not_located():
    sc = scenario(planted=[("too_broad", "for_whom")])
    s = score_run(transcript(full_run(), critiques=[("too_broad", "intake")]), sc)
    assert s.missed == [] and s.located == [] and s.not_located == ["too_broad@for_whom (intake)"]


def test_micro_averaged_detection_and_false_positive_on_clean_scenario():
    a = score_run(
        transcript(full_run(), critiques=[("too_broad", "for_whom")]),
        scenario(planted=[("too_broad", "for_whom"), ("not_validated", "evidence")]),
    )
    b = score_run(transcript(full_run(), critiques=[("too_broad", "for_whom")]), scenario())  # clean
    c = score_run(
        transcript(full_run(), critiques=[("not_validated", "evidence")]),
        scenario(planted=[("not_validated", "evidence")]),
    )
    d = detection([a, b, c])
    assert (d["tp"], d["fp"], d["fn"]) == (2, 1, 1)
    assert d["precision"] == pytest.approx(2 / 3) and d["recall"] == pytest.approx(2 / 3)
    assert d["f1"] == pytest.approx(2 / 3)
    assert d["located"] == pytest.approx(2 / 3)
    tb = d["by_mistake"]["too_broad"]
    assert (tb["tp"], tb["fp"], tb["fn"], tb["planted"]) == (1, 1, 0, 1)
    assert tb["precision"] == 0.5 and tb["recall"] == 1.0
    nv = d["by_mistake"]["not_validated"]
    assert nv["recall"] == 0.5 and nv["precision"] == 1.0 and nv["located"] == 0.5


def test_no_flags_anywhere_leaves_precision_undefined():
    d = detection([score_run(transcript(full_run()), scenario())])
    assert d["precision"] is None and d["recall"] is None and d["f1"] is None


def test_canvasless_transcript_uses_critique_messages():
    ex = full_run({"for_whom": [critique("too_broad", "for_whom")]})
    t = transcript(ex).model_copy(update={"canvas": None})
    s = score_run(t, scenario(planted=[("too_broad", "for_whom")]))
    assert s.flagged == ["too_broad"] and s.located == ["too_broad@for_whom"]


# ---------------------------------------------------------------- citations and grounding


def test_citation_validity_requires_index_and_same_turn_retrieval():
    ex = full_run(
        {
            "for_whom": [critique("too_broad", "for_whom", ["a#1", "ghost#9"])],
            "jobs": [critique("too_broad", "jobs"), q("pains")],
        }
    )
    ex[2] = ex[2].model_copy(update={"coach": [critique("x", "m", ["b#1"])], "retrieved": ["b#1"]})
    t = transcript(ex)
    s = score_run(t, scenario(), known_chunks={"a#1", "a#2"})
    assert (s.citations_valid, s.citations_total) == (1, 3)
    assert any("ghost#9 not in the index and not retrieved" in p for p in s.citation_problems)
    assert any("b#1 not in the index" in p for p in s.citation_problems)
    assert (s.critiques, s.critiques_grounded) == (3, 2)
    agg = aggregate([s])
    assert agg["citation_validity"] == pytest.approx(1 / 3) and agg["grounding_rate"] == pytest.approx(2 / 3)


def test_unknown_retrieval_is_not_held_against_recorded_transcripts():
    ex = full_run({"for_whom": [critique("too_broad", "for_whom", ["a#1"])]})
    ex = [e.model_copy(update={"retrieved": None}) for e in ex]
    s = score_run(transcript(ex), scenario(), known_chunks=None)
    assert (s.citations_valid, s.citations_total) == (1, 1)


# ---------------------------------------------------------------- fidelity and segment types


def test_fidelity_perfect_and_empty_canvas():
    seg = Segment(
        name="busy parents",
        who="parents who work late",
        segment_type="niche_market",
        jobs=["feed kids"],
        pains=["stale bread"],
        gains=["warm breakfast"],
        buyer="parents",
    )
    fid = canvas_fidelity(Canvas(segments=[seg]), scenario().truth, BagOfWords())
    assert fid.score == pytest.approx(1.0) and fid.type_correct == 1
    assert set(fid.by_field) == {"segments", "name", "who", "type", "jobs", "pains", "gains", "buyer"}
    empty = canvas_fidelity(Canvas(), scenario().truth, BagOfWords())
    assert empty.score == 0.0 and empty.type_errors == ["busy parents: expected niche_market, got no segment"]


def test_fidelity_matches_segments_before_comparing_fields():
    truth = scenario(
        segments=[
            {"name": "dentists", "type": "segmented", "who": "dental practices", "jobs": ["book patients"]},
            {"name": "clinics", "type": "segmented", "who": "large clinics", "jobs": ["plan rooms"]},
        ]
    ).truth
    got = [
        Segment(name="clinics", who="large clinics", segment_type="segmented", jobs=["plan rooms"]),
        Segment(
            name="dentists", who="dental practices", segment_type="niche_market", jobs=["unrelated thing"]
        ),
    ]
    fid = canvas_fidelity(Canvas(segments=got), truth, BagOfWords())
    assert fid.matches == {"dentists": "dentists", "clinics": "clinics"}
    assert fid.by_field["name"] == 1.0 and fid.by_field["type"] == 0.5
    assert fid.by_field["jobs"] == pytest.approx(0.5)  # one list identical, one disjoint
    assert fid.type_correct == 1 and fid.type_total == 2
    # name, who, segments = 1; type = 0.5; jobs = 0.5 → mean 0.8
    assert fid.score == pytest.approx(0.8)


def test_fidelity_penalises_missing_segments_and_empty_fields():
    truth = scenario(
        segments=[
            {"name": "dentists", "type": "segmented", "who": "dental practices", "buyer": "owner"},
            {"name": "clinics", "type": "segmented", "who": "large clinics"},
        ]
    ).truth
    got = [Segment(name="dentists", who="dental practices", segment_type="segmented")]
    fid = canvas_fidelity(Canvas(segments=got), truth, BagOfWords())
    assert fid.matches == {"dentists": "dentists", "clinics": None}
    assert fid.by_field["segments"] == 0.5 and fid.by_field["name"] == 0.5
    assert fid.by_field["buyer"] == 0.0  # truth has a buyer, the canvas none
    assert "user" not in fid.by_field  # no truth user: not scored


def test_list_score_is_f1_of_best_matches():
    truth = scenario(
        segments=[{"name": "a", "type": "mass_market", "who": "w", "pains": ["p one", "p two"]}]
    ).truth
    got = [Segment(name="a", who="w", segment_type="mass_market", pains=["p one", "zzz", "yyy", "xxx"])]
    fid = canvas_fidelity(Canvas(segments=got), truth, BagOfWords())
    # recall side: "p one" → 1, "p two" → cos 0.5 → 0; precision side: 1, 0, 0, 0
    recall, precision = 0.5, 0.25
    assert fid.by_field["pains"] == pytest.approx(2 * recall * precision / (recall + precision))


def test_rescale():
    assert rescale(0.5) == 0.0 and rescale(0.99) == 1.0
    assert rescale(0.875) == pytest.approx(0.5)


# ---------------------------------------------------------------- aggregate, pass^k


def test_pass_hat_k():
    assert pass_hat_k(4, 4, 3) == 1.0
    assert pass_hat_k(3, 4, 1) == 0.75
    assert pass_hat_k(3, 4, 2) == pytest.approx(3 / 6)
    assert pass_hat_k(0, 4, 2) == 0.0
    with pytest.raises(ValueError):
        pass_hat_k(1, 2, 3)


def test_pass_k_averages_scenarios():
    good = score_run(transcript(full_run()), scenario())
    bad = good.model_copy(update={"passed": False})
    other = good.model_copy(update={"scenario_id": "s2"})
    result = pass_k([good, bad, other, other])
    assert result == {"1": pytest.approx((0.5 + 1) / 2), "2": pytest.approx((0 + 1) / 2)}


def test_aggregate_keys_and_lookup():
    s = score_run(
        transcript(full_run(), critiques=[("too_broad", "for_whom")]),
        scenario(planted=[("too_broad", "for_whom")]),
        embedder=BagOfWords(),
        known_chunks={"a#1"},
    )
    agg = aggregate([s, s.model_copy(update={"completed": False, "founder_turns": 20})])
    for key in (
        "completion_rate",
        "coverage",
        "detection.precision",
        "detection.recall",
        "detection.f1",
        "detection.by_mistake",
        "detection.located",
        "canvas_fidelity",
        "segment_type_accuracy",
        "citation_validity",
        "grounding_rate",
        "single_question_rate",
        "language_consistency",
        "mean_founder_turns",
    ):
        lookup(agg, key)
    assert agg["completion_rate"] == 0.5 and agg["mean_founder_turns"] == pytest.approx((9 + 20) / 2)
    assert agg["detection"]["recall"] == 1.0 and agg["citation_validity"] is None
    with pytest.raises(KeyError):
        lookup(agg, "detection.nope")


def test_e5_vector_cache_round_trip(tmp_path):
    from evals.fidelity import E5Embedder

    class Counting:
        calls = 0

        def query(self, texts):
            Counting.calls += len(texts)
            return BagOfWords().embed(texts)

    path = tmp_path / "vectors.npz"
    first = E5Embedder(Counting(), cache_file=path)
    a = first.embed(["busy parents", "stale bread", "busy parents"])
    assert a.shape[0] == 3 and Counting.calls == 2
    first.save()
    second = E5Embedder(Counting(), cache_file=path)
    assert np.allclose(second.embed(["stale bread"]), a[1:2]) and Counting.calls == 2
    path.write_bytes(b"broken")
    assert E5Embedder(Counting(), cache_file=path).embed(["x"]).shape[0] == 1  # rebuilt, not raised
