"""The one_sided_platform detector: a multi-sided platform whose founder names one side as the customer and
forgets (or waves off) the other, the reference text's mistake."""

from __future__ import annotations

from dataclasses import replace

from assistant.lexicon.role_reading import role_word_set
from assistant.text.patterns import find_all
from assistant.text.tokens import tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.exchange import GENERIC_GROUPS, provides
from assistant.understanding.grammar_lists import grammar_lists
from assistant.understanding.group_descriptions import without_anecdotes
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import (
    announced_count,
    group_head,
    group_words,
    is_group_word,
    same_group,
    structure_nouns,
)
from assistant.understanding.mistakes.side_names import (
    a_part,
    another_group_provides,
    names_side,
    owned,
    side_story,
    sides_among,
    stems,
    supplying_side,
)
from assistant.understanding.platform import is_platform, names_both_sides, platform_sides
from assistant.understanding.platform_words import marker_patterns
from assistant.understanding.platform_words import words as platform_words
from assistant.understanding.rules import context_text, scoped, whole
from assistant.understanding.side_asides import closes_on_one_customer, waved_off_groups, without_waved_off

SINGULAR_DEFINITES = role_word_set("singular_definites")


def _one_person(group: str) -> bool:
    """A group opened by a singular definite article on a singular head: "le conducteur de travaux", "the
    site manager" (a role inside a customer; a plural head, "the farmers", is a group). The head is the first group
    word as written: `group_head` folds its plural away."""
    tokens = tokenise(group)
    written = next(iter(group_words(tokens)), "")
    return bool(tokens) and tokens[0].norm in SINGULAR_DEFINITES and not written.endswith(("s", "x"))


def _named_groups(ctx: DetectionContext) -> list[str]:
    """The groups the founder has named as customers so far: in this answer, and in the canvas."""
    answer = _without_current_means(without_waved_off(without_anecdotes(ctx.answer)))
    texts = [answer, *(f"{s.name}: {s.who}" for s in ctx.canvas.segments)]
    if ctx.question_id == "most_important":
        texts.append(ctx.answers.get("for_whom", ""))
    return [g for text in texts if text for g in split_groups(text)]


def _without_current_means(answer: str) -> str:
    """The answer with what its customers use today blanked out to the end of its clause ("now they use the big
    delivery companies that…": `current_means` of `platform_markers.yaml`): their current solution, no side."""
    tokens = tokenise(answer)
    chars = list(answer)
    for m in find_all(tokens, marker_patterns()["current_means"]):
        clause = [t for t in tokens[m.end:] if t.clause == tokens[m.end - 1].clause]
        if clause:
            chars[clause[0].start:clause[-1].end] = " " * (clause[-1].end - clause[0].start)
    return "".join(chars)


def _told_sides(ctx: DetectionContext) -> list[str]:
    """The groups what was said before this answer says the platform connects (the answer's own objects, "no
    time for a web shop", are not sides)."""
    return platform_sides(context_text(ctx, with_answer=False), read_on=True)


def pitch_sides(ctx: DetectionContext) -> list[str]:
    """The groups the session says the platform connects: read in what was said before this answer, else with
    the answer."""
    return _told_sides(ctx) or platform_sides(context_text(ctx))


def names_both_sides_of_the_pitch(ctx: DetectionContext) -> bool:
    """The founder has named, in this answer or the canvas, both groups the session says the platform
    connects (`platform_sides`)."""
    sides = pitch_sides(ctx)
    groups = _named_groups(ctx)
    return len(sides) >= 2 and len(sides_among(groups, sides)) == len(sides)


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
    named = sides_among(groups, sides)
    others = [g for g in groups if not any(names_side(g, side) for side in sides)]
    missing = [side for side in sides if side not in named]
    # what only the missing side's story says: the exchange's own words ("milkings", told of both sides) tell
    # neither side apart
    told_of_named = set().union(*(side_story(context, n) for n in named))
    # one person ("le voisin il prête quand il veut", today's workaround) is no side named as a customer
    # nor are people in general ("chez les clients, …à chercher un tricycle": the goods' destination)
    told = [g for g in others if not _one_person(g) and group_head(g) not in GENERIC_GROUPS
            and (provides(g) or any(stems(g) & (side_story(context, m) - told_of_named) for m in missing))]
    # One group read where the founder named two ("visitors…, and locals with a spare room who want some extra
    # income"): the supply side is still told by what it provides.
    told += [g for g in groups if g not in others and len(named) == 1 and another_group_provides(g, named[0])
             and not any(names_side(g, m) for m in missing)]
    return len(named) + len(told) >= 2


def _trading_partner(answer: str, group: str) -> bool:
    """The group is who the named side sells to or buys from, the object of a preposition after a verb ("the
    ones selling to brokers at farm gate", "qui vendent aux intermédiaires"): a description of that side, not
    another customer."""
    tokens = tokenise(answer)
    at = answer.find(group)
    i = next((k for k, t in enumerate(tokens) if t.start == at), -1) if at >= 0 else -1
    mine = grammar_lists().first_person  # "we sell to hotels": the founder's own customers, maybe the other side
    if i < 2 or tokens[i - 1].norm not in platform_words()["partner_prepositions"]:
        return False
    clause = tokens[i].clause
    return tokens[i - 1].clause == clause and not (
        is_group_word(tokens[i - 2].norm) or any(u.norm in mine for u in tokens[:i] if u.clause == clause))


