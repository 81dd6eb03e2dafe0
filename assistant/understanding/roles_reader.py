"""Who pays and who uses, read from a buyer/user answer: a role is a group or a person named as the
subject of a clause ("the city pays", "c'est le directeur qui signe", "the users are the ward nurses"),
never a verb fragment or the whole sentence.

The paying clause is found by its verb (pay, buy, sign, budget...); the user is the subject of another
clause that names someone else, or the same person when the answer says so ("he pays and uses it").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon.role_reading import role_regex, role_word_set
from assistant.text.lists import split_outside_parentheses
from assistant.text.tokens import Token, normalise, tokenise
from assistant.understanding.groups import is_group_word
from assistant.understanding.role_sameness import USES, fold_clause, said_same

# The regular expressions and word sets of the reader are built on first use from `lexicon/<lang>/role_reading.yaml`:
# each `{list}` of a template is that list's alternatives (the lists say what they hold).
# not the point or comma inside a number ("1,900 kroner", "6.5%")
_CLAUSES = role_regex(r"[;:\n!?]|(?<!\d)[.,]|[.,](?!\d)|\s(?:{conjunctions}|{clause_conjunctions})\s", re.I)
PAYS = role_regex(r"\b{paying}\b")
# A clause that opens on the paying verb has no subject of its own ("…and pays per vehicle hour").
_PAY_VERB = role_regex(r"{subjectless_paying}")
# Paying denied ("les marques paient rien", "advertisers don't pay", "ne paient pas", "never pay"): nobody pays.
_NOT_PAYING = role_regex(r"\b(?:{payment_negations}\s+(?:\w+\s+)?{denied_paying}\b|"
                        r"{denied_paying}\s+{denied_amounts}\b)")
# Paid, not paying ("get paid", "sont payés"), and who pays asked, not said ("no idea who pays", "qui paie").
_PAID_OR_ASKED = role_regex(r"\b(?:{paid_auxiliaries}\s+{paid_participles}|{payer_unknown}\s+(?:\w+\s+){0,2}"
                           r"{person_relatives}\s+(?:{future_auxiliaries}\s+)?{asked_paying})\b")
# Words that end a subject: relative pronouns, copulas and auxiliaries (grammar, not vocabulary).
STOPS = role_word_set("subject_stops")
LEAD = role_regex(r"^(?:{lead_ins}\s+)+")
# "the users are X", and the pseudo-cleft "the ones paying are X", "ceux qui le portent c'est X": the role is X
# (what they do says whether it pays or uses: the clause's verbs, read elsewhere).
_COPULA_ROLE = role_regex(r"\b(?:{copula_role_nouns}|{role_pronoun_phrases} (?:\w+ ){1,3})\s*"
                         r"(?:{copulas}|{role_copulas})\s+(.*)$")
# Nouns that head a role after a group word: "the bakery owner", "the business owner", "le responsable".
_ROLE_HEADS = role_word_set("role_heads")
HEDGED_ROLE = role_regex(r"^(?:{role_hedges}\s+)+")
_QUALIFIERS = role_word_set("role_qualifiers")
PRONOUNS = role_word_set("pronouns")
DETERMINERS = role_word_set("determiners")
_COORDINATORS = role_word_set("coordinators")  # "a son or a daughter"


def split_clauses(answer: str) -> list[str]:
    """The answer's clauses, an aside in parentheses kept whole ("leur part des frais (gasoil, port)")."""
    return [c.strip(" ,()") for c in split_outside_parentheses(_CLAUSES.compiled, answer) if c and c.strip(" ,()")]


def paying_clauses(clauses: list[str], *, denied: bool = False) -> list[int]:
    """Indices of the clauses that say who pays (by their verb), not who gets paid ("cleaners get paid
    through us"), not a question ("no idea yet who pays") and, unless `denied`, not a denial ("les marques
    paient rien": with `denied`, a clause about paying, yes or no)."""
    folded = [_PAID_OR_ASKED.sub(" ", normalise(c).replace("'", " ")) for c in clauses]
    folded = folded if denied else [_NOT_PAYING.sub(" ", c) for c in folded]
    return [i for i, c in enumerate(folded) if PAYS.search(c)]


def denies_paying(clause: str) -> bool:
    """The clause says paying is denied ("le salarié ne paie rien", "the kids don't pay anything")."""
    return bool(_NOT_PAYING.search(fold_clause(clause)))


def clause_subject(clause: str) -> str:
    """The role a clause names: after "the users are", the cleft "c'est X qui", or its opening noun phrase."""
    folded = normalise(clause).replace("'", " ")
    copula = _COPULA_ROLE.search(folded)
    if copula:
        role = copula.group(1)
        hedge = LEAD.match(role) or HEDGED_ROLE.match(role)  # "… c'est souvent les enfants"
        start = len(tokenise(clause)) - len(tokenise(role)) + (len(tokenise(hedge.group(0))) if hedge else 0)
        return role_words(clause, tokenise(clause), start, 8)
    lead = LEAD.match(folded)
    tokens = tokenise(clause)
    start = len(tokenise(lead.group(0))) if lead else 0
    return role_words(clause, tokens, start, 6)


