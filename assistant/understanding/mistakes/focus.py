"""Detectors about where the founder puts their focus: too many segments at once, and the small,
new or underserved groups dismissed out of hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain import MAX_SEGMENTS, MISTAKE_SCOPES
from assistant.text.patterns import Match, find, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import contrast_after, negated_before, past_belief_before
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import skip_hedges
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import STRUCTURE, announced_count, is_group_word
from assistant.understanding.listing import indifferent_list, listed_groups, sweeping_range
from assistant.understanding.mistakes.aside import done_by_another, drops_an_idea, set_aside_with_reason
from assistant.understanding.mistakes.breadth_words import pronoun_heads, spanning_poles
from assistant.understanding.mistakes.focus_words import focus_patterns, focus_phrases, focus_sets
from assistant.understanding.platform import is_platform
from assistant.understanding.rules import hit, scoped, whole

# --- too_many_segments -------------------------------------------------------------------------------


def _all_as_the_answer(tokens: Sequence[Token]) -> Match | None:
    """"All of them" as the whole opening clause, past a hedge ("Honestly all of them, this is the point",
    "Tous, franchement"): asked which segment matters most, the founder names every one. "All of them are
    bakeries" goes on past the phrase: a description, no answer."""
    begin = 0
    while begin < len(tokens):  # a clause of hedges alone ("Honestly?") opens nothing
        end = next((i for i in range(begin, len(tokens)) if tokens[i].clause != tokens[begin].clause), len(tokens))
        start = begin + skip_hedges([t.norm for t in tokens[begin:end]])
        if start < end:
            found = [m for m in find_all(tokens[:end], focus_patterns()["all_as_the_answer"]) if m.start == start]
            return next((m for m in found if m.end == end), None)
        begin = end
    return None


def _all_at_once(ctx: DetectionContext, tokens: Sequence[Token]) -> Match | None:
    pair_ok = is_platform(ctx.canvas.startup + "\n" + ctx.answers.get("intake", "") + "\n" + ctx.answer)

    def keep(m: Match) -> bool:
        if negated_before(tokens, m, 5) or _in_a_reason(tokens, m.start):
            return False
        # "both at once", "les deux côtés en même temps": the pair word opens the phrase, past its article
        return not (pair_ok and any(t.norm in focus_sets()["pair_words"] for t in tokens[m.start:m.start + 2]))

    return first_match(tokens, focus_patterns()["all_at_once"], keep)


def _in_a_reason(tokens: Sequence[Token], at: int) -> bool:
    """The word at `at` is in a reason given, with no founder speaking in it ("because they have the hardest time
    finding snacks safe for all of them at once": what the group lives, not the founder's choice)."""
    norms = [t.norm for t in tokens]
    words = grammar_lists()
    since = next((i for i in range(at - 1, -1, -1) if tokens[i].sentence != tokens[at].sentence
                  or phrase_at(norms, i, words.reasons) is not None), -1)
    return since >= 0 and tokens[since].sentence == tokens[at].sentence and not any(
        n in words.first_person for n in norms[since:at])


def all_groups_at_once(ctx: DetectionContext, groups: int) -> Detection | None:
    """At `for_whom`, `most_important` or `priority`, `groups` groups (at least `MAX_SEGMENTS`) said to be pursued
    all at once ("…, les SSIAD, les HAD : on veut tous les avoir en même temps"; "Burial societies, yes. But also
    the church schemes, the savings clubs… I want to sign all of them from day one"), in no order: the
    mistake's "all of them at once, no priority"."""
    if ctx.question_id not in MISTAKE_SCOPES["too_many_segments"] or groups < MAX_SEGMENTS \
            or ranks_its_groups(ctx.answer):
        return None
    tokens = tokenise(ctx.answer)
    m = _all_at_once(ctx, tokens)
    return hit("too_many_segments", ctx.answer, tokens, m, f"{groups} groups, all at once") if m else None


