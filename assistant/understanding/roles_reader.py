"""Who pays and who uses, read from a buyer/user answer: a role is a group or a person named as the
subject of a clause ("the city pays", "c'est le directeur qui signe", "the users are the ward nurses"),
never a verb fragment or the whole sentence.

The paying clause is found by its verb (pay, buy, sign, budget...); the user is the subject of another
clause that names someone else, or the same person when the answer says so ("he pays and uses it").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.text.tokens import Token, normalise, tokenise
from assistant.understanding.groups import is_group_word

_CLAUSES = re.compile(r"[.;:\n!?]|,|\s(?:mais|alors que|tandis que|et|but|while|whereas|and|so|donc)\s", re.I)
_PAYS = re.compile(r"\b(?:pa(?:y|ys|id|ying|ie|ye|ient|yent|yer)|buy|buys|bought|purchas\w*|sign\w*|budget\w*|fund\w*|"
                   r"financ\w*|achet\w*|achat|regl\w*|rembours\w*|abonn\w*|subscri\w*|license|licence|pick\w* the "
                   r"vendor|decid\w*|decide\w*|choisi\w*|cheque|check)\b")
_SAME = re.compile(r"\b(?:same|meme|memes|himself|herself|themselves|themself|eux memes?|elle memes?|lui meme|"
                   r"both|les deux|seul|seule|alone|own pocket|de (?:sa|leur) poche)\b")
# Words that end a subject: relative pronouns, copulas and auxiliaries (grammar, not vocabulary).
_STOPS = frozenset("qui who that which is are was were s sont est etait ont a have has do does will would can "
                   "peut peuvent doit doivent must should".split())
_LEAD = re.compile(r"^(?:(?:c est|ce sont|it s|it is|its|en fait|bah|ben|euh|so|well|then|ensuite|puis|"
                   r"et|and|mais|but|alors|donc|au quotidien|day to day|in practice|en pratique|honestly|"
                   r"franchement|usually|souvent|en general|generally)\s+)+")
_COPULA_ROLE = re.compile(r"\b(?:users?|utilisateurs?|utilisatrices?|ones? (?:paying|using|who pay|who use)|"
                          r"ceux qui (?:paient|payent|utilisent)|payeurs?|acheteurs?|buyers?)\s+(?:are|is|sont|est|"
                          r"c est)\s+(.*)$")
_QUALIFIERS = frozenset("of de du des d across in at from with avec sans en au aux for pour dans chez".split())
_PRONOUNS = frozenset("he she they it il elle ils elles on we nous i je".split())
_DETERMINERS = frozenset("the a an le la les l un une des du our nos notre their leur leurs his her son sa ses "
                         "each every chaque".split())


def _clauses(answer: str) -> list[str]:
    return [c.strip(" ,()") for c in _CLAUSES.split(answer) if c and c.strip(" ,()")]


def _paying(clauses: list[str]) -> list[int]:
    """Indices of the clauses that say who pays (by their verb)."""
    return [i for i, c in enumerate(clauses) if _PAYS.search(normalise(c).replace("'", " "))]


def _subject(clause: str) -> str:
    """The role a clause names: after "the users are", the cleft "c'est X qui", or its opening noun phrase."""
    folded = normalise(clause).replace("'", " ")
    copula = _COPULA_ROLE.search(folded)
    if copula:
        return _words(clause, tokenise(clause), len(tokenise(clause)) - len(tokenise(copula.group(1))), 8)
    lead = _LEAD.match(folded)
    tokens = tokenise(clause)
    start = len(tokenise(lead.group(0))) if lead else 0
    return _words(clause, tokens, start, 6)


def _words(clause: str, tokens: Sequence[Token], start: int, limit: int) -> str:
    """From `start`, up to the first group word (with what qualifies it) or a grammatical stop."""
    end = start
    for i in range(start, min(len(tokens), start + limit)):
        word = tokens[i].norm
        if word in _STOPS and i > start or (i > start and _PAYS.fullmatch(word)):
            break
        end = i + 1
        # The head of the role: stop there unless a preposition qualifies it ("the teams across the company").
        if is_group_word(word) and (i + 1 >= len(tokens) or tokens[i + 1].norm not in _QUALIFIERS):
            break
    if end <= start:
        return ""
    span = tokens[start:end]
    names = any(is_group_word(t.norm) for t in span) or span[0].norm in _DETERMINERS or (
        clause[span[0].start].isupper() and span[0].norm not in _PRONOUNS)
    text = clause[span[0].start:span[-1].end].strip()
    return "" if not names or normalise(text) in _PRONOUNS else text


def read_roles(answer: str) -> tuple[str, str]:
    """(buyer, user) as short noun phrases from the answer; "" where the answer does not say."""
    clauses = _clauses(answer)
    subjects = [_subject(c) for c in clauses]
    paying = _paying(clauses)
    buyer = next((subjects[i] for i in paying if subjects[i]), "")
    if not buyer and paying:  # "pays the 5 bucks himself": the subject is in an earlier clause
        buyer = next((subjects[i] for i in range(paying[0] - 1, -1, -1) if subjects[i]), "")
    same = bool(_SAME.search(normalise(answer).replace("'", " ")))
    others = [s for i, s in enumerate(subjects) if s and i not in paying and normalise(s) != normalise(buyer)]
    if same:  # "he pays and uses it", "c'est la même personne"
        person = buyer or (others[0] if others else "")
        return person, person
    return buyer, others[0] if others else ""


def roles_told_apart(answer: str) -> bool:
    """The answer names who pays and, in another clause, a different group who uses — the two roles told
    apart — and says nothing of them being the same people."""
    folded = normalise(answer).replace("'", " ")
    if _SAME.search(folded):
        return False
    clauses = _clauses(answer)
    paying = _paying(clauses)
    if len(paying) != 1:
        return False
    heads = [_head(_subject(c)) for c in clauses]
    buyer = heads[paying[0]]
    return bool(buyer) and any(h and h != buyer for i, h in enumerate(heads) if i != paying[0])


def _head(role: str) -> str:
    """The role's group word, cut to 5 letters ("" when the role names no group)."""
    words = [t.norm for t in tokenise(role) if is_group_word(t.norm) and not t.norm.startswith(_ROLE_WORDS)]
    return words[-1][:5] if words else ""


# Words that name a role, not a group: "c'est lui le client" restates the payer, it names no user.
_ROLE_WORDS = ("client", "custom", "utilis", "user", "payeu", "payer", "achet", "buyer", "usager")


def payer_named_apart(answer: str, session: list[str]) -> bool:
    """Somewhere in the session (pitch, earlier answers) someone pays who is not the answer's own payer:
    the condition for a buyer/user confusion in an answer that says one group pays and uses
    ("incubators buy seats" in the pitch, then "the founders pay"). True also when the answer itself
    names a payer distinct from a user; False for "each student pays and uses it" in a session where
    nobody else is said to pay."""
    if roles_told_apart(answer):
        return True
    own = _head(read_roles(answer)[0])
    for text in session:
        for sentence in re.split(r"[.;!?\n]", text):
            clauses = _clauses(sentence)
            for i in _paying(clauses):
                head = _head(_subject(clauses[i]))
                if head and head != own:
                    return True
    return False


def one_group_pays_and_uses(answer: str) -> bool:
    """The answer says one group both pays and uses ("each student pays and uses it"): a payer is named
    and no different group is named as the user."""
    buyer, user = read_roles(answer)
    return bool(_head(buyer)) and _head(user) in ("", _head(buyer))
