"""Simulated founders: who answers the coach during an evaluation run.

- `ScriptedFounder` answers from the scenario file by the question the coach is waiting for
  (the graph state's `question_id`): the pitch first, then `answers[question_id]` (or `default`),
  then `followups[question_id]` in order when the coach asks again on the same question.
- `LLMFounder` plays the persona with a chat model, following the user-simulator rules of
  tau-bench (Yao et al., 2024): one message at a time, only what the coach asked for, never an
  invented fact, and a stop marker once the conversation is over. The scenario's answers are its
  script — including the planted mistakes, so that detection is measured on the same flaws —
  and the truth is what it knows and reveals only when asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from assistant.messages import CoachMessage
from evals.scenario import Scenario

STOP = "###STOP###"


class SimulatedFounder(Protocol):
    async def first_message(self) -> str:
        """The pitch: the founder's answer to the opening question."""
        ...

    async def reply(self, question_id: str, coach: Sequence[CoachMessage]) -> str | None:
        """The answer to the coach's latest turn, or None when the founder ends the conversation."""
        ...


class ScriptedFounder:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.asked: Counter[str] = Counter()

    def _answer(self, question_id: str) -> str:
        text = self.scenario.answer_for(question_id, self.asked[question_id])
        self.asked[question_id] += 1
        return text

    async def first_message(self) -> str:
        return self._answer("intake")

    async def reply(self, question_id: str, coach: Sequence[CoachMessage]) -> str | None:
        return self._answer(question_id)


# ---------------------------------------------------------------- LLM-driven founder

FOUNDER_SYSTEM = """You are playing a startup founder who talks with a coach about the Customer Segments \
block of the Business Model Canvas. The coach writes to you; you write the founder's messages.

# Who you are
{persona}

# Your script: how you answer each topic the first time, and again if the coach insists
{script}

# What you really know (hidden facts)
{truth}

# Rules
- Write in {language_name} only, as the founder, in the first person, one message at a time.
- Answer only what the coach asks in its latest message; do not give away everything at once.
- The first time a topic comes up, answer with the substance of your script for that topic, in \
your own words: keep its ideas, and keep its flaws (if your script is vague or one-sided, so are \
you). When the coach pushes back on the same topic, give the next answer of the script for that \
topic; once the script runs out, you may draw on the hidden facts that answer the coach's question.
- Reveal a hidden fact only when the coach's question calls for it.
- Never invent facts, names or numbers that are in neither your script nor your hidden facts: say \
you do not know or have not checked yet.
- Do not repeat the script word for word, do not mention a script, the hidden facts, or that you \
are simulated. Stay natural and true to the persona. No commands starting with "/".
- When the coach has given its final summary of your canvas, or when you would really leave the \
conversation, answer with {stop} alone and nothing else.
"""

TOPICS = {
    "intake": "what the startup does (opening question)",
    "for_whom": "for whom you create value (the customer groups)",
    "most_important": "the most important customers, and why",
    "characteristics": "their characteristics, needs and behaviours",
    "jobs": "the jobs they are trying to get done",
    "pains": "their pains",
    "gains": "the gains they look for",
    "buyer_user": "who buys and who uses",
    "evidence": "the evidence behind the segment",
    "priority": "which segment to serve first",
    "default": "any other question",
}


def _script(scenario: Scenario) -> str:
    lines = [f"- {TOPICS['intake']}: {scenario.founder.pitch}"]
    for qid, text in scenario.answers.items():
        if qid == "default":
            continue
        more = scenario.followups.get(qid, [])
        lines.append(f"- {TOPICS.get(qid, qid)}: {text}")
        lines += [f"  - if the coach insists ({n}): {t}" for n, t in enumerate(more, 1)]
    for qid, more in scenario.followups.items():
        if qid not in scenario.answers:
            lines += [
                f"- {TOPICS.get(qid, qid)}, if the coach insists ({n}): {t}" for n, t in enumerate(more, 1)
            ]
    lines.append(f"- {TOPICS['default']}: {scenario.answers['default']}")
    return "\n".join(lines)


def _truth(scenario: Scenario) -> str:
    out = []
    for s in scenario.truth.segments:
        out.append(f'- Segment "{s.name}" ({s.type.replace("_", " ")}): {s.who}')
        for label, items in (("jobs", s.jobs), ("pains", s.pains), ("gains", s.gains)):
            if items:
                out.append(f"  - {label}: " + "; ".join(items))
        if s.buyer:
            out.append(f"  - who pays: {s.buyer}")
        if s.user:
            out.append(f"  - who uses: {s.user}")
    return "\n".join(out)


def founder_system_prompt(scenario: Scenario) -> str:
    return FOUNDER_SYSTEM.format(
        persona=scenario.founder.persona.strip(),
        script=_script(scenario),
        truth=_truth(scenario),
        language_name="French" if scenario.language == "fr" else "English",
        stop=STOP,
    )


def coach_text(messages: Sequence[CoachMessage]) -> str:
    return "\n\n".join(m.text for m in messages if m.text.strip())


class LLMFounder:
    """A founder played by a chat model through an `openai.AsyncOpenAI`-compatible client.

    The coach speaks as the `user` and the founder answers as the `assistant` (the tau-bench
    convention for a user simulator). The pitch is the scripted one, so every run starts alike.
    Each coach turn is tagged with the topic the coach is waiting for, so that the script is
    followed by topic as the scripted founder does.
    """

    def __init__(
        self, scenario: Scenario, client: Any, model: str, *, temperature: float = 0.7, max_tokens: int = 400
    ) -> None:
        self.scenario = scenario
        self.client = client
        self.model = model
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.messages: list[dict[str, str]] = [{"role": "system", "content": founder_system_prompt(scenario)}]
        self.asked: Counter[str] = Counter()

    async def first_message(self) -> str:
        self.asked["intake"] += 1
        pitch = self.scenario.founder.pitch
        self.messages += [
            {"role": "user", "content": "(The coach opens the session and asks what your startup does.)"},
            {"role": "assistant", "content": pitch},
        ]
        return pitch

    async def reply(self, question_id: str, coach: Sequence[CoachMessage]) -> str | None:
        attempt = self.asked[question_id]
        self.asked[question_id] += 1
        topic = TOPICS.get(question_id, TOPICS["default"])
        note = f"[topic: {topic}" + (f"; the coach insists, time {attempt}]" if attempt else "]")
        self.messages.append({"role": "user", "content": f"{note}\n\n{coach_text(coach)}"})
        response = await self.client.chat.completions.create(
            model=self.model,
            messages=list(self.messages),
            temperature=self.temperature,
            max_tokens=self.max_tokens,
        )
        text = (response.choices[0].message.content or "").strip()
        self.messages.append({"role": "assistant", "content": text})
        if STOP in text or not text:
            return None  # the founder ends the conversation
        return text
