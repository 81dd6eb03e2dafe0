"""The phrases of a buyer/user answer that could name who pays or who uses, and what the grammar around
each says: the noun phrases that open a clause, follow a determiner, an agent marker ("paid by X") or a
cleft ("c'est X qui…"), and their shorter prefixes ("the department of corrections contracts with us" gives
"the department of corrections"). The role model (`roles_model.py`) chooses among them.

Each candidate comes with grammatical facts, not vocabulary: it stands right before the clause's paying or
using verb (its agent), after an agent marker (a passive's agent), after the paying verb (its object), in a
cleft; the clause is negated or hedged; the answer says the roles are the same people; a pronoun or a
clause with no subject of its own ("…and use it", "c'est lui qui paie, l'artisan") points to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon.lazy import LazyRegex
from assistant.lexicon.role_reading import role_word_set
from assistant.text.tokens import Token, normalise, tokenise
from assistant.understanding.groups import is_group_word
from assistant.understanding.role_sameness import SAME
from assistant.understanding.roles_reader import (
    DETERMINERS,
    HEDGE,
    LEAD,
    NEGATED,
    PAYS,
    PRONOUNS,
    STOPS,
    USES,
    fold_clause,
    paying_clauses,
    role_words,
    split_clauses,
    user_named,
)

MAX_ROLE_WORDS = 8
# Words after which a noun phrase starts: an agent marker, a copula, the dative of "sold to X".
_OPEN_AFTER = role_word_set("opens_after")
_COPULAS = role_word_set("copulas", "contracted_copulas")
_RELATIVES = role_word_set("relatives")
# "lui-même", "themselves": what says the role is the same person, never part of the role's words.
_SELF = role_word_set("self_words")
# French elided pronouns before a verb ("qui s'abonne", "c'est"): never the end of a role.
_CLITICS = role_word_set("elided_clitics")
# Who is named by what they do: "whoever orders", "celui ou celle qui gère les factures".
_FREE_RELATIVES = role_word_set("free_relatives")
_CLEFT_PRONOUNS = role_word_set("cleft_pronouns")  # "c est lui": the first three words of a clause
_AND = role_word_set("and_words")


@lru_cache(maxsize=1)
def _grammar() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, ...], ...]]:
    """(qualifiers, agent markers, hedges as word tuples, longest first) of every language
    (`lexicon/<lang>/grammar.yaml`)."""
    from assistant.lexicon import all_grammar_words

    words = all_grammar_words()
    hedges = sorted({tuple(w.split()) for w in [*words.hedges, *words.frequency] if w.strip()}, key=len, reverse=True)
    return frozenset(words.qualifiers), frozenset(words.agent_markers), tuple(hedges)


@dataclass(frozen=True)
class Candidate:
    text: str  # as the founder wrote it
    clause: int  # index in `split_clauses(answer)`
    start: int  # token span in its clause's tokens
    end: int


def _trimmed(tokens: tuple[Token, ...], start: int, end: int) -> tuple[int, int] | None:
    """The span without leading hedges and trailing function words; None when nothing names anyone (a verb,
    a pronoun, a stop word, determiners only)."""
    qualifiers, markers, hedges = _grammar()
    trail = qualifiers | markers | DETERMINERS | _RELATIVES | _COPULAS | PRONOUNS | _SELF | _CLITICS | _AND
    hedged = True
    while hedged:
        words = tuple(t.norm for t in tokens[start:end])
        hedge = next((h for h in hedges if words[:len(h)] == h and len(h) < len(words)), None)
        hedged = hedge is not None
        start += len(hedge) if hedge else 0
    while end > start and tokens[end - 1].norm in trail:
        end -= 1
    if end <= start:
        return None
    first = tokens[start].norm
    if first in STOPS or first in PRONOUNS or PAYS.fullmatch(first) or USES.fullmatch(first):
        return None
    if all(t.norm in DETERMINERS for t in tokens[start:end]):
        return None
    return start, end


def _clause_candidates(clause: str, index: int) -> list[Candidate]:
    tokens = tokenise(clause)
    if not tokens:
        return []
    qualifiers, markers, _ = _grammar()
    lead = LEAD.match(fold_clause(clause))
    skip = len(tokenise(lead.group(0))) if lead else 0
    starts = {skip} | {i for i, t in enumerate(tokens) if t.norm in DETERMINERS
                       or i and tokens[i - 1].norm in _OPEN_AFTER | markers}
    found: list[Candidate] = []
    for i in sorted(s for s in starts if s < len(tokens)):
        words = role_words(clause, tokens, i, MAX_ROLE_WORDS)
        # (clamped: a slice of the clause may tokenise into one more token than it covers, "dont" cut off
        # from the word after it)
        span = (i, min(len(tokens), i + len(tokenise(words)))) if words else ((i, i + 1) if i == skip else None)
        span = _trimmed(tokens, *span) if span else None
        if span is None:
            continue
        start, end = span
        compound = _compound_end(tokens, end, start + MAX_ROLE_WORDS)  # "the school district", "the logistics company"
        ends = [end] + [e for e in range(start + 1, compound + 1)
                        if e != end and tokens[e - 1].norm not in qualifiers | markers | DETERMINERS]
        if not (end - start == 1 and tokens[start].norm in _FREE_RELATIVES):  # "whoever" alone names nobody
            found += [Candidate(clause[tokens[start].start:tokens[e - 1].end], index, start, e) for e in ends]
        relative = _with_relative(tokens, start, end)
        span = _trimmed(tokens, start, relative) if relative else None
        if span:
            found.append(Candidate(clause[tokens[span[0]].start:tokens[span[1] - 1].end], index, *span))
    return found


def _compound_end(tokens: tuple[Token, ...], end: int, limit: int) -> int:
    """How far a phrase may go on past its group word: the words that follow, up to a function word, a
    paying or using verb or `limit` ("the volunteer coaches", "the school district"; the heads choose)."""
    qualifiers, markers, _ = _grammar()
    stops = STOPS | qualifiers | markers | DETERMINERS | _RELATIVES | _COPULAS | PRONOUNS | _CLITICS
    while end < min(len(tokens), limit) and tokens[end].norm not in stops and not (
            PAYS.fullmatch(tokens[end].norm) or USES.fullmatch(tokens[end].norm)):
        end += 1
    return end


def _with_relative(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """Where a role named with its relative clause ends: "the person who does the weekly shop (buys it)",
    "whoever does the shopping (pays)", "celui ou celle qui gère les factures (télécharge…)" — right before
    the clause's paying or using verb that follows the relative clause; None without one."""
    rel = end if end < len(tokens) and tokens[end].norm in _RELATIVES else None
    if rel is None and tokens[start].norm in _FREE_RELATIVES:
        rel = start
    if rel is None:
        return None
    verb = next((k for k in range(rel + 2, min(len(tokens), rel + 2 + MAX_ROLE_WORDS))
                 if PAYS.fullmatch(tokens[k].norm) or USES.fullmatch(tokens[k].norm)), None)
    return verb if verb is not None and verb - start <= 2 * MAX_ROLE_WORDS else None


