"""The customer-interview kit of a canvas, one per segment, in the practice of *The Mom Test*: the riskiest
assumptions first, a short guide of questions about past behaviour (the last specific time, no pitch), whom
to interview and how many, how to recruit them, and how to bring the notes back. Printable Markdown."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.canvas import Canvas, Segment, role_holder
from assistant.domain import Language
from assistant.interviews import texts
from assistant.interviews.assumptions import Assumption, riskiest_assumptions
from assistant.text.typography import colon

PER_SEGMENT = 5  # assumptions a kit lists per segment


class GuideQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str
    listen_for: str = Field(default="", description="The founder's claim this question can support or contradict.")


class Kit(BaseModel):
    """The kit of one segment."""

    model_config = ConfigDict(extra="forbid")

    segment: str
    assumptions: list[Assumption]
    guide: list[GuideQuestion]
    whom: str
    recruit: list[str]


def _guide(assumptions: list[Assumption], language: Language) -> list[GuideQuestion]:
    guide = [GuideQuestion(question=texts.text(language, "kit.opening"))]
    kinds = list(dict.fromkeys(a.kind for a in assumptions))  # one question per kind, riskiest kind first
    for kind in kinds:
        claims = " ; ".join(a.claim for a in assumptions if a.kind == kind)
        guide.append(GuideQuestion(question=texts.text(language, f"kit.questions.{kind}"), listen_for=claims))
    guide.append(GuideQuestion(question=texts.text(language, "kit.closing")))
    return guide


def _whom(seg: Segment, language: Language) -> str:
    count = texts.text(language, "kit.count")
    who = seg.who or seg.name
    line = texts.text(language, "kit.whom", who=who, count=count)
    buyer, user = role_holder(seg.buyer), role_holder(seg.user)
    if buyer and user and buyer.casefold() != user.casefold():
        line += " " + texts.text(language, "kit.whom_both", buyer=buyer, user=user, count=count)
    return line


def _recruit(canvas: Canvas, seg: Segment, language: Language) -> list[str]:
    persona = next((p for p in canvas.personas if p.segment == seg.name), None)
    tips = texts.items(language, "kit.recruit")
    if persona and not persona.channels.empty:
        tips = [texts.text(language, "kit.recruit_channels", channels=persona.channels.value), *tips]
    return tips


def interview_kits(canvas: Canvas) -> list[Kit]:
    """One kit per segment that is not a draft, in canvas order."""
    language = canvas.language
    ranked = riskiest_assumptions(canvas)
    kits = []
    for seg in canvas.segments:
        if seg.draft:
            continue
        mine = [a for a in ranked if a.segment == seg.name][:PER_SEGMENT]
        kits.append(Kit(segment=seg.name, assumptions=mine, guide=_guide(mine, language), whom=_whom(seg, language),
                        recruit=_recruit(canvas, seg, language)))
    return kits


def kit_markdown(canvas: Canvas) -> str:
    """The whole kit as printable Markdown, in the canvas's language (a short note when there is no segment)."""
    lang = canvas.language
    t = texts.text
    kits = interview_kits(canvas)
    out = [f"# {t(lang, 'kit.title')}", "", t(lang, "kit.intro"), ""]
    if not kits:
        return "\n".join([*out, t(lang, "kit.empty")]) + "\n"
    out += [f"## {t(lang, 'kit.rules_title')}", "", *(f"- {r}" for r in texts.items(lang, "kit.rules")), ""]
    for kit in kits:
        out += [f"## {t(lang, 'kit.segment', segment=kit.segment)}", "", f"### {t(lang, 'kit.assumptions')}", ""]
        out += [f"{i}. **{t(lang, f'kit.kinds.{a.kind}')}** — {a.claim}" for i, a in enumerate(kit.assumptions, 1)]
        out += ["", f"### {t(lang, 'kit.guide')}", ""]
        for i, q in enumerate(kit.guide, 1):
            listen = f" *({t(lang, 'kit.listen_for')}{colon(lang)} {q.listen_for})*" if q.listen_for else ""
            out.append(f"{i}. {q.question}{listen}")
        out += ["", f"### {t(lang, 'kit.whom_title')}", "", kit.whom, ""]
        out += [f"### {t(lang, 'kit.recruit_title')}", "", *(f"- {r}" for r in kit.recruit), ""]
    out += [f"## {t(lang, 'kit.notes_title')}", "", t(lang, "kit.notes")]
    return "\n".join(out).rstrip() + "\n"