@scoped("intake", "for_whom", "most_important", "priority")
def too_many_segments(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    if ctx.question_id in {"most_important", "priority"}:
        refusal = (first_match(tokens, focus_patterns()["refusals"], lambda m: not contrast_after(tokens, m))
                   or _all_as_the_answer(tokens))
        m = refusal or _all_at_once(ctx, tokens)
        if m:
            # a refusal to choose, said in words, stands over a head's guess (`Detection.stated`); "all at once"
            # may be said of something else ("they sign for every store at once"): the head weighs it
            return hit("too_many_segments", ctx.answer, tokens, m, "refuses to choose among segments",
                       stated=refusal is not None)
    m = (first_match(tokens, focus_patterns()["all_kinds"], lambda m: not negated_before(tokens, m))
         or sweeping_range(tokens, 3))
    if m:
        return hit("too_many_segments", ctx.answer, tokens, m, f"targets every kind: '{m.pattern.source}'")
    groups = listed_groups(ctx.answer) if ctx.question_id != "intake" else []
    found = all_groups_at_once(ctx, len(groups or split_groups(ctx.answer)))
    if found:
        return found
    announced = announced_count(ctx.answer)
    said = find(tokens, STRUCTURE)
    if said is not None and (negated_before(tokens, said, 3) or said.start and tokens[said.start - 1].norm in
                             focus_sets()["reference_articles"] or any(
            tokens[m.start].sentence == tokens[said.start].sentence and m.start >= said.end
            for m in find_all(tokens, focus_patterns()["disowned_counts"]))):
        # "nobody launches seven markets", "six segments with a team of five is not a strategy": a count denied
        # or called a mistake announces nothing; nor does a count of customers known ("the 10 groups the letters
        # of intent cover": `reference_articles`)
        announced = None
    if announced and announced > MAX_SEGMENTS:
        return whole("too_many_segments", ctx.answer, f"{announced} groups announced")
    # a list put in an order ("d'abord les campings, ensuite les gîtes, après seulement les hôtels") is a priority;
    # kinds closed by everyone or said not to matter ("le paysan, l'élève, le retraité, tout le monde peut tomber
    # malade") are examples of one target too broad; so are the poles of an axis ("the men, the women, the kids,
    # the grandparents": any gender, any age; `spanning_poles`)
    if len(groups) > MAX_SEGMENTS and len(set(groups) - spanning_poles(groups, ctx.answer)) > MAX_SEGMENTS and not (
            announced and announced <= MAX_SEGMENTS) and not ranks_its_groups(ctx.answer) and not _examples_of_everyone(
            ctx.answer, tokens, groups[0]) and not indifferent_list(tokens):
        return whole("too_many_segments", ctx.answer, f"{len(groups)} groups listed: {groups}")
    return None


def _examples_of_everyone(answer: str, tokens: Sequence[Token], first: str) -> bool:
    """Everyone is said the target before the list, in its sentence ("ça parle à tout le monde : les jeunes, les
    vieux, les sportifs…"): the kinds are examples of one target too broad, no pile of segments."""
    at = answer.find(first)
    before = [t for t in tokens if t.start < at] if at >= 0 else []
    if not before:
        return False
    # a broad word opened before the list, in the sentence of the word just before it
    return any(tokens[m.start].end <= at and tokens[m.start].sentence == before[-1].sentence
               for m in find_all(tokens, pronoun_heads()) if not negated_before(tokens, m))


def ranks_its_groups(answer: str) -> bool:
    """The answer puts a group first and another after it (focus lexicon `rank_first`, then `rank_next`: "Dangriga
    eateries first, then Hopkins eateries and guesthouses, then maybe Placencia next year"): an order among the
    groups, the reference text's advice, not many segments pursued at once (the labelling guide's "Not it")."""
    tokens = tokenise(answer)
    first = find(tokens, focus_patterns()["rank_first"])
    return first is not None and any(m.start >= first.end for m in find_all(tokens, focus_patterns()["rank_next"]))


# --- ignores_underserved -----------------------------------------------------------------------------


def _ends_clause(tokens: Sequence[Token], m: Match) -> bool:
    return all(t.norm in focus_sets()["trailing_ok"] for t in tokens[m.end:] if t.clause == tokens[m.end - 1].clause)


def _small_dismissed(tokens: Sequence[Token], m: Match) -> bool:
    """The small or new group is what is dismissed: named in the dismissal's clause ("les petits ne nous
    intéressent pas", "on se fiche des petits"), or in the clause just before when the dismissal names
    no group of its own: "les petits, on s'en fiche", not "les petits, les grands groupes on s'en fiche"."""
    clause = tokens[m.start].clause
    small = [s for s in find_all(tokens, focus_patterns()["small_refs"]) if not m.start <= s.start < m.end]
    if any(tokens[s.start].clause == clause for s in small):
        return True
    own_group = any(is_group_word(t.norm) for t in tokens if t.clause == clause)
    previous = clause - 1
    return not own_group and any(tokens[s.start].clause == previous and s.start < m.start for s in small)


def _underserved_reason(tokens: Sequence[Token], m: Match) -> bool:
    """A trait of underserved groups in the sentence, the one before ("rural clinics? forget them") or the one
    after, which often gives the reason ("…, pas la peine. Ces gens-là n'ont besoin de rien")."""
    sentence = tokens[m.start].sentence
    return any(tokens[t.start].sentence in {sentence - 1, sentence, sentence + 1} and not (m.start <= t.start < m.end)
               for t in find_all(tokens, focus_patterns()["underserved_traits"]))


def _conditioned(tokens: Sequence[Token], m: Match) -> bool:
    """A condition follows the refusal in its sentence ("won't buy anything until they've asked round the HR
    forum": focus lexicon `conditions`): how they buy, no group turned away."""
    norms = [t.norm for t in tokens]
    return any(tokens[i].sentence == tokens[m.start].sentence and phrase_at(norms, i, focus_phrases("conditions"))
               is not None for i in range(m.end, min(m.end + 3, len(tokens))))


@scoped("intake", "for_whom", "most_important", "characteristics", "evidence", "priority")
def ignores_underserved(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, focus_patterns()["dismissal_phrases"], lambda m: not negated_before(tokens, m, 2))
    m = m or first_match(tokens, focus_patterns()["dismissals"], lambda m: _small_dismissed(tokens, m))
    m = m or first_match(tokens, focus_patterns()["clause_end_dismissals"],
                         lambda m: _ends_clause(tokens, m) and _small_dismissed(tokens, m))
    # "au départ je voulais ouvrir à toutes les pharmacies, j'ai vite laissé tomber": a plan of the founder's dropped
    m = m or first_match(tokens, focus_patterns()["group_dismissals"], lambda m: _underserved_reason(tokens, m)
                         and not negated_before(tokens, m, 2) and not drops_an_idea(tokens, m.end)
                         and not past_belief_before(tokens, m) and not _conditioned(tokens, m))
    if m is None or contrast_after(tokens, m) or set_aside_with_reason(tokens, tokens[m.start].sentence):
        return None
    if done_by_another(tokens, m.end):
        return None  # "qui se font laisser tomber par leur déneigeur": someone else's act, a pain of theirs
    return hit("ignores_underserved", ctx.answer, tokens, m, f"dismisses smaller or new groups: "
               f"'{m.pattern.source}'")
