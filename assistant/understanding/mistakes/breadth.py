"""The too_broad detector: "everyone is my customer", said plainly or with a qualifier that narrows
nothing ("anyone with a phone"), unless negated, narrowed ("everyone who runs a dental practice") or
given up ("at first we thought everyone, but...").
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain import MAX_SEGMENTS
from assistant.lexicon import all_grammar_words
from assistant.text.patterns import Match, find, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import (
    FUNCTION_WORDS,
    contrast_after,
    negated_after,
    negated_before,
    past_belief_before,
)
from assistant.understanding.exchange import exchange_verb_at
from assistant.understanding.grammar_lists import grammar_lists
from assistant.understanding.listing import chained_sweep, indifferent_list, listed_groups, sweeping_range
from assistant.understanding.mistakes.breadth_words import (
    a_sentence_of_its_own,
    after_head,
    age_range,
    breadth_lists,
    clause_after,
    content_words,
    explicit_sweeps,
    no_exclusion,
    noun_heads,
    owns_the_market,
    pairs,
    pronoun_heads,
    quoted,
    said_to_be_the_target,
    starts_with,
    stems_of,
    trivial,
    word_sets,
)
from assistant.understanding.mistakes.focus_words import focus_patterns
from assistant.understanding.platform import is_platform
from assistant.understanding.rules import context_text, hit, scoped
from assistant.understanding.target_frame import without_landscape

WIDE_AGE_SPAN = 40


def _narrowed_by_clause(tokens: Sequence[Token], m: Match, adjectives_after: bool) -> bool:
    """"everyone who runs a dental practice", "les gens pressés" (French adjectives follow the noun)."""
    after = clause_after(tokens, m)
    if not after or starts_with(tokens, m.end, after_head()["subordinate"]):
        return False  # "n'importe qui dès qu'on vit ici": a clause of time, not a narrowing
    first = after[0].norm
    if first in word_sets()["comparatives"] and len(after) > 1 and after[1].norm in word_sets()["likeness_people"]:
        return True  # "people like me", "des gens comme nous": told by who they resemble
    participle = (len(first) > 4 and first.endswith(tuple(breadth_lists().participle_endings))
                  and first not in trivial())
    adjective = adjectives_after and first not in FUNCTION_WORDS and first not in trivial()
    if first in word_sets()["narrowers"] or participle or adjective:
        # a verb's object must narrow too when there is one: "anybody building houses", not "anybody building
        # anything" (a sweep of its own)
        rest = content_words(after[1:]) if participle else []
        if first in word_sets()["relatives"]:  # "anybody who sells stuff": the verb's object sweeps too
            rest = content_words(after[1:])[1:]
        return any(w not in trivial() and w not in word_sets()["sweeping_objects"] for w in rest) if rest else any(
            w not in trivial() for w in content_words(after))
    return False


def _contact_relative(tokens: Sequence[Token], m: Match) -> bool:
    """A relative clause with no pronoun, opened by the founder as its subject: "those are the people we're
    building this for", "everyone we talked to": the broad word points at a group named elsewhere, or at the
    founder's own contacts, no target of its own; so does a word of knowing after the founder ("its where i know
    people", "là où je connais du monde": `acquaintance_verbs`)."""
    first_person = grammar_lists().first_person
    if any(tokens[k].norm in word_sets()["acquaintance_verbs"] and tokens[k - 1].norm in first_person
           and tokens[k].clause == tokens[m.start].clause for k in range(max(1, m.start - 3), m.start)):
        return True
    return (m.end < len(tokens) and tokens[m.end].clause == tokens[m.end - 1].clause
            and tokens[m.end].norm in first_person)


def _narrowed_before(tokens: Sequence[Token], m: Match) -> bool:
    """An adjective right before a bare head ("busy people", "eco-conscious consumers", "jeunes gens"), or a
    noun modifier between a determiner and it ("the doodle people": `modifier_determiners`). Verbs are not
    adjectives: "helps people", "I guess all SMEs" stay broad."""
    if tokens[m.start].norm in word_sets()["quantifiers"] or m.start == 0:
        return False
    prev = tokens[m.start - 1]
    word = prev.norm
    if prev.clause != tokens[m.start].clause or word in FUNCTION_WORDS or word in trivial() or word.isdigit():
        return False
    if word in word_sets()["pre_adjectives"] or word.endswith(tuple(breadth_lists().adjective_endings)):
        return True
    # "the doodle people", "those bike people": a content word between a determiner and the head is a noun
    # modifier, a narrowing ("I help people", "the app helps people" have no determiner right before the verb)
    before = tokens[m.start - 2] if m.start >= 2 else None
    return (before is not None and before.clause == prev.clause and before.norm in word_sets()["modifier_determiners"]
            and word.isalpha() and word not in word_sets()["quantifiers"] and word not in all_grammar_words().others)


