"""Reading one answer for the common mistakes: the rule detectors, then the classifier heads that
decide (when their weights ship), judged against the session so far.

`read_mistakes(ctx)` is what both coaching engines call. With no classifier file, or no embedding
function, the rule detectors alone decide.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cache

import numpy as np

from assistant.domain import MISTAKE_IDS, MISTAKE_SCOPES
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.classifier import (
    CONTEXT_MISTAKES,
    MistakeModel,
    features,
    load_model,
    session_parts,
    session_vector,
)
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.mistakes import detect
from assistant.understanding.mistakes.aside import sets_aside_only_served_groups, turns_a_group_away_for_good
from assistant.understanding.mistakes.breadth import broad_words_only_possessive, people_only_as_exchange_sides
from assistant.understanding.mistakes.breadth_words import spanning_poles
from assistant.understanding.mistakes.focus import all_groups_at_once, ranks_its_groups
from assistant.understanding.mistakes.profile import tells_behaviour, tells_differences
from assistant.understanding.mistakes.revisit import (
    claims_fixedness,
    plans_a_return,
    plans_a_review,
    speaks_of_the_target_over_time,
)
from assistant.understanding.mistakes.sides import names_both_sides_of_the_pitch
from assistant.understanding.platform import is_platform
from assistant.understanding.roles_model import read_roles_in
from assistant.understanding.roles_session import (
    each_side_pays,
    one_group_pays_and_uses,
    payer_named_apart,
    roles_told_apart,
)
from assistant.understanding.rules import other_texts, whole
from assistant.understanding.substance import everyone_only_denied, names_people_in_general, narrowed

Embed = Callable[[list[str]], np.ndarray]
# Above this probability a head's guess stands even where a lexicon-based check finds no support
# (measured on the train split: the 21 guesses such checks would veto had p >= 0.87 and were all right).
CONFIDENT = 0.85


def read_mistakes(ctx: DetectionContext, embed: Embed | None, model: MistakeModel | None = None) -> list[Detection]:
    """Every mistake the answer shows, at most one detection per mistake id, with the founder's words.

    `model` defaults to the shipped heads; `embed` returns one vector per text (shape (n, 384))."""
    rules = detect(ctx)
    model = model or load_model()
    if model is None or embed is None or not ctx.answer.strip():
        return rules
    by_rule = {d.mistake_id: d for d in rules}
    # The session's vector only feeds the heads judged against the session: embed it only where a trusted
    # head reads it.
    said = session_parts(ctx.canvas.startup, ctx.answers, ctx.question_id)
    session_said = bool(said)
    in_session_scope = any(ctx.question_id in MISTAKE_SCOPES[m] and m in model.heads
                           and model.trusts(m, ctx.question_id) for m in CONTEXT_MISTAKES)
    context = said if in_session_scope else []
    groups = cache(lambda: read_group_list(ctx.answer, embed).groups)  # read once, where a check needs them
    vectors = embed([ctx.answer, *context])  # earlier turns embedded these parts: the cache serves them
    answer, session = vectors[0], session_vector(vectors[1:])
    found: list[Detection] = []
    for mistake in MISTAKE_IDS:
        if ctx.question_id not in MISTAKE_SCOPES[mistake] or mistake not in model.heads:
            continue
        if not model.trusts(mistake, ctx.question_id):  # too few labelled answers there: the rules decide
            if mistake in by_rule and (mistake not in CONTEXT_MISTAKES or session_said):
                found.append(by_rule[mistake])
            continue
        if mistake in CONTEXT_MISTAKES and not context:
            continue  # judged against the session: with no pitch nor earlier answer there is nothing to judge
        yes, p = model.decide(mistake, features(mistake, answer, session, ctx.question_id, set(by_rule)))
        yes = yes or mistake in by_rule and by_rule[mistake].stated  # said in so many words: the rule stands
        if yes and mistake not in by_rule:
            read = {*by_rule, *(d.mistake_id for d in found)}  # too_broad is decided first (MISTAKE_IDS)
            yes = not _ruled_out(mistake, ctx, groups, p) and not _one_broad_group(mistake, ctx, read, groups, p)
        if yes:
            found.append(by_rule.get(mistake) or whole(mistake, ctx.answer, f"classifier p={p:.2f}"))
    if ctx.question_id in MISTAKE_SCOPES["too_many_segments"] and not any(
            d.mistake_id == "too_many_segments" for d in found):
        # The rules count groups with their lexicon; the group reader reads those it does not hold
        # ("gyms, physio clinics and amateur sports clubs, all of them at the same time").
        late = all_groups_at_once(ctx, len(groups()))
        found += [late] if late else []
    return found


def _one_broad_group(mistake: str, ctx: DetectionContext, ruled: Collection[str], groups: Callable[[], list[str]],
                     p: float) -> bool:
    """A guess of too many segments, or of a segment assumed homogeneous, where one target too broad is read
    and the answer names at most one group ("toutes les PME de France. Toutes."; "every runner in the UK…
    they all wear out shoes"), the two poles of an axis a sweep of the same people, no group ("tous les
    touristes, les jeunes, les vieux": `spanning_poles`): one group too wide, neither many segments nor a
    segment's members assumed alike."""
    named = groups()
    return (mistake in ("too_many_segments", "assumes_homogeneous") and p < CONFIDENT and "too_broad" in ruled
            and len(set(named) - spanning_poles(named, ctx.answer)) <= 1)


def _ruled_out(mistake: str, ctx: DetectionContext, groups: Callable[[], list[str]], p: float = 0.0) -> bool:
    """Definitions a head's guess must meet (source: the mistakes' definitions in the reference text):
    buyer/user confusion is impossible in an answer that names a payer and a different user, or that says
    one group pays and uses in a session where nobody else is said to pay; before the buyer/user question,
    a guess needs someone in the session said to pay apart from the answer's group. A one-sided platform needs a
    startup the rules read as a platform, a description by demographics only no two behaviour cues
    (`tells_behaviour`), a segment assumed homogeneous no difference acknowledged (`tells_differences`),
    segments said to be fixed a word of time or change ("set", "depuis", "won't change"; in the pitch, in a
    sentence about the target or the founder's own choice),
    too many segments no more than the platform's two sides (on the train split, none of the 31 answers naming
    both sides of the pitch and at most two groups was labelled too many), ignored underserved groups a group
    the founder turns away (`sets_a_group_aside`: "students without a
    car" describes a target, "seniors, forget them" turns one away), and a too-broad segment a group or
    people in general named; too many segments, groups not put in an order ("X first, then Y":
    `ranks_its_groups`) —
    unless the head is confident (p >= `CONFIDENT`): the rules' platform and group lexicons are not
    exhaustive, and on the train split every confident guess the rules would veto was right."""
    if mistake == "buyer_user_confusion":
        if roles_told_apart(ctx.answer) or each_side_pays(ctx.answer):
            return True  # a payer and a different user, or each side's payer: who pays is told
        session = other_texts(ctx)
        if payer_named_apart(ctx.answer, session):
            return False
        # Nobody in the session pays apart from the answer's group: one group that pays and uses, or, before
        # the buyer/user question, users called the customer with no one else said to pay, is no confusion.
        return one_group_pays_and_uses(ctx.answer) or (ctx.question_id != "buyer_user" and p < CONFIDENT)
    if mistake == "too_many_segments" and ranks_its_groups(ctx.answer):
        return True  # "X first, then Y and Z": an order among the groups, not many at once
    if mistake == "too_many_segments" and p < CONFIDENT and len(groups()) <= 2 and names_both_sides_of_the_pitch(ctx):
        return True  # "farmers n packhouses stay the focus": a platform's two sides, each needed, are not too many
    if mistake == "one_sided_platform" and names_both_sides_of_the_pitch(ctx):
        return True  # both groups the pitch says it connects are named: the other side is there
    if mistake == "one_sided_platform" and p < CONFIDENT:
        story = "\n".join([ctx.canvas.startup, ctx.answers.get("intake", ""), ctx.answers.get("for_whom", "")])
        return not is_platform(story) and not any(s.segment_type == "multi_sided" for s in ctx.canvas.segments)
    if mistake == "assumes_homogeneous" and p < CONFIDENT and tells_differences(ctx.answer):
        return True  # "they are not the same, the big ones… the small ones…": differences acknowledged
    if mistake == "demographics_only" and p < CONFIDENT:
        return tells_behaviour(ctx.answer)  # what they do, told beside who they are
    if mistake == "ignores_underserved" and sets_aside_only_served_groups(ctx.answer):
        return True  # "the public agency already serves them well": a well-served group left out, the focus
    if mistake == "ignores_underserved" and p < CONFIDENT:
        return not turns_a_group_away_for_good(ctx.answer)  # the mistake is an act: some group turned away
    if mistake == "never_revisited":
        # fixed segments are a claim: a word of fixedness, or of change about the target or the founder's own
        # choice; a word of time in a pain ("their first try died") or a pitch's service ("la révision") is none
        # a review planned on a rhythm ("every 6 months we look again") is the mistake's opposite
        # a pitch describes the product: its words of time are the service's ("relance automatique l'année
        # suivante"), so there only a word of fixedness claims the segments fixed
        over_time = ctx.question_id != "intake" and speaks_of_the_target_over_time(ctx.answer)
        planned = plans_a_review(ctx.answer) or plans_a_return(ctx.answer)  # a date to look again
        return planned or not (claims_fixedness(ctx.answer, ages=ctx.question_id != "intake") or over_time)
    if mistake == "too_broad":
        if broad_words_only_possessive(ctx.answer):
            return True  # "works out everyone's share": the broad word owns a thing, no target is named
        denied = everyone_only_denied(ctx.answer)
        if not denied and p >= CONFIDENT:
            return False
        if p < CONFIDENT and people_only_as_exchange_sides(ctx):
            return True  # "makers list their pieces, people find a gift": a side of the exchange, not a target
        named = groups()
        if denied and named:
            return True  # "tout le monde n'a pas un animal... nos clients, ce sont les foyers qui...": a narrowing
        # A guess, not a certainty: the definition must hold (a target with nothing that narrows it).
        return p < CONFIDENT and not names_people_in_general(ctx.answer) and all(narrowed(g) for g in named)
    return False


def read_groups(answer: str, embed: Embed | None) -> list[str]:
    """The customer groups an answer names, one entry per distinct group, in the founder's words
    (groups deferred to later are left out)."""
    return read_group_list(answer, embed).groups


def read_buyer_user(answer: str, embed: Embed | None = None) -> tuple[str, str]:
    """(who pays, who uses) as the answer says them; "" when it does not say. With `embed`, the role heads
    choose (`roles_model.py`); without, the rule reader."""
    return read_roles_in(answer, embed)
