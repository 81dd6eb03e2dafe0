"""The never_revisited detector: segments treated as fixed while markets move ("nos segments ne
changeront pas", "once defined, we won't revisit", "on a fait notre segmentation il y a 3 ans et c'est bon").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache, partial
from typing import Literal

from assistant.lexicon import every_language
from assistant.lexicon.revisit import RevisitWords
from assistant.text.patterns import Match, PatternSet, compile_all, find_all, first_match
from assistant.text.tokens import Token, fold, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import contrast_after, negated_before
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.groups import is_group_word
from assistant.understanding.listing import CALENDAR
from assistant.understanding.roles_reader import DETERMINERS
from assistant.understanding.rules import hit, scoped


@lru_cache(maxsize=1)
def _lists() -> RevisitWords:
    """Every language's words (`assistant/lexicon/<lang>/revisit.yaml`): founders mix languages."""
    return every_language(RevisitWords, "revisit")


Patterns = Literal["subjects", "change", "frozen", "same_people", "no_revisit", "fixed_idioms", "fixed_states", "stale",
                   "still_fine", "temporary", "cadence", "review_dates", "review_verbs", "returns", "indifference"]


@cache
def _patterns(key: Patterns) -> PatternSet:
    """The compiled patterns of one list of `RevisitWords` ("frozen", "subjects"...)."""
    return compile_all(getattr(_lists(), key))


@cache
def _words(key: Literal["copulas", "time_words", "articles"]) -> frozenset[str]:
    return frozenset(getattr(_lists(), key))


@lru_cache(maxsize=1)
def _service_nouns() -> tuple[str, ...]:
    return tuple(_lists().service_nouns)


def _names_a_service(tokens: Sequence[Token], m: Match) -> bool:
    """Nouns of change that a pitch may sell ("la révision", "le changement de plaquettes", "per review"):
    after an article they name the service, not a decision about segments."""
    before = tokens[m.start - 1].norm if m.start else ""
    return (before in _words("articles") or before.isdigit()) and tokens[m.start].norm.startswith(_service_nouns())


def speaks_of_the_target_over_time(answer: str) -> bool:
    """Whether a word of time, change or decision shares a sentence with the target (revisit lexicon
    `subjects`: "c'est notre cible depuis 2018") or with the founder speaking of themselves (grammar lexicon
    `first_person`: "we picked that niche on day one"). A pitch's words of change often name the service
    itself ("59e la révision", "le changement de plaquettes"): those do not count, and a claim about segments
    staying fixed says whose they are."""
    tokens = tokenise(answer)
    norms = [t.norm for t in tokens]
    # "buyer and user, it's the same people": "same" tells two roles apart or not, it says nothing of time
    identity: set[int] = set()  # and idioms of indifference: no word of time
    for i in range(len(norms)):
        phrase = phrase_at(norms, i, grammar_lists().same_people)
        identity |= set(range(i, i + len(phrase or ())))
    # "qui signe, franchement ça ne change rien": something else does not matter, nothing is said of time
    identity |= {i for m in find_all(tokens, _patterns("indifference")) for i in range(m.start, m.end)}
    changing = {tokens[m.start].sentence for m in find_all(tokens, _patterns("change"))
                if not _names_a_service(tokens, m) and m.start not in identity} - _temporary_sentences(tokens)
    founder = grammar_lists().first_person
    # "since March": a month is no "market", whatever the typo tolerance
    subjects = {tokens[m.start].sentence for m in find_all(tokens, _patterns("subjects"))
                if tokens[m.start].norm not in CALENDAR}
    return bool(changing & (subjects | {t.sentence for t in tokens if t.norm in founder}))