def _complement(tokens: Sequence[Token], m: Match) -> bool:
    """The broad word is another noun's complement, not the target's head: "the finance teams of SMEs", "les
    bureaux d'études des PME" (a content word, then a link, then the broad word, in one clause); nouns of
    amount or kind keep it the head ("lots of people", "la plupart des gens")."""
    if m.start < 2:
        return False
    link, noun = tokens[m.start - 1], tokens[m.start - 2]
    sets = word_sets()
    return (link.norm in sets["complement_links"] and noun.clause == link.clause == tokens[m.start].clause
            and noun.norm.isalpha() and len(noun.norm) > 2 and noun.norm not in FUNCTION_WORDS
            and noun.norm not in sets["amount_nouns"] and noun.norm not in sets["quantifiers"]
            and noun.norm not in trivial() and noun.norm not in all_grammar_words().quantities)


def _not_a_target(tokens: Sequence[Token], m: Match) -> bool:
    """"comme tout le monde", "before anyone calls", "30 people", "millions of people": not the founder's
    target."""
    before = [t.norm for t in tokens[max(0, m.start - 2):m.start] if t.clause == tokens[m.start].clause]
    if not before or starts_with(tokens, m.end, after_head()["claims"]):
        return False  # "so everyone is our customer": said to be the customer, whatever opens the sentence
    last = before[-1]
    # "millions of people", "des milliers de personnes": a number before the word is a size, not a target
    sets = word_sets()
    number = before[-2] if last in sets["number_links"] and len(before) == 2 else last
    at = m.start - 1  # "like everyone else" compares; "…. like all students honestly" opens on a filler
    filler = at == 0 or tokens[at - 1].clause != tokens[at].clause
    return (last in sets["comparatives"] and not filler or last in sets["subordinators"] or number.isdigit()
            or number in sets["number_words"] or number in all_grammar_words().quantities
            or before[-2:] in pairs())


def _quantifies_a_noun(tokens: Sequence[Token], m: Match) -> bool:
    """A pronoun head followed by a determiner quantifies the noun after it ("pour tous les artisans"), or sits in
    an idiom that names nobody ("une fois pour toutes")."""
    if any(i.start <= m.start and m.end <= i.end for i in find_all(tokens, after_head()["idioms"])):
        return True
    return (m.end < len(tokens) and tokens[m.end].clause == tokens[m.end - 1].clause
            and tokens[m.end].norm in word_sets()["determiners_after"])


def _possessive(text: str, tokens: Sequence[Token], m: Match, pronoun: bool = False) -> bool:
    """"everyone's share", "everyones share", "people's bills": the broad word owns a thing, it is no target.
    The English possessive "'s" (the apostrophe before the s: "s'inscrit" is no possessive), or a `pronoun`
    typed with a possessive s ("everyones": a pronoun has no plural)."""
    if starts_with(tokens, m.end, after_head()["claims"]):
        return False  # "everybody's our target": "'s" is "is", the broad word the customer
    last = tokens[m.end - 1]
    word = m.pattern.source  # one word: "tout le mondes" is a typo, French has no possessive s
    if pronoun and last.norm.endswith("s") and not word.endswith("s") and " " not in word and "|" not in word:
        return True
    if m.end >= len(tokens) or tokens[m.end].norm != "s" or tokens[m.end].clause != last.clause:
        return False
    return text[last.end:tokens[m.end].start] in ("'", "\u2019")


def _dismissed(tokens: Sequence[Token], m: Match) -> bool:
    """The founder negates it, compares with it, or says it was an early belief they have dropped."""
    return (negated_before(tokens, m) or negated_after(tokens, m) or _not_a_target(tokens, m)
            or past_belief_before(tokens, m) or contrast_after(tokens, m))


def _wide_age_range(tokens: Sequence[Token]) -> Match | None:
    for m in find_all(tokens, age_range()):
        ages = [int(t.norm) for t in tokens[m.start:m.end] if t.norm.isdigit()]
        if len(ages) == 2 and ages[1] - ages[0] >= WIDE_AGE_SPAN:
            return m
    return None


