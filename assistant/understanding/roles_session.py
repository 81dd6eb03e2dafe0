"""What the buyer/user reading says across a session: the two roles told apart in one answer, a payer
named elsewhere in the session, one group that pays and uses (the conditions of the buyer/user confusion
check, `understanding/reader.py`)."""

from __future__ import annotations

import re

from assistant.lexicon.role_reading import role_regex, role_word_set
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.groups import is_group_word
from assistant.understanding.roles_reader import (
    DETERMINERS,
    ROLE_WORDS,
    clause_subject,
    fold_clause,
    paying_clauses,
    read_roles,
    said_same,
    split_clauses,
)
from assistant.understanding.substance import is_generic_group


def roles_told_apart(answer: str) -> bool:
    """The answer names who pays and, in another clause, a different group who uses — the two roles told
    apart — and says nothing of them being the same people."""
    if said_same(answer):
        return False
    clauses = split_clauses(answer)
    heads = [_plural_head(clause_subject(c)) for c in clauses]
    # a payer off the group lexicon still names someone ("l'ordre régional paie"); "qui paie" names nobody
    payers = {i: _role_head(clause_subject(clauses[i])) for i in paying_clauses(clauses)}
    paying = [i for i, head in payers.items() if head]
    if len(paying) != 1:
        return False
    buyer = payers[paying[0]]
    return bool(buyer) and any(h and h != buyer for i, h in enumerate(heads) if i != paying[0])


def _stems(phrase: str) -> list[str]:
    """The group words of a phrase (not role words such as "client"), in order, cut to 5 letters."""
    return [t.norm[:5] for t in tokenise(phrase) if is_group_word(t.norm) and not ROLE_WORDS.match(t.norm)]


def _head(role: str) -> str:
    """The role's group word, cut to 5 letters ("" when the role names no group)."""
    stems = _stems(role)
    return stems[-1] if stems else ""


def _subject_head(clauses: list[str], i: int, loose: bool = False) -> str:
    """The group word of clause `i`'s subject (else, for a person named by the relative pronoun after it or with
    `loose`, the last word of a noun phrase: "the county pays", "le département paie"); a clause that opens on its
    verb shares the subject of the clause before it ("it's the daughter who finds us and sets up the
    subscription on her card")."""
    for clause in reversed(clauses[:i + 1]):
        subject = clause_subject(clause)
        if subject.strip():
            return _role_head(subject) if loose or _PERSON_RELATIVE.search(normalise(clause)) else _head(subject)
    return ""


# "a niece who signs them up", not "an app sold by subscription"
_PERSON_RELATIVE = role_regex(r"\b{person_relatives}\b")


def _role_head(role: str) -> str:
    """`_head`, or the last word (5 letters) of a noun phrase the group lexicon does not hold: "a niece or a
    grandson" still names someone."""
    words = fold_clause(role).split()
    return _head(role) or (words[-1][:5] if len(words) >= 2 and words[0] in DETERMINERS else "")


_PLURAL_DETERMINERS = role_word_set("plural_determiners")


def _plural_head(role: str) -> str:
    """`_head`, or the last word (5 letters) of a plural noun phrase the group lexicon does not hold ("les
    stagiaires"); a singular article may be a pronoun before a verb ("l'utilise"), so it opens none."""
    words = fold_clause(role).split()
    return _head(role) or (words[-1][:5] if len(words) >= 2 and words[0] in _PLURAL_DETERMINERS else "")


def payer_named_apart(answer: str, session: list[str]) -> bool:
    """Somewhere in the session (pitch, earlier answers) someone pays who is not the answer's own payer:
    the condition for a buyer/user confusion in an answer that says one group pays and uses
    ("incubators buy seats" in the pitch, then "the founders pay"). True also when the answer itself
    names a payer distinct from a user; False for "each student pays and uses it" in a session where
    nobody else is said to pay."""
    if roles_told_apart(answer):
        return True
    payer = read_roles(answer)[0]
    own, own_stems = _role_head(payer), set(_stems(payer))
    # "sold to restaurants", "restaurant owners pay": the same payer
    return any(head and head != own or named and not named & own_stems for head, named in _payers_in(session))


def session_payers(session: list[str]) -> set[str]:
    """The group words (5 letters) of everyone the session's texts say pay: the subjects of paying clauses,
    and who things are sold to or paid by ("on vend des forfaits aux employeurs": {"emplo"})."""
    return {stem for head, named in _payers_in(session, loose=True) for stem in (head, *named) if stem}


def _payers_in(session: list[str], loose: bool = False) -> list[tuple[str, set[str]]]:
    """Per payer named in the session: the head of a paying clause's subject (`loose`: also a noun the group
    lexicon does not hold, "the county pays"), or the group words of who a thing is sold to or paid by (the other
    left empty)."""
    found: list[tuple[str, set[str]]] = []
    for text in session:
        for sentence in re.split(r"[.;!?\n]", text):
            clauses = split_clauses(sentence)
            found += [(_subject_head(clauses, i, loose), set()) for i in paying_clauses(clauses)
                      if not _LATE.search(fold_clause(clauses[i]))]  # "insurers paying late": a receivable
            folded = fold_clause(sentence)
            found += [("", set(_stems(m.group(1))))
                      for m in [*_PAID_BY.finditer(folded), *_SOLD_WITH_OBJECT.finditer(folded)]
                      if not _LATE.search(folded[m.start():])]  # "get paid by the insurer within 30 days"
    return found


# A payment owed to the customer ("insurers paying late", "les clients paient en retard"): not the product's payer.
_LATE = role_regex(r"\b(?:{late_paying})\b")
# The payer named after the verb: "sold to school districts", "licensed to trucking companies", "vendu aux
# mairies", "remboursée par les mutuelles", "paid for by the employer", "pris en charge par la CPAM".
_PAID_BY = role_regex(r"\b(?:{sold_to}\s+{sold_to_markers}|{paid_by}\s+{paid_by_markers})\s+((?:\w+\s*){1,5})")
# "we sell packs to employers", "vendre des forfaits aux employeurs": the payer after the verb's object
_SOLD_WITH_OBJECT = role_regex(r"\b{sell_verbs}\s+(?:\w+\s+){1,3}?{sold_to_markers}\s+((?:\w+\s*){1,5})")


def one_group_pays_and_uses(answer: str) -> bool:
    """The answer says one group both pays and uses ("each student pays and uses it"): a payer is named
    and no different group is named as the user."""
    buyer, user = read_roles(answer)
    return bool(_head(buyer)) and _head(user) in ("", _head(buyer))


def each_side_pays(answer: str) -> bool:
    """Two different groups each said to pay in the answer ("the homeowner pays us for the assessment […] and
    the tradie pays us 8% of each job"): the founder has said who pays on each side, so the users called the
    customer there hide no other payer (the buyer/user confusion of the reference text needs one)."""
    heads: set[str] = set()
    for sentence in re.split(r"[.;!?\n]", answer):
        clauses = split_clauses(sentence)
        for i in paying_clauses(clauses):
            words = fold_clause(clause_subject(clauses[i])).split()
            # "nos clients ce sont…", "acheteur = …": a role or people in general names no side that pays
            if (len(words) >= 2 and words[0] in DETERMINERS or words and is_group_word(words[-1])) and not (
                    ROLE_WORDS.match(words[-1]) or is_generic_group(words[-1])):
                heads.add(words[-1])
    return any(not (a in b or b in a) for a in heads for b in heads)
