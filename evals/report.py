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
from evals.scenario import Scenario
from evals.thresholds import Check
from evals.transcript import Transcript, write_transcripts

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


def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


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
    }


def build_report(
    *,
    config: dict[str, Any],
    scenarios: Sequence[Scenario],
    scores: Sequence[RunScore],
    verdicts: Sequence[Verdict] | None = None,
    checks: Sequence[Check] | None = None,
) -> dict[str, Any]:
    agg = aggregate(scores)
    if verdicts is not None:
        agg["judge"] = summarise(verdicts)
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
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(fmt(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return out


def to_markdown(report: dict[str, Any], charts: Sequence[Path] = ()) -> str:
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
    """Write everything; returns the chart paths."""
    from evals.charts import write_charts  # matplotlib only when a report is written

    out.mkdir(parents=True, exist_ok=True)
    charts = write_charts(report, out)
    (out / "report.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "report.md").write_text(to_markdown(report, charts), encoding="utf-8")
    if transcripts:
        write_transcripts(out / "transcripts.jsonl", transcripts)
    return charts