def _one_of_two_told(ctx: DetectionContext, groups: list[str], told: list[str]) -> bool:
    """The session before this answer tells two different sides (`told`) and the answer names one of them and
    no one else: each group it names is that side (people in general aside: "chez les clients"), and none of its
    words names the other side. A group named apart ("galleries, artists, collectors") may be the other side
    under another name."""
    # "cours en petits groupes": a word for a set of people is no side
    if len(told) != 2 or same_group(*told) or any(side in structure_nouns() for side in told):
        return False
    named = sides_among(groups, told)
    if not named:
        return _supply_side_unnamed(ctx, groups, told)
    if len(named) != 1:
        return False
    missing = next(side for side in told if side not in named)
    # any word of the answer that names the other side ("sheep farms" for "farmers"), in a group read or not;
    # not someone a group has ("leur déneigeur")
    tokens = tokenise(ctx.answer)
    norms = [t.norm for t in tokens]
    if any(len(t.norm) > 3 and same_group(missing, t.norm) and not owned(norms, i) for i, t in enumerate(tokens)):
        return False
    # a party the session named before ("captains" of the teams that book a referee: "captain pays, ref gets paid"),
    # or one person of a group ("the captain spends the week calling"), that is not the other side stays on the side
    # named
    before = {w.rstrip("sx") for w in group_words(tokenise(context_text(ctx, with_answer=False)))}

    def on_the_named_side(group: str) -> bool:
        head = group_head(group)
        if names_side(group, named[0]) or _generic(head) or a_part(group):
            return True
        return (head in before or _one_person(group)) and not same_group(head, missing)

    return all(on_the_named_side(g) for g in groups)


def _generic(head: str) -> bool:
    """People in general ("des gens qui ont 1 à 5 hectares": the head read is "gen")."""
    return head in GENERIC_GROUPS or head + "s" in GENERIC_GROUPS


def _supply_side_unnamed(ctx: DetectionContext, groups: list[str], told: list[str]) -> bool:
    """The answer names its customers under a name of its own ("les MRE … qui veulent des plateaux"), none of them
    by what they supply, while the side the session says supplies ("les artisans … vendent") goes unnamed."""
    supplier = supplying_side(context_text(ctx, with_answer=False), told)
    tokens = tokenise(ctx.answer)
    return bool(supplier and groups) and not any(provides(g) for g in groups) and not any(
        len(t.norm) > 3 and same_group(supplier, t.norm) for t in tokens)


@scoped("for_whom", "most_important")
def one_sided_platform(ctx: DetectionContext) -> Detection | None:
    context = context_text(ctx)
    linked = any(s.linked_segments for s in ctx.canvas.segments)
    if not (is_platform(context) or linked) or is_dont_know(ctx.answer) or names_both_sides(ctx.answer):
        return None
    groups = [g for g in _named_groups(ctx) if not _trading_partner(ctx.answer, g)]
    heads = [group_head(g) for g in groups]
    told = _told_sides(ctx)
    sides = told or platform_sides(context)  # `pitch_sides`, the session before the answer read once
    waved = [w for w in waved_off_groups(ctx.answer) if not sides or any(same_group(w, s) for s in sides)]
    if waved:  # "les couturiers, eux ils suivront": the other side named only to be set aside
        return replace(whole("one_sided_platform", ctx.answer, f"side {waved[0]} waved off"), stated=True)
    if sides and _sides_named(groups, sides, context):
        return None
    # sides the pitch names only by what they do ("the people who have the sauna with the people who want to
    # sit in it"): two groups the founder announces as such ("so two groups: farm families who own one, and
    # the visitors") are the two sides
    if sides and sides[0] == sides[1] and announced_count(ctx.answer) == 2 and len(
            {w for w in group_words(tokenise(ctx.answer)) if not same_group(w, sides[0])}) >= 2:
        return None
    # two groups named, no sides read: maybe both sides; one person of the first group ("Le conducteur de
    # travaux n'a pas le temps…", a role inside the customer) is no second group
    people = {h for g, h in zip(groups, heads, strict=True) if h not in GENERIC_GROUPS and not _one_person(g)}
    if not sides and len(people) >= 2:
        return None
    reason = f"platform with sides {sides or '?'}, named only {sorted(heads)}"
    # two sides read and one group closed on as the only customer ("c'est eux le client, voilà"), or two different
    # sides the pitch itself tells and the answer names one of them only: the mistake as the reference text
    # defines it, which a head's guess does not overrule
    # (one group closed on where the session before the answer already told a platform, sides read or not)
    closed = closes_on_one_customer(ctx.answer) and (bool(sides) or is_platform(context_text(ctx, with_answer=False)))
    stated = closed or bool(sides) and _one_of_two_told(ctx, groups, told)
    return replace(whole("one_sided_platform", ctx.answer, reason), stated=stated)
