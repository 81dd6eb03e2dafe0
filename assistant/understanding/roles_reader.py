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
PAYS = re.compile(r"\b(?:pa(?:y|ys|id|ying|ie|ye|ient|yent|yer)|buy|buys|bought|purchas\w*|sign\w*|budget\w*|fund\w*|"
                   r"financ\w*|achet(?!eu)\w*|achat|regl\w*|rembours\w*|abonn\w*|subscri\w*|souscri\w*|license|licence|"
                   r"pick\w* the vendor|decid\w*|decide\w*|choisi\w*|cheque|(?:writes?|wrote|cuts?) the check)\b")
# A clause that opens on the paying verb has no subject of its own ("…and pays per vehicle hour").
_PAY_VERB = re.compile(r"pa(?:y|ys|id|ie|ye|ies|yes|ient|yent)|buys?|bought|purchases?|achete(?:nt)?|reglent")
# Paying denied ("les marques paient rien", "advertisers don't pay", "ne paient pas", "never pay"): nobody pays.
_NOT_PAYING = re.compile(r"\b(?:(?:don t|dont|do not|doesn t|doesnt|does not|never|won t|wont|will not|n)\s+"
                         r"(?:\w+\s+)?pa(?:y|ys|ie|ye|ient|yent)\b|pa(?:y|ys|ie|ye|ient|yent)\s+(?:pas|rien|jamais|"
                         r"nothing|zero|0)\b)")
# Paid, not paying ("get paid", "sont payés"), and who pays asked, not said ("no idea who pays", "qui paie").
_PAID_OR_ASKED = re.compile(r"\b(?:(?:get|gets|getting|got|are|is|be|been|being|est|sont|etre)\s+"
                            r"pa(?:id|ye|yes|yees)|(?:idea|sure|know|knows|unclear|decided|sais|savons|sait|savoir|"
                            r"pour|apres)\s+(?:\w+\s+){0,2}(?:who|qui)\s+(?:will\s+|va\s+|vont\s+)?"
                            r"(?:pa\w*|buy\w*|achet\w*))\b")
SAME = re.compile(r"\b(?:same|meme|memes|himself|herself|themselves|themself|eux memes?|elle memes?|lui meme|"
                   r"both|les deux|pareil|pareils|identiques?|seul|seule|alone|own pocket|de (?:sa|leur) poche)\b")
# Words that end a subject: relative pronouns, copulas and auxiliaries (grammar, not vocabulary).
STOPS = frozenset("qui who that which is are was were s sont est etait ont a have has do does will would can "
                   "peut peuvent doit doivent must should".split())
LEAD = re.compile(r"^(?:(?:c est|cest|ce sont|it s|it is|its|en fait|bah|ben|euh|so|well|then|ensuite|puis|"
                   r"et|and|mais|but|alors|donc|au quotidien|day to day|in practice|en pratique|honestly|"
                   r"franchement|usually|souvent|en general|generally|parce qu|parce que|because|since|car|"
                   r"puisque|puisqu|vu que|vu qu)\s+)+")
# "the users are X", and the pseudo-cleft "the ones paying are X", "ceux qui le portent c'est X": the role is X
# (what they do says whether it pays or uses: the clause's verbs, read elsewhere).
_COPULA_ROLE = re.compile(r"\b(?:users?|utilisateurs?|utilisatrices?|payeurs?|acheteurs?|buyers?|"
                          r"(?:the )?ones? (?:\w+ ){1,3}|those who (?:\w+ ){1,3}|the people (?:\w+ ){1,3}|"
                          r"(?:ceux|celles|celui|celle) qui (?:\w+ ){1,3})\s*(?:are|is|sont|est|c est|ce sont)\s+(.*)$")
# Nouns that head a role after a group word: "the bakery owner", "the business owner", "le responsable".
_ROLE_HEADS = frozenset("owner owners manager managers director directors staff team teams lead leads head "
                        "officer officers gerant gerante gerants directeur directrice equipe equipes patron "
                        "patronne".split())
HEDGED_ROLE = re.compile(r"^(?:(?:almost always|mostly|mainly|often|typically|surtout|plutot|parfois|"
                          r"sometimes|en general)\s+)+")
_QUALIFIERS = frozenset("of de du des d across in at from with avec sans en au aux for pour dans chez".split())
PRONOUNS = frozenset("he she they it il elle ils elles on we nous i je eux lui them him her".split())
DETERMINERS = frozenset("the a an le la les l un une des du our nos notre their leur leurs his her son sa ses "
                         "each every chaque".split())


def split_clauses(answer: str) -> list[str]:
    return [c.strip(" ,()") for c in _CLAUSES.split(answer) if c and c.strip(" ,()")]