def plans_a_review(answer: str) -> bool:
    """Whether a sentence of the answer plans to look at the segments again on a rhythm (revisit lexicon
    `cadence` and `review_verbs`, neither negated: "we look at the churn every 6 months and adjust", "on
    refait le point chaque trimestre"): the opposite of segments set in stone, whatever else the answer says."""
    tokens = tokenise(answer)
    rhythm = {tokens[m.start].sentence for m in find_all(tokens, _patterns("cadence"))
              if not negated_before(tokens, m, 3)}
    # or a date to come: "in March we look again", not "built in March 2022"
    rhythm |= {tokens[m.start].sentence for m in find_all(tokens, _patterns("review_dates"))
               if not (m.end < len(tokens) and tokens[m.end].norm.isdigit())}
    # "we're not gonna go back and redo it every season": the negation may sit a few words before the verb
    return any(tokens[m.start].sentence in rhythm and not negated_before(tokens, m, REVIEW_NEGATION_WINDOW)
               for m in find_all(tokens, _patterns("review_verbs")))


REVIEW_NEGATION_WINDOW = 6  # words before a review verb, in its clause, where a negation denies the review


def plans_a_return(answer: str) -> bool:
    """Whether a sentence of the answer plans to come back to a decision at a later time (revisit lexicon
    `returns` and the grammar lexicon's `deferral`, the return not negated: "not worth it yet, we'll come back
    to them next year", "on y reviendra après le pilote"): a segment put off is looked at again, the opposite
    of segments set in stone."""
    tokens = tokenise(answer)
    norms = [t.norm for t in tokens]
    later = {tokens[i].sentence for i in range(len(tokens)) if phrase_at(norms, i, grammar_lists().deferral)}
    return any(tokens[m.start].sentence in later and not negated_before(tokens, m, 3)
               for m in find_all(tokens, _patterns("returns")))


def _temporary_sentences(tokens: Sequence[Token]) -> set[int]:
    """Sentences that say their claim holds for a time only (revisit lexicon `temporary`: "settled for now")."""
    return {tokens[m.start].sentence for m in find_all(tokens, _patterns("temporary"))}


def claims_fixedness(answer: str, ages: bool = True) -> bool:
    """Whether the answer holds a word of fixedness, of anything (revisit lexicon `frozen`, `no_revisit`,
    `fixed_idioms`, `fixed_states`, and with `ages` an age, `stale`: "carved in stone", "c'est définitif", "that
    won't change", "for twenty years"), not negated nor said for a time only ("settled for now"). Segments said
    to be fixed need one, or a word of change about the target. A pitch's ages are its story ("she was treasurer
    for twenty years"): read without them there."""
    tokens = tokenise(answer)
    temporary = _temporary_sentences(tokens)
    keys: tuple[Patterns, ...] = ("frozen", "same_people", "no_revisit", "fixed_idioms", "fixed_states",
                                  *(("stale",) if ages else ()))

    def claim(m: Match, state: bool) -> bool:  # an adjective of `fixed_states` says "fixed" only after a verb
        # of being: "sur les plages des Sables" is no "stable"
        return (not negated_before(tokens, m, 3) and tokens[m.start].sentence not in temporary
                and (not state or _after_copula(tokens, m)))

    return any(first_match(tokens, _patterns(key), partial(claim, state=key == "fixed_states")) for key in keys)


def _about_segments(tokens: Sequence[Token], m: Match) -> bool:
    sentence = tokens[m.start].sentence
    return any(tokens[s.start].sentence in {sentence, sentence - 1} and s.start != m.start
               for s in find_all(tokens, _patterns("subjects")))


TOPIC_WORDS = 4  # at most this many words in a topic set off by a comma at the start of a sentence


