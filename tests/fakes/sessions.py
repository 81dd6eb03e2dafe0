"""Scripted LLM sessions: what the founder says, what the model answers, and a driver for CoachSession.

Each model output is checked against the strict structured-output model of its question, so the
script cannot drift from what a json_schema server would really return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import openai
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.store.memory import InMemoryStore

from assistant.coach.base import Coach
from assistant.coach.llm.client import ChatClient, exponential_backoff
from assistant.coach.llm.closing import ClosingOut
from assistant.coach.llm.coach import LLMCoach
from assistant.coach.llm.guard import Canary
from assistant.coach.llm.schema import analysis_model
from assistant.coach.offline import OfflineCoach
from assistant.graph import Context, build_graph
from assistant.prompts import Prompts
from assistant.session import CoachSession, TokenEvent, Turn
from tests.fakes.openai_server import ScriptedOpenAI
from tests.fakes.retriever import TagRetriever


def output(question_id: str, **data: Any) -> dict[str, Any]:
    """A complete, schema-valid model output for `question_id` (defaults for what is not given)."""
    model = analysis_model(question_id)  # type: ignore[arg-type]
    seg_model = None
    if "updates" in model.model_fields:
        seg_model = model.model_fields["updates"].annotation.__args__[0]  # type: ignore[union-attr]
    full: dict[str, Any] = {"findings": [], "follow_up": "", "usable": True}
    for key in ("startup", "focus_segment"):
        if key in model.model_fields:
            full[key] = ""
    full.update(data)
    if seg_model is not None:
        blank = {
            "who": "",
            "type_rationale": "",
            "buyer": "",
            "user": "",
            "segment_type": None,
            "validated": None,
            "priority_value": None,
            "priority_fit": None,
        }
        full["updates"] = [
            {name: u.get(name, blank.get(name, [])) for name in seg_model.model_fields}
            | {"segment": u["segment"]}
            for u in data.get("updates", [])
        ]
    full["findings"] = [{"cited": [], "message": "", **f} for f in full["findings"]]
    model.model_validate(full)
    return full


def closing_sections(still: list[str], steps: list[str]) -> dict[str, list[str]]:
    """The summary's part of the closing output: what is still to validate, the next steps."""
    return {"still_to_validate": still, "next_steps": steps}


@dataclass
class Step:
    question_id: str
    answer: str
    analysis: dict[str, Any]
    reply: list[str]  # the streamed reply; none on the answer that reaches the summary
    # When this answer reaches the summary: the summary's sections (`closing_sections`), drafted with the
    # personas in one structured call, which stands for the reply.
    summary: dict[str, list[str]] | None = None
    # The personas drafted with the summary; none: the offline draft of each segment.
    personas: dict[str, Any] = field(default_factory=lambda: {"personas": []})


def closing_output(step: Step) -> dict[str, Any]:
    """The structured output that ends the session (checked against the strict model, so it cannot drift)."""
    assert step.summary is not None
    return ClosingOut.model_validate({**step.summary, **step.personas}).model_dump(mode="json")


def script(server: ScriptedOpenAI, step: Step, fmt: str = "json_schema") -> None:
    server.structured(step.analysis, fmt=fmt, label=step.question_id)
    if step.summary is None:
        server.stream(step.reply, label=f"{step.question_id} reply")
    else:
        server.structured(closing_output(step), fmt=fmt, label="summary and personas")


async def _no_sleep(_delay: float) -> None:
    return None


def llm_coach(
    server_url: str,
    prompts: Prompts,
    *,
    timeout: float = 2.0,
    max_retries: int = 2,
    canary: Canary | None = None,
) -> LLMCoach:
    """The LLM coach on the real `openai` client, the offline engine beside it, backoff without sleeps."""
    client = openai.AsyncOpenAI(
        base_url=server_url,
        api_key="test-key",
        max_retries=0,
        timeout=timeout,
        http_client=openai.DefaultAsyncHttpxClient(verify=False),
    )
    chat = ChatClient(
        client, "scripted-model", max_retries=max_retries, backoff=exponential_backoff(0.001), sleep=_no_sleep
    )
    return LLMCoach(chat, prompts, OfflineCoach(prompts), canary=canary)


def session_for(coach: Coach, prompts: Prompts, retriever: Any = None) -> CoachSession:
    context = Context(coach=coach, retriever=retriever or TagRetriever(), prompts=prompts)
    return CoachSession(build_graph(InMemorySaver(), InMemoryStore()), context)


@dataclass
class Sent:
    turn: Turn
    tokens: list[str]

    @property
    def streamed(self) -> str:
        return "".join(self.tokens)

    def text(self, kind: str) -> str:
        return "\n".join(m.text for m in self.turn.messages if m.kind == kind)


async def send(session: CoachSession, thread: str, text: str) -> Sent:
    tokens: list[str] = []
    turn: Turn | None = None
    async for item in session.stream(thread, text):
        if isinstance(item, TokenEvent):
            tokens.append(item.text)
        else:
            turn = item
    assert turn is not None
    return Sent(turn, tokens)