def paying_clauses(clauses: list[str], *, denied: bool = False) -> list[int]:
    """Indices of the clauses that say who pays (by their verb), not who gets paid ("cleaners get paid
    through us"), not a question ("no idea yet who pays") and, unless `denied`, not a denial ("les marques
    paient rien": with `denied`, a clause about paying, yes or no)."""
    folded = [_PAID_OR_ASKED.sub(" ", normalise(c).replace("'", " ")) for c in clauses]
    folded = folded if denied else [_NOT_PAYING.sub(" ", c) for c in folded]
    return [i for i, c in enumerate(folded) if PAYS.search(c)]


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
        coordinated = i > start and tokens[i - 1].norm in {"or", "and", "ou", "et"} and word in DETERMINERS
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
USES = re.compile(r"\b(?:use|uses|using|used|utilis\w*|se sert|se servent|log\w* in|sign\w* up|play\w*|read|reads|"
                   r"do them|does them|take them|on it|clock\w* in|book\w*|reserv\w*|work there|get the|gets the|"
                   r"joue\w*|jouent|lisent|font les|s en servent|au quotidien|every day|daily|tous les jours|"
                   r"eat|eats|eating|drink|drinks|drinking|consume\w*|mange|mangent|manger|boit|boivent|consomm\w*)\b")
_USER_COPULA = re.compile(r"\b(?:users?|utilisateurs?|utilisatrices?|usagers?|customers?|clients?|end users?)\s+"
                          r"(?:are|is|sont|est|c est|cest|ce sont)\s+(.*)$")
_ARE_USERS = re.compile(r"^(.*?)\s+(?:are|is|sont|est)\s+(?:the|our|les|nos|la|le)?\s*(?:real |vrais? |end )?"
                        r"(?:users?|utilisateurs?|utilisatrices?|usagers?)\b")
HEDGE = re.compile(r"\b(?:maybe|might|perhaps|peut etre|peutetre|sometimes|parfois|not decided|pas decide|"
                    r"on verra|we ll see|testing both|or not)\b")
NEGATED = re.compile(r"\b(?:doesn t|does not|don t|do not|never|ne paie pas|paie pas|paient pas|payent pas|"
                      r"n a rien|rien a payer|nothing|no one|nobody|personne ne)\b")


def fold_clause(text: str) -> str:
    return normalise(text).replace("'", " ")


def user_named(clause: str) -> str:
    """"the users are the ward nurses", "our customer is the patient", "students are the real users"."""
    folded = fold_clause(clause)
    copula = _USER_COPULA.search(folded)
    if copula:
        tokens = tokenise(clause)
        return role_words(clause, tokens, len(tokens) - len(tokenise(copula.group(1))), 8)
    named = _ARE_USERS.search(folded)
    return clause_subject(clause) if named else ""


_LABELLED = re.compile(r"\b(?P<role>buyer|payer|payeur|acheteur|user|users|utilisateurs?)\s*:\s*(?P<who>[^.;\n]+)",
                       re.IGNORECASE)
MAX_SUBJECT_WORDS = 5
# French object and reflexive pronouns written right before the verb (grammar, not vocabulary).
_CLITICS = frozenset("l le la les lui leur y en se s me m te t nous vous".split())


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
_CLOSING = re.compile(r"^(?:c est tout|voila|point|point barre|rien d autre|that s it|that s all|thats it|"
                      r"thats all|period|nothing else|nobody else|personne d autre)\b")
_NONE = frozenset("no not none aucun aucune pas ni sans without".split())  # "no agency in between"
# Words that name a role, not a group: "c'est lui le client" restates the payer, it names no user.
ROLE_WORDS = ("client", "custom", "utilis", "user", "payeu", "payer", "achet", "buyer", "usager")
_NO_ONE = frozenset("pareil pareils same meme memes identique identiques chez nous us".split())


def _names_someone(role: str) -> bool:
    """A role phrase that names someone, not only a role word ("acheteur", "the user") or "the same"."""
    words = [t.norm for t in tokenise(role) if t.norm not in DETERMINERS]
    return bool(words) and not all(w.startswith(ROLE_WORDS) or w in _NO_ONE for w in words)


def _labelled_roles(answer: str) -> tuple[str, str] | None:
    """"user: every employee who travels. buyer: the CFO"."""
    found = {("user" if m.group("role").lower().startswith(("user", "util")) else "buyer"): m.group("who").strip()
             for m in _LABELLED.finditer(answer)}
    return (found.get("buyer", ""), found.get("user", "")) if found else None


def _only_a_role(clauses: list[str]) -> str:
    """The answer is one short noun phrase naming someone, and nothing else."""
    if len(clauses) != 1 or len(tokenise(clauses[0])) > MAX_SUBJECT_WORDS:
        return ""
    role = clause_subject(clauses[0])
    return role if role and len(tokenise(role)) == len(tokenise(LEAD.sub("", fold_clause(clauses[0])))) else ""


def read_roles(answer: str) -> tuple[str, str]:
    """(buyer, user) as short noun phrases from the answer; "" where the answer does not say.

    Each clause names its subject or, without one ("...and uses it", "they pay"), keeps the previous
    clause's; the buyer is the subject of a paying clause that is neither negated nor hedged ("maybe
    parents pay" decides nothing); the user is the one said to be the user, else the subject of a using
    clause, else another subject of the answer."""
    labelled = _labelled_roles(answer)
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
    named_user = next((u for c in clauses if _names_someone(u := user_named(c))), "")
    same = bool(SAME.search(fold_clause(answer)))
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