def _of_something_else(tokens: Sequence[Token], m: Match) -> bool:
    """The refusal names what it is about, and that is not the target: an object right after it ("qui ne touche
    jamais un ordinateur") or a topic its sentence opens on, set off by a comma ("Leur salaire, … on n'y touche
    pas"); the target is a word of `subjects` or a customer group ("nos segments, on n'y touche plus")."""
    clause = tokens[m.end - 1].clause
    after = [t for t in tokens[m.end:] if t.clause == clause]
    if after and after[0].norm in DETERMINERS:
        return not _names_the_target(after)
    sentence = [t for t in tokens if t.sentence == tokens[m.start].sentence]
    topic = [t for t in sentence if t.clause == sentence[0].clause]
    if len(topic) <= TOPIC_WORDS and topic[0].norm in DETERMINERS and tokens[m.start].clause != topic[0].clause:
        return not _names_the_target(topic)
    return False


def _names_the_target(tokens: Sequence[Token]) -> bool:
    return bool(find_all(tokens, _patterns("subjects"))) or any(is_group_word(t.norm) for t in tokens)


def _claim_ends(tokens: Sequence[Token], m: Match) -> bool:
    clause = tokens[m.end - 1].clause
    return all(t.norm in _words("time_words") for t in tokens[m.end:] if t.clause == clause)


def _qualified(tokens: Sequence[Token], m: Match) -> bool:
    return tokens[m.start].sentence in _temporary_sentences(tokens) or contrast_after(tokens, m)


def _after_copula(tokens: Sequence[Token], m: Match) -> bool:
    """A verb of being in the two words before the match ("it's locked in", "c'est figé")."""
    return any(t.norm in _words("copulas") for t in tokens[max(0, m.start - 2):m.start])


def _fixed(tokens: Sequence[Token], m: Match, copula: bool) -> bool:
    if not _about_segments(tokens, m) or negated_before(tokens, m, 3):
        return False
    return not copula or _after_copula(tokens, m)


def _own_words(answer: str, tokens: Sequence[Token]) -> Callable[[Match], bool]:
    """Whether a match stays on one side of a quotation mark (any of them: `fold` writes each as '"'): 'fewer
    "room not ready" reviews' quotes a guest's words, the noun after them is no refusal to review."""
    return lambda m: '"' not in fold(answer[tokens[m.start].start:tokens[m.end - 1].end])


def _stale_and_fine(tokens: Sequence[Token]) -> Match | None:
    for stale in find_all(tokens, _patterns("stale")):
        sentence = tokens[stale.start].sentence
        if any(tokens[f.start].sentence == sentence for f in find_all(tokens, _patterns("still_fine"))):
            return stale
    return None


@scoped("for_whom", "most_important", "characteristics", "jobs", "pains", "gains", "buyer_user", "evidence",
        "priority")
def never_revisited(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    own = _own_words(ctx.answer, tokens)
    m = first_match(tokens, _patterns("frozen"),
                    lambda m: own(m) and _about_segments(tokens, m) and _claim_ends(tokens, m))
    refused = None if m else first_match(tokens, _patterns("no_revisit"),
                                         lambda m: own(m) and _about_segments(tokens, m))
    m = m or refused or first_match(tokens, _patterns("no_revisit"), lambda m: own(m) and _claim_ends(tokens, m))
    m = m or first_match(tokens, _patterns("same_people"), lambda m: own(m) and not negated_before(tokens, m, 3))
    m = m or first_match(tokens, _patterns("fixed_idioms"), lambda m: own(m) and _fixed(tokens, m, copula=False))
    # a state ends its clause to claim anything: "the segmentation is done," but not "they are done with paper"
    m = m or first_match(tokens, _patterns("fixed_states"),
                         lambda m: own(m) and _fixed(tokens, m, copula=True) and _claim_ends(tokens, m))
    if m is None or _qualified(tokens, m) or _of_something_else(tokens, m):
        m = _stale_and_fine(tokens)
        if m is None or not _about_segments(tokens, m):
            return None
    # a refusal to look at the target again, said of it ("ma cible, je ne vais pas la remettre en question"),
    # is the mistake in so many words: it stands over a head's guess (`Detection.stated`)
    return hit("never_revisited", ctx.answer, tokens, m, f"segments treated as fixed: '{m.pattern.source}'",
               stated=m is refused)
