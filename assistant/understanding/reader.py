"""Reading one answer for the common mistakes: the rule detectors, then the classifier heads that
decide (when their weights ship), judged against the session so far.

`read_mistakes(ctx)` is what both coaching engines call. With no classifier file, or no embedding
function, the rule detectors alone decide.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from assistant.domain import MISTAKE_IDS, MISTAKE_SCOPES
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.classifier import CONTEXT_MISTAKES, MistakeModel, features, load_model, session_text
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.mistakes import detect
from assistant.understanding.roles_reader import read_roles, roles_told_apart
from assistant.understanding.rules import whole

Embed = Callable[[list[str]], np.ndarray]


def read_mistakes(ctx: DetectionContext, embed: Embed | None, model: MistakeModel | None = None) -> list[Detection]:
    """Every mistake the answer shows, at most one detection per mistake id, with the founder's words.

    `model` defaults to the shipped heads; `embed` returns one vector per text (shape (n, 384))."""
    rules = detect(ctx)
    model = model or load_model()
    if model is None or embed is None or not ctx.answer.strip():
        return rules
    by_rule = {d.mistake_id: d for d in rules}
    # The session's vector only feeds the heads judged against the session: embed it only where they run.
    in_session_scope = any(ctx.question_id in MISTAKE_SCOPES[m] for m in CONTEXT_MISTAKES)
    context = session_text(ctx.canvas.startup, ctx.answers, ctx.question_id) if in_session_scope else ""
    answer, session = embed([ctx.answer, context])
    found: list[Detection] = []
    for mistake in MISTAKE_IDS:
        if ctx.question_id not in MISTAKE_SCOPES[mistake] or mistake not in model.heads:
            continue
        if mistake in CONTEXT_MISTAKES and not context.strip():
            continue  # judged against the session: with no pitch nor earlier answer there is nothing to judge
        if not model.trusts(mistake, ctx.question_id):  # too few labelled answers there: the rules decide
            if mistake in by_rule:
                found.append(by_rule[mistake])
            continue
        yes, p = model.decide(mistake, features(mistake, answer, session, ctx.question_id, set(by_rule)))
        if yes and mistake == "buyer_user_confusion" and roles_told_apart(ctx.answer):
            yes = False  # by definition: an answer that names a payer and a different user confuses nothing
        if yes:
            found.append(by_rule.get(mistake) or whole(mistake, ctx.answer, f"classifier p={p:.2f}"))
    return found


def read_groups(answer: str, embed: Embed | None) -> list[str]:
    """The customer groups an answer names, one entry per distinct group, in the founder's words
    (groups deferred to later are left out)."""
    return read_group_list(answer, embed).groups


def read_buyer_user(answer: str) -> tuple[str, str]:
    """(who pays, who uses) as the answer says them; "" when it does not say."""
    return read_roles(answer)