def role_words(clause: str, tokens: Sequence[Token], start: int, limit: int) -> str:
    """From `start`, up to the first group word (with what qualifies it) or a grammatical stop."""
    end = start
    for i in range(start, min(len(tokens), start + limit)):
        word = tokens[i].norm
        noun = i == start + 1 and tokens[start].norm in DETERMINERS  # "the subscriber", "l'abonnée": a noun
        verb = PAYS.fullmatch(word) or USES.fullmatch(word)  # "the counter staff use it": the role ends there
        coordinated = i > start and tokens[i - 1].norm in _COORDINATORS and word in DETERMINERS
        if word in STOPS and i > start and not coordinated or (i > start and not noun and verb):
            break  # "a" stops a French role ("qui a"), not an English one after "or" ("a son or a daughter")
        if i == start and _PAY_VERB.fullmatch(word):
            return ""  # "…and pays per vehicle hour": the clause goes on with the subject before
        end = i + 1
        # The head of the role: stop there unless a preposition qualifies it ("the teams across the company").
        if is_group_word(word) and (i + 1 >= len(tokens) or tokens[i + 1].norm not in _QUALIFIERS | _ROLE_HEADS):
            break
    while end - 1 > start and tokens[end - 1].norm in _CLITICS and tokens[end - 1].end < len(clause) and \
            clause[tokens[end - 1].end] in "'’":
        end -= 1  # "la couturière l'achète": an elided object pronoun before the verb is not part of the role
    if end <= start:
        return ""
    span = tokens[start:end]
    names = any(is_group_word(t.norm) for t in span) or span[0].norm in DETERMINERS or (
        clause[span[0].start].isupper() and span[0].norm not in PRONOUNS)
    text = clause[span[0].start:span[-1].end].strip()
    return "" if not names or normalise(text) in PRONOUNS else text


# Someone uses the product, or consumes it ("the family eats the bread"): grammar of use, no domain's vocabulary.
_USER_COPULA = role_regex(r"\b(?:{user_nouns}|{customer_nouns})\s+(?:{copulas}|{user_copulas})\s+(.*)$")
_ARE_USERS = role_regex(r"^(.*?)\s+{copulas}\s+{user_determiners}?\s*(?:{real_user_adjectives} )?{user_nouns}\b")
HEDGE = role_regex(r"\b{hedges}\b")
NEGATED = role_regex(r"\b{negations}\b")


def user_named(clause: str) -> str:
    """"the users are the ward nurses", "our customer is the patient", "students are the real users"."""
    folded = fold_clause(clause)
    copula = _USER_COPULA.search(folded)
    if copula:
        tokens = tokenise(clause)
        return role_words(clause, tokens, len(tokens) - len(tokenise(copula.group(1))), 8)
    named = _ARE_USERS.search(folded)
    return clause_subject(clause) if named else ""


_LABELLED = role_regex(r"\b(?:(?P<buyer>{buyer_labels})|(?P<user>{user_labels}))\s*:\s*(?P<who>[^.;\n]+)",
                      re.IGNORECASE)
# "landlord = buyer, tenants = users", "buyer = the clinic": a role written as an equation, either way round
_EQUATED = (role_regex(r"(?P<who>[^.;:,()\n=]{2,60}?)\s*=\s*(?:(?P<buyer>{buyer_labels})|(?P<user>{user_labels}))\b",
                       re.IGNORECASE),
            role_regex(r"\b(?:(?P<buyer>{buyer_labels})|(?P<user>{user_labels}))\s*=\s*(?P<who>[^.;,()\n=]+)",
                       re.IGNORECASE))
MAX_SUBJECT_WORDS = 5
# French object and reflexive pronouns written right before the verb (grammar, not vocabulary).
_CLITICS = role_word_set("object_clitics")


def _before_verb(clause: str) -> str:
    """"residents use it for free", "head office L&D buys it": the words before the clause's first paying
    or using verb, when they are a short phrase that is not a pronoun."""
    folded = fold_clause(clause)
    verbs = [m.start() for m in (PAYS.search(folded), USES.search(folded)) if m]
    if not verbs:
        return ""
    tokens = tokenise(clause)
    at = min(verbs)
    before = [t for t in tokens if fold_clause(clause[:t.end]) and t.end <= len(clause) and
              len(fold_clause(clause[:t.end])) <= at]
    lead = LEAD.match(folded)
    skip = len(tokenise(lead.group(0))) if lead else 0
    before = before[skip:]
    while before and before[-1].norm in _CLITICS:  # "la couturière l'achète": the object pronoun is not hers
        before.pop()
    if not before or len(before) > MAX_SUBJECT_WORDS or before[0].norm in PRONOUNS | STOPS:
        return ""
    return clause[before[0].start:before[-1].end].strip()