async def drive(session: CoachSession, thread: str, steps: list[Step]) -> list[Sent]:
    """Answer each step's question in order; fails when the session is not where the script expects."""
    current = await session.start(thread)
    sent: list[Sent] = []
    for step in steps:
        assert current.question_id == step.question_id, (step.question_id, [m.text for m in current.messages])
        result = await send(session, thread, step.answer)
        sent.append(result)
        current = result.turn
    return sent


# ---------------------------------------------------------------- an English session (dental SaaS)

PRACTICES = "Independent dental practices"

EN_STEPS = [
    Step(
        "intake",
        "We build scheduling software for small dental practices.",
        output("intake", startup="Scheduling software for small dental practices"),
        ["Scheduling ", "software for ", "small dental practices: ", "clear."],
    ),
    Step(
        "for_whom",
        "Independent dental practices with 2 to 5 dentists that still book appointments by phone.",
        output(
            "for_whom",
            updates=[
                {
                    "segment": PRACTICES,
                    "who": "2 to 5 dentists, still booking by phone",
                    "segment_type": "niche_market",
                    "type_rationale": "A specific professional group.",
                }
            ],
        ),
        ["You focus on ", "small independent practices ", "that still book by phone."],
    ),
    Step(
        "most_important",
        "Practices run by the dentist-owner, they feel the no-show losses directly.",
        output(
            "most_important",
            focus_segment=PRACTICES,
            updates=[{"segment": PRACTICES, "who": "Practices run by the dentist-owner"}],
        ),
        ["The owner feels ", "every no-show directly."],
    ),
    Step(
        "characteristics",
        "They answer the phone between patients, lose about 10% of slots to no-shows, and "
        "want to cut admin time.",
        output(
            "characteristics",
            updates=[
                {
                    "segment": PRACTICES,
                    "behaviours": ["Answer the phone between patients"],
                    "characteristics": ["Lose about 10% of slots to no-shows"],
                    "needs": ["Cut admin time"],
                }
            ],
        ),
        ["Phone calls between patients ", "and 10% of slots lost: ", "a concrete picture."],
    ),
    Step(
        "jobs",
        "Fill the agenda every day; remind patients before appointments.",
        output(
            "jobs",
            updates=[
                {
                    "segment": PRACTICES,
                    "jobs": ["Fill the agenda every day", "Remind patients before appointments"],
                }
            ],
        ),
        ["Two jobs: ", "a full agenda ", "and reminders."],
    ),
    Step(
        "pains",
        "No-shows cost them revenue; the receptionist spends hours on the phone.",
        output(
            "pains",
            updates=[
                {
                    "segment": PRACTICES,
                    "pains": ["No-shows cost revenue", "Hours on the phone for the receptionist"],
                }
            ],
        ),
        ["Lost revenue ", "and hours on the phone."],
    ),
    Step(
        "gains",
        "A full agenda without extra staff; patients who book online at night.",
        output(
            "gains",
            updates=[
                {
                    "segment": PRACTICES,
                    "gains": ["A full agenda without extra staff", "Patients booking online at night"],
                }
            ],
        ),
        ["A full agenda ", "without hiring."],
    ),
    Step(
        "buyer_user",
        "The dentist-owner signs and pays, the receptionist uses it every day.",
        output(
            "buyer_user",
            updates=[{"segment": PRACTICES, "buyer": "The dentist-owner", "user": "The receptionist"}],
        ),
        ["The owner pays, ", "the receptionist uses it."],
    ),
    Step(
        "evidence",
        "We interviewed 25 practice owners and run paid pilots with 4 practices.",
        output(
            "evidence",
            updates=[
                {
                    "segment": PRACTICES,
                    "validated": True,
                    "evidence": ["25 interviews with practice owners", "Paid pilots with 4 practices"],
                }
            ],
        ),
        ["Interviews and paid pilots: ", "that is evidence."],
    ),
    Step(
        "priority",
        "The owner-run practices first (value 4/5, fit 5/5); small dental clinics later.",
        output("priority", updates=[{"segment": PRACTICES, "priority_value": 4, "priority_fit": 5}]),
        [],  # the last answer: the summary is the reply
        summary=closing_sections(["Whether owners renew after the pilots."],
                                 ["**Value proposition**: no-show reminders."]),
    ),
]

# ---------------------------------------------------------------- a French session (organic bakery)

PARENTS = "Parents actifs du centre-ville"
TOO_BROAD = {
    "mistake_id": "too_broad",
    "evidence": "tout le monde mange du pain",
    "cited": ["exemples-de-segmentation#mauvaise-a-bonne", "inventé#id"],
    "message": "« Tout le monde » n'est pas un segment : on ne sert bien personne ainsi.",
}

