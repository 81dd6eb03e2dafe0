"""Detectors about where the founder puts their focus: too many segments at once, and the small,
new or underserved groups dismissed out of hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain import MAX_SEGMENTS
from assistant.text.patterns import Match, find, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import contrast_after, is_negator, negated_before
from assistant.understanding.grammar_lists import contains, grammar_lists, phrases
from assistant.understanding.group_check import skip_hedges
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import STRUCTURE, announced_count, is_group_word, looks_plural
from assistant.understanding.listing import listed_groups, sweeping_range
from assistant.understanding.mistakes.focus_words import focus_lists, focus_patterns, focus_phrases, focus_sets
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
        if negated_before(tokens, m, 5):
            return False
        return not (pair_ok and tokens[m.start].norm in focus_sets()["pair_words"])

    return first_match(tokens, focus_patterns()["all_at_once"], keep)


def all_groups_at_once(ctx: DetectionContext, groups: int) -> Detection | None:
    """At `for_whom`, `groups` groups (at least `MAX_SEGMENTS`) said to be pursued all at once ("…, les SSIAD,
    les HAD : on veut tous les avoir en même temps"): the mistake's "all of them at once, no priority"."""
    if ctx.question_id != "for_whom" or groups < MAX_SEGMENTS:
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
    if said is not None and (negated_before(tokens, said, 3) or any(
            tokens[m.start].sentence == tokens[said.start].sentence and m.start >= said.end
            for m in find_all(tokens, focus_patterns()["disowned_counts"]))):
        # "nobody launches seven markets", "six segments with a team of five is not a strategy": a count denied
        # or called a mistake announces nothing
        announced = None
    if announced and announced > MAX_SEGMENTS:
        return whole("too_many_segments", ctx.answer, f"{announced} groups announced")
    if len(groups) > MAX_SEGMENTS and not (announced and announced <= MAX_SEGMENTS):
        return whole("too_many_segments", ctx.answer, f"{len(groups)} groups listed: {groups}")
    return None


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


@scoped("intake", "for_whom", "most_important", "characteristics", "evidence", "priority")
def ignores_underserved(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, focus_patterns()["dismissal_phrases"], lambda m: not negated_before(tokens, m, 2))
    m = m or first_match(tokens, focus_patterns()["dismissals"], lambda m: _small_dismissed(tokens, m))
    m = m or first_match(tokens, focus_patterns()["clause_end_dismissals"],
                         lambda m: _ends_clause(tokens, m) and _small_dismissed(tokens, m))
    m = m or first_match(tokens, focus_patterns()["group_dismissals"], lambda m: _underserved_reason(tokens, m)
                         and not negated_before(tokens, m, 2))
    if m is None or contrast_after(tokens, m) or _kept_for_later(tokens, tokens[m.start].sentence):
        return None
    return hit("ignores_underserved", ctx.answer, tokens, m, f"dismisses smaller or new groups: "
               f"'{m.pattern.source}'")





def _verbless(clause: Sequence[Token], verbs: frozenset[str]) -> bool:
    """A clause ending on its negation with no verb negated: "retirees, no" (not "ils ne conduisent pas",
    "they do not", "sans eux y a rien")."""
    negated_verb = any(t.norm in focus_sets()["verb_negation"] for t in clause)
    norms = tuple(t.norm for t in clause[:-1])  # "sans eux y a rien": "y a" is a verb, the clause a statement
    existential = any(norms[-len(p):] == p for p in phrases(focus_lists().existentials))
    return not negated_verb and not existential and not (len(clause) > 1 and clause[-2].norm in verbs)


def sets_a_group_aside(answer: str) -> bool:
    """Whether the founder turns some group away in `answer`, the act ignores_underserved is about (the reference
    text's mistake: small, new or underserved groups left aside without a look). Either words that turn a
    group away (grammar lexicon `dismissal`, `turning_away`: "forget them", "on les zappe", "hopeless"), or a
    negation of the founder's own: in a clause where they speak of themselves ("we won't build for them",
    "on va pas y aller"), or standing alone at a clause's edge ("seniors, no", "not the solo accountants").

    A negation inside a description of the target is none of these: "students without a car", "ceux qui n'ont
    pas le temps", "the jobs non pourvus", "their broker ignores them" (someone else leaves them unserved).
    """
    tokens = tokenise(answer)
    words = grammar_lists()
    sets = focus_sets()
    # "j'ai complètement zappé les préposées": an oversight admitted, its verb no turning away
    admitted = {i for m in find_all(tokens, focus_patterns()["oversights"]) for i in range(m.start, m.end)}
    norms = ["" if i in admitted else t.norm for i, t in enumerate(tokens)]
    if contains(norms, words.dismissal) is not None or contains(norms, words.turning_away) is not None:
        return True
    for i, token in enumerate(tokens):
        if token.norm in sets["describing_negators"] or not is_negator(tokens, i):
            continue
        if i and tokens[i - 1].norm in sets["alternative_joiners"]:
            continue  # "partial scholarships or none": an alternative, not a refusal
        clause = [t for t in tokens if t.clause == token.clause]
        if token.norm in sets["prefix_negators"] and clause[-1] is not token:
            continue  # "non pourvus", "non équipés": a word's prefix, not a founder's refusal
        if any(t.norm in sets["people_subjects"] for t in clause[:clause.index(token)]):
            continue  # "ils nous paient rien", "they don't pay us": what another group does, no refusal
        refused = (clause[-1] is token and _verbless(clause, words.clause_verbs)
                   or clause[0] is token and len(clause) > 2
                   and clause[1].norm in sets["refused_group_openers"]
                   and (_names_people(clause[2:]) or any(looks_plural(t.norm) for t in clause[2:])))
        if refused:
            return True
        # the founder's own refusal, of some people: "we won't build for them", not "on n'a pas besoin d'un sondage"
        if any(t.norm in words.first_person for t in clause) and _names_people(clause):
            return True
    return False


def _names_people(clause: Sequence[Token]) -> bool:
    """A group word, a pronoun for people ("them", "y"), or "for"/"pour" before a determiner ("for the night
    crews"): the founder's refusal in the clause is of some people, not of a thing ("a survey")."""
    sets = focus_sets()
    nexts = [t.norm for t in clause[1:]] + [""]  # the last word has none after it
    return any(t.norm in sets["people_objects"] or is_group_word(t.norm)
               or t.norm in sets["recipient_markers"] and nxt in sets["refused_group_openers"]
               for t, nxt in zip(clause, nexts, strict=True))


def turns_a_group_away_for_good(answer: str) -> bool:
    """`sets_a_group_aside` in a sentence that speaks of no later time (a deferral, or a sentence ending on "yet",
    "pour l'instant": `for_now`): "the small rural courts can't justify a
    contract; we'll come back with a shared version once we have ten courts" keeps them for later, the
    reasoned focus the reference text's mistake excludes; "seniors, forget them" turns them away."""
    tokens = tokenise(answer)
    for sentence in sorted({t.sentence for t in tokens}):
        words = [t for t in tokens if t.sentence == sentence]
        if sets_a_group_aside(answer[words[0].start:words[-1].end]) and not _kept_for_later(tokens, sentence):
            return True
    return False


def _kept_for_later(tokens: Sequence[Token], sentence: int) -> bool:
    """The sentence, or the next one, speaks of a later time (grammar lexicon `deferral`: "on y viendra l'an
    prochain", "we'll come back once…"), or the sentence ends on `for_now` ("yet", "pour l'instant")."""
    norms = [t.norm for t in tokens if t.sentence == sentence]
    after = [t.norm for t in tokens if t.sentence == sentence + 1]  # "…on their own; we'll come back once…"
    if contains(norms + after, focus_phrases("never_later")) is not None:
        return False  # "on ne va pas s'embêter avec eux, même plus tard"
    return contains(norms + after, grammar_lists().deferral) is not None \
        or any(tuple(norms[-len(p):]) == p for p in focus_phrases("for_now"))