def role_candidates(answer: str) -> tuple[list[str], list[Candidate]]:
    """(the answer's clauses, its candidate phrases), each phrase once per clause."""
    clauses = split_clauses(answer)
    seen: set[tuple[int, str]] = set()
    candidates = []
    for index, clause in enumerate(clauses):
        for cand in _clause_candidates(clause, index):
            key = (index, normalise(cand.text))
            if key not in seen:
                seen.add(key)
                candidates.append(cand)
    return clauses, candidates


def masked(clause: str, cand: Candidate) -> str:
    """The clause with the candidate replaced by "X": what the clause says of whoever it names."""
    tokens = tokenise(clause)
    return clause[:tokens[cand.start].start] + "X" + clause[tokens[cand.end - 1].end:]


def _verb_at(tokens: tuple[Token, ...], verb: LazyRegex) -> int | None:
    return next((k for k, t in enumerate(tokens) if verb.fullmatch(t.norm)), None)


def _pointed_to(clauses: list[str], candidates: list[Candidate], verb: LazyRegex) -> set[int]:
    """Candidates a clause's verb refers to when the clause names no agent of its own: after a cleft pronoun
    ("c'est lui qui paie…, l'artisan") the next named phrase, else the last phrase that opened an earlier
    clause ("parents pay and use it")."""
    pointed: set[int] = set()
    for ci, clause in enumerate(clauses):
        tokens = tokenise(clause)
        v = _verb_at(tokens, verb)
        if v is None or NEGATED.search(fold_clause(clause)):
            continue
        if any(c.clause == ci and c.end <= v and v - c.end <= 2 for c in candidates):
            continue
        after = [k for k, c in enumerate(candidates) if ci < c.clause <= ci + 2]
        before = [k for k, c in enumerate(candidates) if c.clause < ci and c.start <= 2]
        cleft = " ".join(t.norm for t in tokens[:3]) in _CLEFT_PRONOUNS
        pointed.update(after[:1] if cleft and after else before[-1:])
    return pointed