FR_STEPS = [
    Step(
        "intake",
        "On lance une boulangerie bio qui livre du pain chaud le matin, a domicile.",
        output("intake", startup="Boulangerie bio qui livre du pain chaud le matin, à domicile"),
        ["Du pain bio ", "livré chaud ", "le matin : ", "c'est noté."],
    ),
    Step(
        "for_whom",
        "Franchement tout le monde, tout le monde mange du pain.",
        output(
            "for_whom",
            updates=[{"segment": "Tout le monde", "who": "tout le monde"}],
            findings=[TOO_BROAD],
            follow_up="Si vous ne pouviez séduire qu'un groupe précis le mois prochain, lequel serait-ce ? "
            "Et pourquoi ?",
        ),
        [
            "Vous pensez ",
            "que tout le monde ",
            "mange du pain ; ",
            "c'est vrai, ",
            "mais un segment ",
            "se définit par un besoin précis.",
        ],
    ),
    Step(
        "for_whom",
        "Les parents actifs du centre-ville qui partent tôt et n'ont pas le temps de passer à la "
        "boulangerie avant l'école.",
        output(
            "for_whom",
            updates=[
                {
                    "segment": PARENTS,
                    "who": "Parents qui partent tôt, sans temps pour la boulangerie avant l'école",
                    "segment_type": "niche_market",
                    "type_rationale": "Un groupe précis.",
                }
            ],
        ),
        ["Des parents ", "pressés le matin : ", "voilà un groupe précis."],
    ),
    Step(
        "most_important",
        "Les parents actifs, parce qu'ils achètent tous les jours et paient d'avance.",
        output("most_important", focus_segment=PARENTS, updates=[{"segment": PARENTS}]),
        ["Achat quotidien ", "et paiement d'avance."],
    ),
    Step(
        "characteristics",
        "Ils commandent leurs courses sur mobile, partent avant 8h, veulent du bio pour les enfants.",
        output(
            "characteristics",
            updates=[
                {
                    "segment": PARENTS,
                    "behaviours": ["Commandent leurs courses sur mobile", "Partent avant 8h"],
                    "needs": ["Du bio pour les enfants"],
                }
            ],
        ),
        ["Mobile, ", "départ avant 8h, ", "bio pour les enfants."],
    ),
    Step(
        "jobs",
        "Préparer le petit-déjeuner des enfants vite; éviter un détour avant le travail.",
        output(
            "jobs",
            updates=[
                {
                    "segment": PARENTS,
                    "jobs": [
                        "Préparer le petit-déjeuner des enfants vite",
                        "Éviter un détour avant le travail",
                    ],
                }
            ],
        ),
        ["Un petit-déjeuner ", "rapide, ", "sans détour."],
    ),
    Step(
        "pains",
        "La file d'attente le matin; le pain industriel rassis; les retards au travail.",
        output(
            "pains",
            updates=[
                {
                    "segment": PARENTS,
                    "pains": [
                        "La file d'attente le matin",
                        "Le pain industriel rassis",
                        "Les retards au travail",
                    ],
                }
            ],
        ),
        ["La file d'attente ", "et les retards."],
    ),
    Step(
        "gains",
        "Un petit-déjeuner sain que les enfants aiment; gagner 15 minutes chaque matin.",
        output(
            "gains",
            updates=[
                {
                    "segment": PARENTS,
                    "gains": [
                        "Un petit-déjeuner sain que les enfants aiment",
                        "Gagner 15 minutes chaque matin",
                    ],
                }
            ],
        ),
        ["Quinze minutes ", "gagnées ", "chaque matin."],
    ),
    Step(
        "buyer_user",
        "Les parents paient l'abonnement, toute la famille mange le pain.",
        output(
            "buyer_user", updates=[{"segment": PARENTS, "buyer": "Les parents", "user": "Toute la famille"}]
        ),
        ["Les parents paient, ", "la famille en profite."],
    ),
    Step(
        "evidence",
        "On a fait 22 entretiens avec des parents devant deux écoles et 40 précommandes sur notre page.",
        output(
            "evidence",
            updates=[
                {
                    "segment": PARENTS,
                    "validated": True,
                    "evidence": [
                        "22 entretiens avec des parents devant deux écoles",
                        "40 précommandes sur la page",
                    ],
                }
            ],
        ),
        ["Des entretiens et des précommandes : ", "de vraies preuves."],
    ),
    Step(
        "priority",
        "Les parents actifs du centre-ville d'abord (valeur 4/5, adéquation 4/5) ; les bureaux plus tard.",
        output("priority", updates=[{"segment": PARENTS, "priority_value": 4, "priority_fit": 4}]),
        [],  # the last answer: the summary is the reply
        summary=closing_sections(["La fidélité après le premier mois."],
                                 ["**Proposition de valeur** : la livraison avant 7h30."]),
    ),
]


def expected_calls(steps: list[Step]) -> int:
    """Two per answer: the analysis, then the reply or (the last answer) the summary with the personas."""
    return 2 * len(steps)


def usage_of(server: ScriptedOpenAI) -> tuple[int, int]:
    """Prompt and completion tokens the scripted server reported (structured: 400/80, streams: 200/20)."""
    prompt = completion = 0
    for request in server.requests:
        prompt, completion = (
            (prompt + 200, completion + 20) if request.get("stream") else (prompt + 400, completion + 80)
        )
    return prompt, completion
