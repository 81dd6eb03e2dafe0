"""Fakes shared by the evaluation tests (no tests here): a scripted chat client and a scenario builder."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from evals.scenario import Scenario

KEY = ["for_whom", "most_important", "characteristics", "jobs", "pains", "gains"]


class FakeCompletions:
    def __init__(self, replies: list[Any]) -> None:
        self.replies = list(replies)
        self.calls: list[dict[str, Any]] = []

    async def create(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        reply = self.replies.pop(0) if self.replies else "{}"
        if isinstance(reply, Exception):
            raise reply
        return SimpleNamespace(choices=[SimpleNamespace(message=SimpleNamespace(content=reply))])


class FakeClient:
    """Answers `chat.completions.create` with the given replies, in order (an Exception is raised)."""

    def __init__(self, replies: list[Any]) -> None:
        self.completions = FakeCompletions(replies)
        self.chat = SimpleNamespace(completions=self.completions)


def make_scenario(
    planted: list[tuple[str, str]] | None = None, language: str = "en", sid: str = "s1"
) -> Scenario:
    return Scenario.model_validate(
        {
            "id": sid,
            "language": language,
            "title": "Bakery",
            "founder": {
                "persona": "Claire, 34, bakes organic bread in Nantes.",
                "pitch": "We deliver warm bread.",
            },
            "answers": {**{q: f"answer to {q}" for q in KEY}, "default": "I don't know yet."},
            "followups": {"for_whom": ["Busy parents downtown."]},
            "truth": {
                "segments": [
                    {
                        "name": "Busy parents",
                        "type": "niche_market",
                        "who": "parents downtown",
                        "jobs": ["feed kids"],
                        "pains": ["queue"],
                        "gains": ["warm bread"],
                        "buyer": "parent",
                        "user": "family",
                    }
                ]
            },
            "planted_mistakes": [{"id": m, "question": q} for m, q in (planted or [])],
        }
    )