# Clauses that close an answer and say nothing of anyone: "c'est tout", "that's it".
_CLOSING = role_regex(r"^{closings}\b")
_NONE = role_word_set("no_determiners")  # "no agency in between"
_FREE_RELATIVES = role_word_set("free_relatives")  # "ceux (qui paient)", "whoever (pays)"
FREE_RELATIVE_REACH = 2  # clauses after "ceux qui paient" within which "c'est la commune" names them
# Words that name a role, not a group: "c'est lui le client" restates the payer, it names no user. Matched at a
# word's start: `ROLE_WORDS.match(word)`.
ROLE_WORDS = role_regex(r"{role_word_prefixes}")
_NO_ONE = role_word_set("not_anyone")


def _names_someone(role: str) -> bool:
    """A role phrase that names someone, not only a role word ("acheteur", "the user") or "the same"."""
    words = [t.norm for t in tokenise(role) if t.norm not in DETERMINERS]
    return bool(words) and not all(ROLE_WORDS.match(w) or w in _NO_ONE for w in words)


def labelled_roles(answer: str) -> tuple[str, str] | None:
    """"user: every employee who travels. buyer: the CFO", "landlord = buyer, tenants = users" ("buyer = user"
    names no one: the same-person reading stands)."""
    found = {("user" if m.group("user") else "buyer"): m.group("who").strip()
             for m in _LABELLED.finditer(answer)}
    found |= {("user" if m.group("user") else "buyer"): who for regex in _EQUATED for m in regex.finditer(answer)
              if _names_someone(who := LEAD.sub("", m.group("who").strip()))}
    return (found.get("buyer", ""), found.get("user", "")) if found else None


def _only_a_role(clauses: list[str]) -> str:
    """The answer is one short noun phrase naming someone, and nothing else."""
    if len(clauses) != 1 or len(tokenise(clauses[0])) > MAX_SUBJECT_WORDS:
        return ""
    role = clause_subject(clauses[0])
    return role if role and len(tokenise(role)) == len(tokenise(LEAD.sub("", fold_clause(clauses[0])))) else ""


@lru_cache(maxsize=256)  # the role model reads it for its features, then again for a buyer it misses
def read_roles(answer: str) -> tuple[str, str]:
    """(buyer, user) as short noun phrases from the answer; "" where the answer does not say.

    Each clause names its subject or, without one ("...and uses it", "they pay"), keeps the previous clause's;
    the buyer is the subject of a paying clause neither negated nor hedged ("maybe parents pay" decides nothing);
    the user is the one said to be the user, else the subject of a using clause, else another subject."""
    labelled = labelled_roles(answer)
    if labelled:
        return labelled
    clauses = split_clauses(answer)
    alone = _only_a_role(clauses)
    if alone:  # "the guitarist", "l'étudiant": asked who pays and who uses, one role answers both
        return alone, alone
    subjects: list[str] = []
    named_here: list[bool] = []  # the clause names its own subject or says what the previous one did
    for clause in clauses:
        named = user_named(clause)
        own = (named if _names_someone(named) else "") or clause_subject(clause) or _before_verb(clause)
        subjects.append(own if own else (subjects[-1] if subjects else own))
        named_here.append(bool(own) or len(clause.split()) > 1)  # a one-word clause ("rare") does nothing
    folded = [fold_clause(c) for c in clauses]
    paying = [i for i in paying_clauses(clauses) if not NEGATED.search(folded[i]) and not HEDGE.search(folded[i])]
    for i in paying:  # "Ceux qui paient et qui décident, c'est la commune": a bare free relative is who comes after
        if len(tokenise(subjects[i])) == 1 and tokenise(subjects[i])[0].norm in _FREE_RELATIVES:
            subjects[i] = next((s for c in clauses[i + 1:i + 1 + FREE_RELATIVE_REACH] if (s := clause_subject(c))
                                and tokenise(s)[0].norm not in _FREE_RELATIVES), subjects[i])
    named_user = next((u for c in clauses if _names_someone(u := user_named(c))), "")
    same = said_same(answer)
    buyer = next((subjects[i] for i in paying if subjects[i] and normalise(subjects[i]) != normalise(named_user)),
                 "")
    if not buyer and paying and (same or not named_user):
        buyer = next((subjects[i] for i in paying if subjects[i]), "")
    if same and buyer:  # "he pays and uses it", "c'est la même personne"
        return buyer, buyer
    using = [subjects[i] for i, c in enumerate(folded) if USES.search(c) and subjects[i]
             and not HEDGE.search(c)]
    if named_user:
        return buyer, named_user
    # Someone other than the payer who uses it, or who does anything else ("parents pay and book, kids
    # attend"); else the payer, when they use it or do something else with it ("le coureur l'achète, il la
    # porte").
    user = next((u for u in using if normalise(u) != normalise(buyer)), "")
    others = [s for i, s in enumerate(subjects) if s and named_here[i] and i not in paying
              and normalise(s) != normalise(buyer) and not HEDGE.search(folded[i])
              and tokenise(s)[0].norm not in _NONE]
    if not user and others:
        user = others[0]
    if not user:
        acts = buyer and any(i not in paying and s and normalise(s) == normalise(buyer)
                             and not _CLOSING.match(folded[i]) for i, s in enumerate(subjects))
        user = next(iter(using), "") or (buyer if same or acts else "")
    return buyer, user