def broad_words_only_possessive(text: str) -> bool:
    """Every broad word of the text owns a thing ("works out everyone's share of the bills"): it names no
    target, so no too-broad one (a definition the classifier head's guess must meet too)."""
    tokens = tokenise(text)
    pronouns, nouns = find_all(tokens, pronoun_heads()), find_all(tokens, noun_heads())
    return bool(pronouns or nouns) and all(_possessive(text, tokens, m, pronoun=True) for m in pronouns) and all(
        _possessive(text, tokens, m) for m in nouns)


def people_only_as_exchange_sides(ctx: DetectionContext) -> bool:
    """Every broad word of the answer is a platform side described by what it does there ("makers list
    their pieces, people find a gift"): the answer names nobody as a target in general."""
    tokens = tokenise(ctx.answer)
    found = [*find_all(tokens, pronoun_heads()), *find_all(tokens, noun_heads())]
    return bool(found) and is_platform(context_text(ctx)) and all(exchange_verb_at(tokens, m.end) for m in found)


@scoped("intake", "for_whom", "most_important", "priority")
def too_broad(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    french = ctx.language == "fr"
    pitch = stems_of(ctx.canvas.startup or ctx.answers.get("intake", ""))

    def broad_pronoun(m: Match) -> bool:
        narrowed = _narrowed_by_clause(tokens, m, adjectives_after=False) and not owns_the_market(tokens, m, pitch)
        return not (_dismissed(tokens, m) or quoted(ctx.answer, tokens, m) or narrowed
                    or _possessive(ctx.answer, tokens, m, pronoun=True) or _contact_relative(tokens, m)
                    or _quantifies_a_noun(tokens, m))

    platform = is_platform(context_text(ctx))

    def broad_noun(m: Match) -> bool:
        # "n'importe quelle entreprise qui cherche de la main d'oeuvre": any at all, whatever the clause says
        free = starts_with(tokens, m.start, after_head()["free_choice"])
        narrowed = (not free and _narrowed_by_clause(tokens, m, adjectives_after=french) or _narrowed_before(tokens, m)
                    or _complement(tokens, m) or _contact_relative(tokens, m))
        # "makers list their pieces, people find a gift": one side of the exchange the platform runs,
        # described by what it does there, not a claim that everyone is the customer.
        side = platform and exchange_verb_at(tokens, m.end)
        return not (_dismissed(tokens, m) or quoted(ctx.answer, tokens, m) or narrowed or side
                    or _possessive(ctx.answer, tokens, m))

    pronoun, noun = first_match(tokens, pronoun_heads(), broad_pronoun), first_match(tokens, noun_heads(), broad_noun)
    m = pronoun or noun
    explicit = first_match(tokens, explicit_sweeps(), lambda m: not _dismissed(tokens, m))
    # "the whole market", "tous métiers confondus": no choice, said in so many words, unless the groups it covers
    # follow ("tout le marché : les PME, les crèches, les EHPAD…": many segments, the head weighs)
    # "…all of them at the same time … the more the better": the sweep is about how many segments, the head weighs
    sweep_said = explicit is not None and len(listed_groups(ctx.answer)) < MAX_SEGMENTS and not (
        find_all(tokens, focus_patterns()["all_at_once"]) or find_all(tokens, focus_patterns()["refusals"]))
    if explicit and not m:
        return hit("too_broad", ctx.answer, tokens, explicit, f"no choice made: '{explicit.pattern.source}'",
                   stated=sweep_said)
    m = m or _wide_age_range(tokens) or sweeping_range(tokens, 2) or chained_sweep(ctx.answer, tokens)
    listed = indifferent_list(tokens)  # kinds listed, then said not to matter: said in so many words
    if m is None:
        said = "kinds listed, then said not to matter"
        return None if listed is None else hit("too_broad", ctx.answer, tokens, listed, said, stated=True)
    # "every business got onboarding problem, so market is huge": the target said to be everyone, in so many words
    boast = first_match(tokens, after_head()["boasts"],
                        lambda b: not (negated_before(tokens, b) or past_belief_before(tokens, b)))
    # ... or a broad target with no group ruled out beside it ("anybody who sells stuff … I don't want to close any
    # door")
    swept = find(tokens, no_exclusion()) is not None and len(listed_groups(ctx.answer)) < MAX_SEGMENTS
    told = any(a_sentence_of_its_own(tokens, h) or said_to_be_the_target(tokens, h) for h in (m, pronoun, noun) if h)
    return hit("too_broad", ctx.answer, tokens, m, f"broad target '{m.pattern.source}' with no qualifier",
               stated=boast is not None or swept or told or sweep_said or bool(
                   listed and without_landscape(ctx.answer) == ctx.answer))  # a landscape's list is no target
