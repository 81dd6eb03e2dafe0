"""Whether a founder turns a group away, the act the ignores_underserved mistake is about (the reference text:
small, new or underserved groups left aside without a look), and the reasons that make it no mistake: the group
kept for later, or already served by others.

Words: `dismissal`, `turning_away`, `deferral` of `lexicon/<lang>/grammar.yaml`; `oversights`, `idea_objects`,
`served_elsewhere`, `for_now`, `never_later` and the negation lists of `lexicon/<lang>/focus.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.cues import is_negator
from assistant.understanding.grammar_lists import contains, grammar_lists, phrase_at, phrases
from assistant.understanding.groups import is_group_word, looks_plural
from assistant.understanding.mistakes.focus_words import focus_lists, focus_patterns, focus_phrases, focus_sets


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
    if _turning_words(tokens):
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
        if _another_role_before(tokens, i):
            continue  # "eux c'est des partenaires, pas des clients": what the group is, no group refused
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


def _turning_words(tokens: Sequence[Token]) -> bool:
    """Words that turn a group away (grammar lexicon `dismissal`, `turning_away`), past an oversight admitted
    ("j'ai complètement zappé les préposées"), an idea dropped ("on a laissé tomber ça") and an act someone
    else does to the group ("qui se font laisser tomber par leur déneigeur": `agent_markers`)."""
    admitted = {i for m in find_all(tokens, focus_patterns()["oversights"]) for i in range(m.start, m.end)}
    norms = ["" if i in admitted else t.norm for i, t in enumerate(tokens)]
    return any((p := phrase_at(norms, i, turned)) is not None and not drops_an_idea(tokens, i + len(p))
               and not done_by_another(tokens, i + len(p)) and not _another_role_before(tokens, i)
               for turned in (grammar_lists().dismissal, grammar_lists().turning_away) for i in range(len(norms)))


def _another_role_before(tokens: Sequence[Token], at: int) -> bool:
    """The clause before `at`, in its sentence, gives the group another role ("eux c'est des partenaires, pas des
    clients": focus lexicon `other_roles`): what the group is to the startup, no group turned away."""
    if not at or tokens[at - 1].sentence != tokens[at].sentence:
        return False
    clause = tokens[at - 1].clause if tokens[at - 1].clause != tokens[at].clause else tokens[at].clause - 1
    return any(t.clause == clause and t.norm in focus_sets()["other_roles"] for t in tokens[:at])


def drops_an_idea(tokens: Sequence[Token], end: int) -> bool:
    """What is turned away at `end`, right after the turning words, is an idea of the founder's ("on a laissé
    tomber ça", "so we dropped that idea": `idea_objects`), not a group."""
    return any(m.start == end for m in find_all(tokens, focus_patterns()["idea_objects"]))


def done_by_another(tokens: Sequence[Token], end: int) -> bool:
    """The turning words are followed, at `end`, by who does the act ("qui se font laisser tomber par leur
    déneigeur", "ignored by the big banks": `agent_markers`): someone else's act, a pain of the group's."""
    return end < len(tokens) and tokens[end].norm in focus_sets()["agent_markers"]


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
    for sentence, words in _sentences(tokens):
        if sets_a_group_aside(answer[words[0].start:words[-1].end]) and not set_aside_with_reason(tokens, sentence):
            return True
    return False


def sets_aside_only_served_groups(answer: str) -> bool:
    """Every sentence of `answer` with words that turn a group away (`dismissal`, `turning_away`), at least one,
    says others already serve it (`served_elsewhere`): the labelling guide's well-served group left out on
    purpose."""
    tokens = tokenise(answer)
    aside = [s for s, words in _sentences(tokens) if _turning_words(words)]
    return bool(aside) and all(served_elsewhere(tokens, s) for s in aside)


def _sentences(tokens: Sequence[Token]) -> list[tuple[int, list[Token]]]:
    return [(s, [t for t in tokens if t.sentence == s]) for s in sorted({t.sentence for t in tokens})]


def set_aside_with_reason(tokens: Sequence[Token], sentence: int) -> bool:
    """The group turned away in the sentence is kept for later (`kept_for_later`), already served by others
    (`served_elsewhere`) or left out for its own care (`cared_for_elsewhere`): no underserved group ignored. A
    sentence that takes the previous one's verdict ("Les enfants non plus", "Children either": `same_as_before`)
    takes its reason too."""
    if kept_for_later(tokens, sentence) or served_elsewhere(tokens, sentence) or cared_for_elsewhere(tokens, sentence):
        return True
    norms = [t.norm for t in tokens if t.sentence == sentence]
    return sentence > 0 and contains(norms, focus_phrases("same_as_before")) is not None \
        and set_aside_with_reason(tokens, sentence - 1)


def cared_for_elsewhere(tokens: Sequence[Token], sentence: int) -> bool:
    """The sentence, or the next one, gives a reason of care, safety or law for leaving the group out (focus
    lexicon `care_elsewhere`: "they must see a doctor first, it can be an emergency", "I can't do safeguarding for
    under-18s properly"): a duty the founder keeps, not a group judged not worth serving (the labelling guide's
    ignores_underserved is a group dismissed as not worth it)."""
    return _said_in_or_after(tokens, sentence, "care_elsewhere")


def served_elsewhere(tokens: Sequence[Token], sentence: int) -> bool:
    """The sentence, or the next one, says others already serve the group set aside (`served_elsewhere`: "we
    leave them aside on purpose: the public employment agency already serves them quite well"): the reference
    text's focus on a group that needs the product, not an underserved group ignored."""
    return _said_in_or_after(tokens, sentence, "served_elsewhere")


def _said_in_or_after(tokens: Sequence[Token], sentence: int, key: str) -> bool:
    """A phrase of the focus lexicon's `key` list in the sentence or the next one (the reason often follows the
    group turned away: "…, on les laisse. L'agence publique les sert déjà bien")."""
    return any(tokens[m.start].sentence in (sentence, sentence + 1) for m in find_all(tokens, focus_patterns()[key]))


def kept_for_later(tokens: Sequence[Token], sentence: int) -> bool:
    """The sentence, or the next one, speaks of a later time (grammar lexicon `deferral`: "on y viendra l'an
    prochain", "we'll come back once…"), or the sentence ends on `for_now` ("yet", "pour l'instant")."""
    norms = [t.norm for t in tokens if t.sentence == sentence]
    after = [t.norm for t in tokens if t.sentence == sentence + 1]  # "…on their own; we'll come back once…"
    if contains(norms + after, focus_phrases("never_later")) is not None:
        return False  # "on ne va pas s'embêter avec eux, même plus tard"
    return contains(norms + after, grammar_lists().deferral) is not None \
        or any(tuple(norms[-len(p):]) == p for p in focus_phrases("for_now"))
