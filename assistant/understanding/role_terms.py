"""The buyer with their terms: what the buyer's own clause says they pay.

"the guest pays the booking plus a 10% service fee, the host pays 3% out of what they earn" gives the
guest's segment the buyer "the guest (pays the booking plus a 10% service fee)", not only "the guest": the
canvas keeps how each side pays, which the Revenue Streams block builds on. The user stays a person: what
they use the product for is in the answer's jobs and behaviours, and founders' descriptions of use ("uses
it every day") made the field longer without saying more (tried on the evaluation scenarios, 2026-12-02:
the user field's fidelity fell where the buyer's rose). The person alone, for comparing two roles or for a
reflection, is `assistant.canvas.role_holder`.
"""

from __future__ import annotations

import re

from assistant.lexicon.role_reading import role_regex
from assistant.text.lists import ASIDE
from assistant.text.tokens import normalise
from assistant.understanding.roles_reader import PAYS, USES, fold_clause, paying_clauses
from assistant.understanding.substance import content_words

MAX_TERMS_WORDS = 12  # a role's terms are a phrase, not a sentence: longer clauses are cut with "…"
# What is left of a clause once its role is taken out and that says nothing of the terms: a cleft or a
# relative pronoun ("c'est le parent qui paie" → "paie"), a copula ("the parent is the one who pays").
_LEAD = role_regex(r"^(?:{term_lead_ins}\b[\s,]*)+", re.IGNORECASE)
# Pieces of an answer: sentences and comma-separated parts. Inside a piece, "and"/"et" goes on with the
# same role's terms ("makers pay the 20p listing fee and our 6.5% on each sale") unless what follows is a
# clause of its own: a determiner or pronoun, then a verb of paying or using ("…and the teenagers use it").
_PIECES = re.compile(r"[;:\n!?]|[.,](?!\d)|\s[-–—]\s")  # not the point or comma of a number ("6.5%", "9,90 €")
_CONJUNCTION = role_regex(r"\s{conjunctions}\s", re.IGNORECASE)
_SUBJECT = role_regex(r"^{clause_openers}\b", re.IGNORECASE)
_COORDINATED = role_regex(r"^(?:{coordinators}|&|\+)\s", re.IGNORECASE)
# Words of a remainder that are no terms: the role's own words and possessives.
_NO_TERMS = role_regex(r"^{no_terms}$", re.IGNORECASE)


def _in(clause: str, role: str) -> re.Match[str] | None:
    return re.search(r"\s+".join(map(re.escape, role.split())), clause, re.IGNORECASE)


def _uses(text: str) -> bool:
    folded = fold_clause(text)
    return bool(USES.search(folded)) and not PAYS.search(folded)


def _terms(clause: str, role: str) -> str:
    """What the clause says after the role: "the guest | pays the booking plus a 10% fee"; words before the
    role are another role or a cleft ("the parents and | the school pay…", "c'est | le parent qui paie"),
    asides in parentheses are dropped, and the terms stop where a verb of using starts ("signs the lease |
    and uses it every day")."""
    at = _in(clause, role)
    if at is None:
        return ""
    # an aside cut open by a comma ("paie (en vrai la présidente valide", "paye la réservation (le proprio fixe son
    # prix") keeps its words, not its parenthesis: the terms are put in one
    rest = re.sub(r"\s*\(", ", ", ASIDE.sub(" ", clause[at.end():]))
    rest = _LEAD.sub("", re.sub(r"\s+", " ", rest).strip(" ,;:-–—()")).strip(" ,;:-–—()")
    if _COORDINATED.match(rest):  # "food banks and volunteer cooks use it": the terms start at the verb
        verb = PAYS.search(rest) or USES.search(rest)
        rest = rest[verb.start():] if verb else ""
    cut = next((m.start() for m in _CONJUNCTION.finditer(rest) if _uses(rest[m.end():])), None)
    rest = rest[:cut].strip(" ,;:-–—()") if cut is not None else rest
    meaning = [w for w in content_words(rest)
               if not PAYS.search(normalise(w)) and not USES.search(normalise(w)) and not _NO_TERMS.match(w)]
    if not meaning:
        return ""
    words = rest.split()
    return " ".join(words[:MAX_TERMS_WORDS]) + (" …" if len(words) > MAX_TERMS_WORDS else "")


def _clauses(said: str) -> list[str]:
    """Sentences and comma-separated parts, each cut again where a conjunction opens a clause with its own
    subject and a verb of paying or using."""
    out = []
    for piece in _PIECES.split(said):
        begin = 0
        for m in _CONJUNCTION.finditer(piece):
            after = piece[m.end():]
            folded = fold_clause(after)
            if _SUBJECT.match(after.strip()) and (PAYS.search(folded) or USES.search(folded)):
                out.append(piece[begin:m.start()])
                begin = m.end()
        out.append(piece[begin:])
    return [c.strip(" ()") for c in out if c.strip(" ()")]


def with_terms(buyer: str, said: str) -> str:
    """`buyer` followed by their terms in parentheses: the first clause of `said` that names the buyer and
    pays (`roles_reader.paying_clauses`: not a denial), from the words after the buyer; `buyer` unchanged
    when no such clause says more than the verb, or when it already holds parentheses or is a whole clause.
    Shapes: str -> str; never raises."""
    buyer = buyer.strip()
    if not buyer or "(" in buyer or not said.strip():
        return buyer
    for clause in _clauses(said):
        if _in(clause, buyer) is None or normalise(clause) == normalise(buyer):
            continue
        if not paying_clauses([clause]):
            continue  # the buyer's terms are in a paying clause, not a denial ("reçoit l'argent et paie rien")
        terms = _terms(clause, buyer)
        if terms:
            return f"{buyer} ({terms})"
    return buyer