def grammar_facts(clauses: list[str], candidates: list[Candidate], rule_roles: tuple[str, str]) -> list[list[float]]:
    """One row of facts per candidate, in the order of their names below (0/1, and a length / 5);
    `rule_roles` is the rule reader's (buyer, user), whose agreement is one fact among the others."""
    qualifiers, markers, _ = _grammar()
    folded = [fold_clause(c) for c in clauses]
    tokens_of = [tokenise(c) for c in clauses]
    paying = set(paying_clauses(clauses))
    same = bool(SAME.search(" ".join(folded)))
    pays_to, uses_to = _pointed_to(clauses, candidates, PAYS), _pointed_to(clauses, candidates, USES)
    rule_buyer, rule_user = (set(_content(r)) for r in rule_roles)
    rows = []
    for k, cand in enumerate(candidates):
        tokens, said = tokens_of[cand.clause], folded[cand.clause]
        prev = tokens[cand.start - 1].norm if cand.start else ""
        prev2 = tokens[cand.start - 2].norm if cand.start > 1 else ""
        nxt = tokens[cand.end].norm if cand.end < len(tokens) else ""
        pay_verb, use_verb = _verb_at(tokens, PAYS), _verb_at(tokens, USES)
        agent_pay = pay_verb is not None and cand.end <= pay_verb <= cand.end + 2
        agent_use = use_verb is not None and cand.end <= use_verb <= cand.end + 2
        after_pay = pay_verb is not None and pay_verb < cand.start
        own = set(_content(cand.text))
        span = tokens[cand.start:cand.end]
        facts = {
            # the rule reader's choice
            "rule_buyer": bool(own & rule_buyer), "rule_user": bool(own & rule_user),
            # the clause
            "paying_clause": cand.clause in paying, "using_clause": bool(USES.search(said)),
            "negated": bool(NEGATED.search(said)), "hedged": bool(HEDGE.search(said)), "same_people": same,
            "same_and_paying": same and cand.clause in paying,
            "first_clause": cand.clause == 0, "last_clause": cand.clause == len(clauses) - 1,
            # the phrase and what comes before it
            "after_qualifier": prev in qualifiers, "after_agent_marker": prev in markers,
            "opens_clause": cand.start == 0, "length": min(cand.end - cand.start, 10) / 5,
            "group_word": any(is_group_word(t.norm) for t in span), "determiner": span[0].norm in DETERMINERS,
            "user_named_in_clause": bool(user_named(clauses[cand.clause])),
            # the paying and using verbs
            "agent_of_paying": agent_pay, "passive_agent_of_paying": after_pay and prev in markers,
            "agent_of_using": agent_use,
            "passive_agent_of_using": use_verb is not None and use_verb < cand.start and prev in markers,
            "object_of_paying": after_pay and prev not in markers,
            "cleft": prev in _COPULAS and nxt in _RELATIVES,
            "same_and_agent_of_paying": same and agent_pay, "same_and_agent_of_using": same and agent_use,
            "two_after_qualifier": prev2 in qualifiers,
            "pointed_to_by_paying": k in pays_to, "pointed_to_by_using": k in uses_to,
            # where the phrase ends: the clause's end, a verb, a relative pronoun or a copula, a preposition
            "ends_clause": cand.end == len(tokens),
            "ends_before_verb": bool(nxt) and bool(PAYS.fullmatch(nxt) or USES.fullmatch(nxt)),
            "ends_before_relative": nxt in _RELATIVES | _COPULAS | STOPS, "ends_before_qualifier": nxt in qualifiers,
        }
        rows.append([float(x) for x in facts.values()])
    return rows


def _content(text: str) -> list[str]:
    return [t.norm[:5] for t in tokenise(text) if t.norm not in DETERMINERS]
