"""Detectors about who plays which role: buyer and user conflated, one side of a platform forgotten."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.role_reading import role_word_set
from assistant.lexicon.roles import RoleWords
from assistant.text.patterns import Lexicon, Match, PatternSet, compile_all, find, find_all, first_match
from assistant.text.tokens import Token, clause_start, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import contrast_after, negated_before
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.exchange import GENERIC_GROUPS, provider_patterns, provides
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import skip_hedges
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import group_head, group_words, is_group_word, number_words, same_group
from assistant.understanding.platform import is_platform, names_both_sides, platform_sides
from assistant.understanding.roles_reader import ROLE_WORDS
from assistant.understanding.roles_session import each_side_pays
from assistant.understanding.rules import context_text, hit, scoped, whole


@lru_cache(maxsize=1)
def _patterns() -> dict[str, PatternSet]:
    """Every pattern list of `roles.yaml`, compiled once."""
    w = every_language(RoleWords, "roles")
    keys = ("indifference", "payer_mentions", "unimportant", "same_person", "different", "payer_roles",
            "team_users", "child_users", "solo", "payments", "waved_after")
    return {k: compile_all(getattr(w, k)) for k in keys}


@lru_cache(maxsize=1)
def _verbs() -> tuple[Lexicon, Lexicon]:
    """Who does what in the buyer/user answer ("the CFO signs, the accountants use"): paying, using."""
    w = every_language(RoleWords, "roles")
    return Lexicon(w.pay_verbs), Lexicon(w.use_verbs)


# --- buyer_user_confusion ----------------------------------------------------------------------------


def roles_likely_differ(text: str) -> bool:
    """Children, employees, insured patients, gifts, purchasing departments, platforms: someone other
    than the user often pays."""
    tokens = tokenise(text)
    patterns = _patterns()
    if find(tokens, patterns["child_users"]) or find(tokens, patterns["payer_roles"]) or is_platform(text):
        return True
    return find(tokens, patterns["team_users"]) is not None and find(tokens, patterns["solo"]) is None


def _nearest_group_before(tokens: Sequence[Token], i: int) -> str:
    """The group word nearest before the verb at `i`, not the object of an earlier verb ("c'est eux qui
    paient leur mutuelle et qui l'utilisent": "mutuelle" is what they pay, not who uses)."""
    start = max(0, i - 6)
    # a role word names no group: "c'est elle notre cliente, c'est elle qui paie" names one person twice
    words = {w for w in group_words(tokens[start:i]) if not ROLE_WORDS.match(w)}
    pay, use = _verbs()
    return next((tokens[j].norm for j in range(i - 1, start - 1, -1) if tokens[j].norm in words
                 and not any(t.norm in pay or t.norm in use for t in tokens[max(0, j - 2):j])), "")


def roles_told_apart(tokens: Sequence[Token]) -> bool:
    """"the claims director signs, the adjusters use the reports": someone pays, someone else uses."""
    pay, use = _verbs()
    for sentence in {t.sentence for t in tokens}:
        idx = [i for i, t in enumerate(tokens) if t.sentence == sentence]
        payers = {_nearest_group_before(tokens, i) for i in idx if tokens[i].norm in pay} - {""}
        users = {_nearest_group_before(tokens, i) for i in idx if tokens[i].norm in use} - {""}
        if payers and users and not any(same_group(p, u) for p in payers for u in users):
            return True
    return False


def _opens(tokens: Sequence[Token], at: int) -> bool:
    """The question "who pays" opens its clause, past a hedge and a word that embeds it ("honestly who pays",
    "savoir qui règle la facture": `question_frames`): a relative clause ("the HR people who sign the order")
    names a payer, it does not ask who pays."""
    start = clause_start(tokens, at)
    norms = [t.norm for t in tokens[start:at]]
    rest = norms[skip_hedges(norms):]
    return not rest or " ".join(rest) in _question_frames()


@lru_cache(maxsize=1)
def _question_frames() -> frozenset[str]:
    return frozenset(every_language(RoleWords, "roles").question_frames)


def _payer_waved_away(tokens: Sequence[Token]) -> Match | None:
    """Who pays named as a question, and said to matter little in the same sentence ("qui sort la carte bleue
    à la fin, c'est un détail", "honestly who signs the PO is secondary"); "qui paie, c'est pas un détail"
    keeps it. Or a payer named, then waved away by a contrast later in the sentence ("parents pay most of the
    time, but that doesn't matter": `payments`, `waved_after`)."""
    patterns = _patterns()
    payers = {tokens[m.start].sentence for m in find_all(tokens, patterns["payer_mentions"]) if _opens(tokens, m.start)}
    asked = first_match(tokens, patterns["unimportant"],
                        lambda m: tokens[m.start].sentence in payers and not negated_before(tokens, m, 3))
    if asked:
        return asked
    # "the parents pay in 70% of cases, but that doesn't matter": a payer named, then waved away
    paid = {tokens[m.start].sentence: m.start for m in reversed(find_all(tokens, patterns["payments"]))}
    return first_match(tokens, patterns["waved_after"],
                       lambda m: paid.get(tokens[m.start].sentence, len(tokens)) < m.start)


@scoped("for_whom", "most_important", "buyer_user", "priority")
def buyer_user_confusion(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    patterns = _patterns()
    m = (first_match(tokens, patterns["indifference"], lambda m: not negated_before(tokens, m, 2))
         or _payer_waved_away(tokens))
    if m:
        return hit("buyer_user_confusion", ctx.answer, tokens, m, "who pays does not matter to the founder",
                   stated=True)
    said_different = first_match(tokens, patterns["different"], lambda m: not negated_before(tokens, m))
    told_apart = said_different is not None or roles_told_apart(tokens) or each_side_pays(ctx.answer)
    if ctx.question_id != "buyer_user" or told_apart:
        return None
    m = first_match(tokens, patterns["same_person"],
                    lambda m: not (negated_before(tokens, m, 3) or contrast_after(tokens, m)))
    if m is None or not roles_likely_differ(context_text(ctx, with_answer=False)):
        return None
    return hit("buyer_user_confusion", ctx.answer, tokens, m, "buyer and user said to be the same where they "
               "likely differ")


# --- one_sided_platform ------------------------------------------------------------------------------

SINGULAR_DEFINITES = role_word_set("singular_definites")


def _one_person(group: str, head: str) -> bool:
    """A group opened by a singular definite article on a singular head: "le conducteur de travaux", "the
    site manager" (a role inside a customer; a plural head, "the farmers", is a group)."""
    norms = [t.norm for t in tokenise(group)]
    return bool(norms) and norms[0] in SINGULAR_DEFINITES and not head.endswith(("s", "x"))


def _named_groups(ctx: DetectionContext) -> list[str]:
    """The groups the founder has named as customers so far: in this answer, and in the canvas."""
    texts = [ctx.answer, *(f"{s.name}: {s.who}" for s in ctx.canvas.segments)]
    if ctx.question_id == "most_important":
        texts.append(ctx.answers.get("for_whom", ""))
    return [g for text in texts if text for g in split_groups(text)]


STEM = 5


def _stems(text: str) -> set[str]:
    return {t.norm[:STEM] for t in tokenise(text) if len(t.norm) >= STEM and not is_group_word(t.norm)}


def _side_story(context: str, side: str) -> set[str]:
    """What the session says of one side, as word stems: the clauses that name it ("les commerces du
    quartier mettent en vente leurs invendus" → invendus, vente, quartier). A group described with those
    words ("les boulangeries qui jettent des invendus") is that side under a more precise name."""
    tokens = tokenise(context)
    clauses = {t.clause for t in tokens if same_group(side, t.norm)}
    return {t.norm[:STEM] for t in tokens if t.clause in clauses and len(t.norm) >= STEM
            and not is_group_word(t.norm)}


def _names_side(group: str, side: str) -> bool:
    """"freelance designers who want steady clients" names the side "freelance"; a group named in the reason
    given ("…qui galèrent parce que les artisans répondent pas") is not named as a customer."""
    tokens = tokenise(group)
    norms = [t.norm for t in tokens]
    cut = next((i for i in range(len(norms)) if phrase_at(norms, i, grammar_lists().reasons)), len(norms))
    # a count of the side's word sizes the group it describes ("clinics, like 1-3 vets", "cabinets de 2 à 5
    # kinés"): it does not name that side
    return any(same_group(side, t.norm) for i, t in enumerate(tokens[:cut])
               if len(t.norm) > 2 and not (i and (norms[i - 1].isdigit() or norms[i - 1] in number_words())))


def _another_group_provides(group: str, side: str) -> bool:
    """"visitors…, and locals with a spare room who want some extra income": another clause of the group read
    describes someone by what they supply. The named side's own supply verbs, in its own clause ("makers who
    sell…"), do not count: that is the side named, not the other one."""
    tokens = tokenise(group)
    own = {t.clause for t in tokens if same_group(side, t.norm)}
    return first_match(tokens, provider_patterns(), lambda m: tokens[m.start].clause not in own) is not None


def pitch_sides(ctx: DetectionContext) -> list[str]:
    """The groups the session says the platform connects: read in what was said before this answer (the
    answer's own objects, "no time for a web shop", are not sides), else with the answer."""
    return platform_sides(context_text(ctx, with_answer=False), read_on=True) or platform_sides(context_text(ctx))


def names_both_sides_of_the_pitch(ctx: DetectionContext) -> bool:
    """The founder has named, in this answer or the canvas, both groups the session says the platform
    connects (`platform_sides`)."""
    sides = pitch_sides(ctx)
    groups = _named_groups(ctx)
    return len(sides) >= 2 and all(any(_names_side(g, side) for g in groups) for side in sides)


def _sides_named(groups: list[str], sides: list[str], context: str) -> bool:
    """Both sides the pitch says the platform connects are among the groups named."""
    if len(sides) == 2 and sides[0] == sides[1]:
        # peers on both sides ("farmers list idle equipment, other farmers rent it"): both are named when one
        # group is told by what it supplies and another is not
        supplying = [provides(g) for g in groups]
        return any(supplying) and not all(supplying)
    # Another group counts as the missing side only when it is described by what it provides ("les étudiants
    # qui veulent garder des chiens"), not when it is one more group of the same side ("passengers and
    # companies that need rides").
    named = [side for side in sides if any(_names_side(g, side) for g in groups)]
    others = [g for g in groups if not any(_names_side(g, side) for side in sides)]
    missing = [side for side in sides if side not in named]
    # what only the missing side's story says: the exchange's own words ("milkings", told of both sides) tell
    # neither side apart
    told_of_named = set().union(*(_side_story(context, n) for n in named))
    told = [g for g in others if provides(g) or any(_stems(g) & (_side_story(context, m) - told_of_named)
                                                     for m in missing)]
    # One group read where the founder named two ("visitors…, and locals with a spare room who want some extra
    # income"): the supply side is still told by what it provides.
    told += [g for g in groups if g not in others and len(named) == 1 and _another_group_provides(g, named[0])
             and not any(_names_side(g, m) for m in missing)]
    return len(named) + len(told) >= 2


@scoped("for_whom", "most_important")
def one_sided_platform(ctx: DetectionContext) -> Detection | None:
    context = context_text(ctx)
    linked = any(s.linked_segments for s in ctx.canvas.segments)
    if not (is_platform(context) or linked) or is_dont_know(ctx.answer) or names_both_sides(ctx.answer):
        return None
    groups = _named_groups(ctx)
    heads = [group_head(g) for g in groups]
    sides = pitch_sides(ctx)
    if sides and _sides_named(groups, sides, context):
        return None
    # two groups named, no sides read: maybe both sides; one person of the first group ("Le conducteur de
    # travaux n'a pas le temps…", a role inside the customer) is no second group
    people = {h for g, h in zip(groups, heads, strict=True) if h not in GENERIC_GROUPS and not _one_person(g, h)}
    if not sides and len(people) >= 2:
        return None
    reason = f"platform with sides {sides or '?'}, named only {sorted(heads)}"
    return whole("one_sided_platform", ctx.answer, reason)
