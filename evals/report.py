"""report.json, report.md, transcripts.jsonl and charts in the --out folder."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from statistics import mean
from typing import Any

from evals.judge import Verdict, summarise
from evals.metrics import RunScore, aggregate, by_scenario
from evals.reflection_judge import ReflectionVerdict, summarise_reflections
from evals.scenario import Scenario
from evals.thresholds import Check
from evals.transcript import MARKDOWN_DIR, Transcript, markdown_name, write_markdown_transcripts, write_transcripts
from evals.voice import aggregate_voice

SCHEMA = "segment-coach-eval/1"

# Rows of the summary tables (report.md, the terminal, --compare): (dotted key, label).
HEADLINE: tuple[tuple[str, str], ...] = (
    ("completion_rate", "completion rate"),
    ("coverage", "coverage (6 key questions)"),
    ("detection.precision", "detection precision"),
    ("detection.recall", "detection recall"),
    ("detection.f1", "detection F1"),
    ("detection.located", "detection located"),
    ("canvas_fidelity", "canvas fidelity"),
    ("segment_type_accuracy", "segment type accuracy"),
    ("citation_validity", "citation validity"),
    ("grounding_rate", "grounding rate"),
    ("single_question_rate", "single-question rate"),
    ("language_consistency", "language consistency"),
    ("mean_founder_turns", "mean founder turns"),
    ("pass_rate", "pass rate"),
)
# The voice figures (evals/voice.py), measured on the text the founder saw.
VOICE: tuple[tuple[str, str], ...] = (
    ("voice.verbatim_echo", "verbatim echo"),
    ("voice.repeated_sentences.mean", "repeated sentences (mean)"),
    ("voice.repeated_sentences.max", "repeated sentences (max)"),
    ("voice.sector_examples", "sector examples"),
    ("voice.internal_ids.total", "internal ids"),
)
# Rows where a smaller value is better (a comparison colours their increase red).
LOWER_IS_BETTER = frozenset(
    {"mean founder turns", "verbatim echo", "repeated sentences (mean)", "repeated sentences (max)", "internal ids"}
)


def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _voice_summary(scenario: Scenario, runs: Sequence[RunScore]) -> dict[str, Any] | None:
    voices = [r.voice for r in runs if r.voice is not None]
    if not voices:
        return None
    agg = aggregate_voice(voices)
    tag = (lambda r: f"#{r.run} ") if len(runs) > 1 else (lambda r: "")
    return {
        "sector": scenario.sector,
        "verbatim_echo": agg["verbatim_echo"],
        "repeated_sentences": agg["repeated_sentences"]["mean"],
        "sector_examples": agg["sector_examples"],
        "internal_ids": agg["internal_ids"]["total"],
        "internal_ids_by_kind": agg["internal_ids"]["by_kind"],
        "examples": {
            "internal_ids": [tag(r) + x for r in runs if r.voice for x in r.voice.internal_id_examples][:10],
            "verbatim_echo": [tag(r) + x for r in runs if r.voice for x in r.voice.echo_examples][:5],
            "repeated_sentences": [tag(r) + x for r in runs if r.voice for x in r.voice.repeated_examples][:5],
            "sector_examples": [tag(r) + x for r in runs if r.voice for x in r.voice.sector_problems][:5],
        },
    }


def scenario_summary(scenario: Scenario, runs: Sequence[RunScore]) -> dict[str, Any]:
    agg = aggregate(runs)
    det = agg["detection"]
    n = len(runs)
    failures = Counter(f for r in runs for f in r.failures)
    return {
        "id": scenario.id,
        "language": scenario.language,
        "title": scenario.title,
        "planted": [f"{m.id}@{m.question}" for m in scenario.planted_mistakes],
        "runs": n,
        "metrics": {
            "completion_rate": agg["completion_rate"],
            "coverage": agg["coverage"],
            "detection_ok": float(mean(not r.missed and not r.false_flags for r in runs)),
            "detection_precision": det["precision"],
            "detection_recall": det["recall"],
            "canvas_fidelity": agg["canvas_fidelity"],
            "segment_type_accuracy": agg["segment_type_accuracy"],
            "citation_validity": agg["citation_validity"],
            "grounding_rate": agg["grounding_rate"],
            "single_question_rate": agg["single_question_rate"],
            "language_consistency": agg["language_consistency"],
            "mean_founder_turns": agg["mean_founder_turns"],
            "pass_rate": agg["pass_rate"],
        },
        "flagged": sorted({m for r in runs for m in r.flagged}),
        "missed": sorted({m for r in runs for m in r.missed}),
        "false_flags": sorted({m for r in runs for m in r.false_flags}),
        "not_located": sorted({x for r in runs for x in r.not_located}),
        "failures": [f if n == 1 else f"{f} ({c}/{n} runs)" for f, c in failures.items()],
        "examples": {
            "multi_question": [x for r in runs for x in r.multi_question_examples][:3],
            "language": [x for r in runs for x in r.language_mismatches][:3],
            "citations": [x for r in runs for x in r.citation_problems][:3],
            "segment_types": sorted({x for r in runs for x in r.type_errors}),
        },
        "voice": _voice_summary(scenario, runs),
    }


def build_report(
    *,
    config: dict[str, Any],
    scenarios: Sequence[Scenario],
    scores: Sequence[RunScore],
    verdicts: Sequence[Verdict] | None = None,
    checks: Sequence[Check] | None = None,
    reflections: Sequence[ReflectionVerdict] | None = None,
) -> dict[str, Any]:
    agg = aggregate(scores)
    if verdicts is not None:
        agg["judge"] = summarise(verdicts)
    if reflections is not None:
        agg.setdefault("judge", summarise([]))["reflections"] = summarise_reflections(reflections)
    runs = by_scenario(scores)
    return {
        "schema": SCHEMA,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": config,
        "aggregate": agg,
        "thresholds": None
        if checks is None
        else {"passed": all(c.ok for c in checks), "checks": [c.model_dump() for c in checks]},
        "scenarios": [scenario_summary(s, runs[s.id]) for s in scenarios if s.id in runs],
        "runs": [s.model_dump() for s in scores],
        "judge": [v.model_dump() for v in verdicts or []],
        "judge_reflections": [v.model_dump() for v in reflections or []],
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(fmt(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return out


def _md_text(text: str) -> str:
    """An example line for a Markdown list: one line, with nothing that opens HTML or a table cell."""
    return " ".join(text.split()).replace("<", "&lt;").replace("|", "\\|")


def voice_markdown(report: dict[str, Any], transcripts: bool = False) -> list[str]:
    """The "Voice" section of report.md: the figures, a per-scenario table and where to look."""
    voice = report["aggregate"].get("voice")
    if not voice:
        return []
    ids = voice["internal_ids"]
    rep = voice["repeated_sentences"]
    worst = max(
        (s for s in report["scenarios"] if s.get("voice") and s["voice"]["repeated_sentences"] is not None),
        key=lambda s: s["voice"]["repeated_sentences"],
        default=None,
    )
    kinds = ", ".join(f"{k} {n}" for k, n in ids["by_kind"].items())
    lines = [
        "## Voice",
        "",
        "Measured on the text the founder saw: the coach messages of the transcripts (the summary"
        " included) and, for internal ids, the final canvas Markdown (definitions: `evals/voice.py`).",
        "",
    ]
    lines += _table(
        ["figure", "value", "detail"],
        [
            (
                "verbatim echo",
                voice["verbatim_echo"],
                f"{voice['echo_turns']} of {voice['reply_turns']} replies copy 8+ consecutive words of the"
                " founder's message outside a quote",
            ),
            (
                "repeated sentences (mean per session)",
                rep["mean"],
                f"max {fmt(rep['max'])}" + (f" ({worst['id']})" if worst else "") + f" over {rep['sessions']} sessions",
            ),
            (
                "sector examples",
                voice["sector_examples"],
                f"{voice['sector_matched']} of {voice['sector_sessions']} sessions with a sector of the example"
                " library show only that sector's examples"
                if voice["sector_sessions"]
                else "no session has a sector of the example library (prompts/<lang>/examples.yaml)",
            ),
            (
                "internal ids",
                ids["total"],
                f"in {ids['sessions']} of {report['aggregate'].get('runs', 0)} sessions"
                + (f": {kinds}" if kinds else ""),
            ),
        ],
    )
    lines.append("")
    rows = []
    for s in report["scenarios"]:
        v = s.get("voice")
        if not v:
            continue
        name = f"[{s['id']}]({MARKDOWN_DIR}/{markdown_name(s['id'])})" if transcripts else s["id"]
        rows.append(
            (
                name,
                v["sector"] or "—",
                v["verbatim_echo"],
                v["repeated_sentences"],
                v["sector_examples"],
                v["internal_ids"],
            )
        )
    if rows:
        lines += _table(["scenario", "sector", "echo", "repeated", "sector examples", "internal ids"], rows)
        lines.append("")
    titles = {
        "internal_ids": "Internal identifiers shown to the founder",
        "verbatim_echo": "Verbatim echoes (8+ words of the founder's message)",
        "repeated_sentences": "Repeated sentences",
        "sector_examples": "Examples not from the scenario's sector",
    }
    for kind, title in titles.items():
        found = [(s["id"], s["voice"]["examples"][kind]) for s in report["scenarios"] if s.get("voice")]
        found = [(sid, xs) for sid, xs in found if xs]
        if not found:
            continue
        lines += [f"### {title}", ""]
        for sid, xs in found:
            lines += [f"- **{sid}**"] + [f"  - {_md_text(x)}" for x in xs]
        lines.append("")
    return lines


def to_markdown(report: dict[str, Any], charts: Sequence[Path] = (), transcripts: bool = False) -> str:
    from evals.metrics import lookup

    cfg, agg = report["config"], report["aggregate"]
    lines = [f"# Coach evaluation — {cfg.get('coach', '?')}", ""]
    langs = Counter(s["language"] for s in report["scenarios"])
    by_lang = ", ".join(f"{n} {lang}" for lang, n in sorted(langs.items()))
    lines.append(
        f"{len(report['scenarios'])} scenarios ({by_lang}), "
        f"{agg.get('runs', 0)} runs, founder: {cfg.get('founder', '?')}, "
        f"{cfg.get('duration_s', 0):.1f} s, {report['created']}."
    )
    lines.append("")
    if transcripts:
        lines += [f"Transcripts as the founder saw them: [`{MARKDOWN_DIR}/`]({MARKDOWN_DIR}/), one per scenario.", ""]
    if report.get("thresholds"):
        th = report["thresholds"]
        lines += [f"## Thresholds — {'all met' if th['passed'] else 'MISSED'}", ""]
        lines += _table(
            ["metric", "value", "limit", "ok"],
            [
                (c["key"], c["value"], f"{c['op']} {c['limit']:g}", "✅" if c["ok"] else "❌")
                for c in th["checks"]
            ],
        )
        lines.append("")
    lines += ["## Metrics", ""]
    rows = []
    for key, label in HEADLINE:
        try:
            rows.append((label, lookup(agg, key)))
        except KeyError:
            continue
    for k, v in agg.get("pass_k", {}).items():
        rows.append((f"pass^{k}", v))
    lines += _table(["metric", "value"], rows)
    lines.append("")
    det = agg.get("detection", {})
    if det.get("by_mistake"):
        lines += ["## Detection by mistake", ""]
        lines += _table(
            ["mistake", "planted", "tp", "missed", "false flags", "precision", "recall", "located"],
            [
                (m, d["planted"], d["tp"], d["fn"], d["fp"], d["precision"], d["recall"], d["located"])
                for m, d in det["by_mistake"].items()
            ],
        )
        lines.append("")
    if agg.get("fidelity_by_field"):
        lines += ["## Canvas fidelity by field", ""]
        lines += _table(["field", "score"], list(agg["fidelity_by_field"].items()))
        lines.append("")
    judge = agg.get("judge")
    if judge:
        lines += [
            f"## Judge ({judge['items']} replies, {judge['errors']} errors, {judge['cached']} cached)",
            "",
        ]
        lines += _table(
            ["dimension", "score", "labels"],
            [
                (d, v["score"], ", ".join(f"{k}: {n}" for k, n in v["labels"].items()))
                for d, v in judge["dimensions"].items()
            ],
        )
        lines.append("")
        ref = judge.get("reflections")
        if ref:
            labels = ", ".join(f"{k}: {n}" for k, n in ref["labels"].items())
            lines += [f"Reflections restating the founder's meaning ({ref['items']} judged, {ref['errors']} "
                      f"errors): score {fmt(ref['score'])} ({labels})", ""]
            lines += [f"- {m}" for m in ref["misses"]] + ([""] if ref["misses"] else [])
    lines += voice_markdown(report, transcripts)
    if charts:
        lines += ["## Charts", ""] + [f"![{p.stem}]({p.name})" for p in charts] + [""]
    lines += ["## Scenarios", ""]
    lines += _table(
        [
            "scenario",
            "lang",
            "done",
            "coverage",
            "planted",
            "missed",
            "false flags",
            "fidelity",
            "types",
            "1-question",
            "language",
        ],
        [
            (
                s["id"],
                s["language"],
                s["metrics"]["completion_rate"],
                s["metrics"]["coverage"],
                ", ".join(s["planted"]) or "—",
                ", ".join(s["missed"]) or "—",
                ", ".join(s["false_flags"]) or "—",
                s["metrics"]["canvas_fidelity"],
                s["metrics"]["segment_type_accuracy"],
                s["metrics"]["single_question_rate"],
                s["metrics"]["language_consistency"],
            )
            for s in report["scenarios"]
        ],
    )
    lines.append("")
    failing = [
        s for s in report["scenarios"] if s["failures"] or s["not_located"] or any(s["examples"].values())
    ]
    if failing:
        lines += ["## Failures", ""]
        for s in failing:
            lines.append(f"### {s['id']}")
            lines += [f"- {f}" for f in s["failures"]]
            lines += [f"- planted mistake not raised at its question: {x}" for x in s["not_located"]]
            for kind, examples in s["examples"].items():
                if kind == "segment_types":
                    continue
                lines += [f"- {kind}: {x}" for x in examples]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def write_report(out: Path, report: dict[str, Any], transcripts: Sequence[Transcript] = ()) -> list[Path]:
    """Write everything (with transcripts: transcripts.jsonl and transcripts/<scenario id>.md); returns the
    chart paths."""
    from evals.charts import write_charts  # matplotlib only when a report is written

    out.mkdir(parents=True, exist_ok=True)
    charts = write_charts(report, out)
    (out / "report.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "report.md").write_text(to_markdown(report, charts, transcripts=bool(transcripts)), encoding="utf-8")
    if transcripts:
        write_transcripts(out / "transcripts.jsonl", transcripts)
        titles = {s["id"]: s.get("title", "") for s in report.get("scenarios", [])}
        write_markdown_transcripts(out / MARKDOWN_DIR, transcripts, titles)
    return charts
