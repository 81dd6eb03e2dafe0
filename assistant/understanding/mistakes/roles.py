"""The buyer/user confusion detector: who pays and who uses conflated (the one-sided platform detector, the
other role mistake, is `mistakes/sides.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from assistant.lexicon import every_language
from assistant.lexicon.roles import RoleWords
from assistant.text.patterns import Lexicon, Match, PatternSet, compile_all, find, find_all, first_match
from assistant.text.tokens import Token, clause_start, normalise, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.cues import FUNCTION_WORDS, contrast_after, negated_before
from assistant.understanding.group_check import skip_hedges
from assistant.understanding.groups import group_words, is_group_word, looks_plural, same_group
from assistant.understanding.mistakes.role_cues import RESUMED_REACH, pays_at_a_price, resumed
from assistant.understanding.platform import is_platform
from assistant.understanding.roles_reader import DETERMINERS, ROLE_WORDS, labelled_roles
from assistant.understanding.roles_session import each_side_pays, session_payers
from assistant.understanding.rules import context_text, hit, other_texts, scoped, whole
from assistant.understanding.substance import is_generic_group


@lru_cache(maxsize=1)
def _patterns() -> dict[str, PatternSet]:
    """Every pattern list of `roles.yaml`, compiled once."""
    w = every_language(RoleWords, "roles")
    keys = ("indifference", "payer_mentions", "unimportant", "same_person", "different", "payer_roles",
            "team_users", "child_users", "solo", "payments", "waved_after", "payer_denied")
    return {k: compile_all(getattr(w, k)) for k in keys}


@lru_cache(maxsize=1)
def _verbs() -> tuple[Lexicon, Lexicon]:
    """Who does what in the buyer/user answer ("the CFO signs, the accountants use"): paying, using."""
    w = every_language(RoleWords, "roles")
    return Lexicon(w.pay_verbs), Lexicon(w.use_verbs)


# --- buyer_user_confusion ----------------------------------------------------------------------------


def roles_likely_differ(text: str) -> bool:
    """Children, employees, insured patients, gifts, purchasing departments, platforms: someone other
    than the user often pays."""
    tokens = tokenise(text)
    patterns = _patterns()
    if find(tokens, patterns["child_users"]) or find(tokens, patterns["payer_roles"]) or is_platform(text):
        return True
    return find(tokens, patterns["team_users"]) is not None and find(tokens, patterns["solo"]) is None


def _nearest_group_before(tokens: Sequence[Token], i: int) -> str:
    """The group word nearest before the verb at `i`, not the object of an earlier verb ("c'est eux qui
    paient leur mutuelle et qui l'utilisent": "mutuelle" is what they pay, not who uses)."""
    start = max(0, i - 6)
    # a role word names no group: "c'est elle notre cliente, c'est elle qui paie" names one person twice
    words = {w for w in group_words(tokens[start:i]) if not ROLE_WORDS.match(w)}
    pay, use = _verbs()
    return next((tokens[j].norm for j in range(i - 1, start - 1, -1) if tokens[j].norm in words
                 and not any(t.norm in pay or t.norm in use for t in tokens[max(0, j - 2):j])), "")


def roles_told_apart(tokens: Sequence[Token]) -> bool:
    """"the claims director signs, the adjusters use the reports": someone pays, someone else uses."""
    pay, use = _verbs()
    for sentence in {t.sentence for t in tokens}:
        idx = [i for i, t in enumerate(tokens) if t.sentence == sentence]
        payers = {_nearest_group_before(tokens, i) for i in idx if tokens[i].norm in pay} - {""}
        users = {_nearest_group_before(tokens, i) for i in idx if tokens[i].norm in use} - {""}
        if payers and users and not any(same_group(p, u) for p in payers for u in users):
            return True
    return False


@lru_cache(maxsize=1)
def _not_paying_before() -> frozenset[str]:
    return frozenset(every_language(RoleWords, "roles").not_paying_before)


def payer_apart(context: str, answer: Sequence[Token]) -> bool:
    """The pitch or an earlier answer names who pays ("C'est l'entreprise qui paie", "Landlord buys the meters"),
    other than the group the answer opens on ("nos vrais clients, ce sont les collaborateurs", "Tenants. They top
    up..."): the roles likely differ whatever the sector."""
    tokens = tokenise(context)
    pay, _ = _verbs()
    blockers = _not_paying_before()
    payers = {_nearest_group_before(tokens, i) for i, t in enumerate(tokens)
              if t.norm in pay and not (i and tokens[i - 1].norm in blockers)} | _priced_for(tokens)
    payers.discard("")
    named = next((w for w in group_words(answer) if not ROLE_WORDS.match(w) and not is_generic_group(w)), "")
    if not named and answer and looks_plural(answer[0].norm) and answer[0].norm not in FUNCTION_WORDS:
        named = answer[0].norm  # "Residents. They book…": an answer that opens on a plural names its group
    return bool(named) and any(not same_group(p, named) for p in payers)


NOUN_PHRASE = 3  # words of the noun phrase after "for" where the group it charges is named
PRICE_REACH = 4  # words between a price's figure and "for"/"pour" ("40 $ / mois pour", "12 a month for")


@lru_cache(maxsize=1)
def _price_words() -> tuple[frozenset[str], frozenset[str]]:
    words = every_language(RoleWords, "roles")
    return frozenset(words.price_for), frozenset(words.price_units)


def _priced_for(tokens: Sequence[Token]) -> set[str]:
    """The groups a price is charged to ("40$/mois pour le proprio", "$12 a month for the landlord": `price_for`
    of the roles lexicon); not a unit price ("€3 for each member", "10 € pour chaque adhérent")."""
    price_for, units = _price_words()
    out: set[str] = set()
    for i, t in enumerate(tokens):
        if not t.norm.isdigit():
            continue
        at = next((k for k in range(i + 1, min(len(tokens), i + 1 + PRICE_REACH)) if tokens[k].norm in price_for), None)
        if at is None:
            continue
        k = at + 1
        while k < len(tokens) and tokens[k].norm in DETERMINERS and tokens[k].norm not in units:
            k += 1
        # the noun phrase's group word ("for the parish council"), in the clause of "for"
        head = next((t.norm for t in tokens[k:k + NOUN_PHRASE] if t.clause == tokens[at].clause
                     and is_group_word(t.norm) and not ROLE_WORDS.match(t.norm)), "")
        out.add(head)
    return out


def _opens(tokens: Sequence[Token], at: int) -> bool:
    """The question "who pays" opens its clause, past a hedge and a word that embeds it ("honestly who pays",
    "savoir qui règle la facture": `question_frames`): a relative clause ("the HR people who sign the order")
    names a payer, it does not ask who pays."""
    start = clause_start(tokens, at)
    norms = [t.norm for t in tokens[start:at]]
    rest = norms[skip_hedges(norms):]
    return not rest or " ".join(rest) in _question_frames()


def _paying_party_waved_away(tokens: Sequence[Token], ctx: DetectionContext) -> Match | None:
    """A party that pays (a payer role, or a group the session says pays: "on vend des packs aux employeurs"),
    the topic of its clause, said to matter little in the same sentence ("les employeurs, franchement, ça
    change rien pour moi"): at the buyer/user question, the founder waving a payer away."""
    patterns = _patterns()
    payers = session_payers(other_texts(ctx))

    def opens_its_clause(at: int) -> bool:  # only function words before it in its clause
        return all(t.norm in FUNCTION_WORDS for t in tokens[clause_start(tokens, at):at])

    # where each clause that opens on a payer ends its topic, in each sentence
    topics: dict[int, list[int]] = {}
    for r in find_all(tokens, patterns["payer_roles"]):
        if opens_its_clause(r.start):
            topics.setdefault(tokens[r.start].sentence, []).append(r.end)
    for i, t in enumerate(tokens):  # a clause opening on a group the session says pays
        # the cheap test first: the clause's opening is only read at a payer's word
        if t.norm not in FUNCTION_WORDS and t.norm[:5] in payers and opens_its_clause(i):
            topics.setdefault(t.sentence, []).append(i + 1)

    def said_of_the_topic(m: Match) -> bool:
        # only hedges and function words between ("les employeurs franchement ça change rien"): "the clinics who
        # sign say the price is secondary" says it of the price; the payer nearest before it is the topic ("le
        # budget, la mairie, tout ça c'est de l'intendance")
        end = max((e for e in topics.get(tokens[m.start].sentence, []) if e <= m.start), default=None)
        if end is not None and m.start - end <= RESUMED_REACH and resumed(tokens, m.start):
            return True  # "la mairie, le budget, tout ça c'est de l'intendance": the list taken up as one
        if end is None or m.start - end > 4:
            return False
        norms = [t.norm for t in tokens[end:m.start]]
        rest = norms[skip_hedges(norms):]
        pronouns = _topic_pronouns()
        return all(w in FUNCTION_WORDS or w in pronouns for w in rest) and not negated_before(tokens, m, m.start - end)

    return first_match(tokens, patterns["unimportant"], said_of_the_topic)


@lru_cache(maxsize=1)
def _topic_pronouns() -> frozenset[str]:
    return frozenset(every_language(RoleWords, "roles").topic_pronouns)


@lru_cache(maxsize=1)
def _question_frames() -> frozenset[str]:
    return frozenset(every_language(RoleWords, "roles").question_frames)


def _payer_waved_away(tokens: Sequence[Token]) -> Match | None:
    """Who pays named as a question, and said to matter little in the same sentence ("qui sort la carte bleue
    à la fin, c'est un détail", "honestly who signs the PO is secondary"); "qui paie, c'est pas un détail"
    keeps it. Or a payer named, then waved away by a contrast later in the sentence ("parents pay most of the
    time, but that doesn't matter": `payments`, `waved_after`)."""
    patterns = _patterns()
    mentions = [m for m in find_all(tokens, patterns["payer_mentions"]) if _opens(tokens, m.start)]
    payers = {tokens[m.start].sentence for m in mentions}

    def negated(m: Match) -> bool:
        # a negation inside the payer's mention is not the unimportant word's ("qui paie, qui paie pas, ça
        # change pas grand-chose")
        ends = [p.end for p in mentions if p.end <= m.start and tokens[p.start].sentence == tokens[m.start].sentence]
        return negated_before(tokens, m, min(3, m.start - max(ends)) if ends else 3)

    asked = first_match(tokens, patterns["unimportant"],
                        lambda m: tokens[m.start].sentence in payers and not negated(m))
    if asked:
        return asked
    # "the parents pay in 70% of cases, but that doesn't matter": a payer named, then waved away
    paid = {tokens[m.start].sentence: m.start for m in reversed(find_all(tokens, patterns["payments"]))}
    return first_match(tokens, patterns["waved_after"],
                       lambda m: paid.get(tokens[m.start].sentence, len(tokens)) < m.start)


@scoped("for_whom", "most_important", "buyer_user", "priority")
def buyer_user_confusion(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    patterns = _patterns()
    m = (first_match(tokens, patterns["indifference"], lambda m: not negated_before(tokens, m, 2))
         or _payer_waved_away(tokens) or find(tokens, patterns["payer_denied"])
         or (_paying_party_waved_away(tokens, ctx) if ctx.question_id == "buyer_user" else None))
    if m:
        return hit("buyer_user_confusion", ctx.answer, tokens, m, "who pays does not matter to the founder",
                   stated=True)
    said_different = first_match(tokens, patterns["different"], lambda m: not negated_before(tokens, m))
    told_apart = said_different is not None or roles_told_apart(tokens) or each_side_pays(ctx.answer)
    if ctx.question_id != "buyer_user" or told_apart:
        return None
    labelled = labelled_roles(ctx.answer)
    payers = session_payers(other_texts(ctx)) if labelled and all(labelled) else set()
    if labelled and normalise(labelled[0]) == normalise(labelled[1]) and payers and not payers & {
            t.norm[:5] for t in tokenise(labelled[0])}:
        # "Buyer = the miner. User = the miner." where the session says the mine pays: one person labelled both
        # roles against who the founder said pays
        return replace(whole("buyer_user_confusion", ctx.answer, "one person labelled buyer and user where the "
                             "session says another pays"), stated=True)
    m = first_match(tokens, patterns["same_person"],
                    lambda m: not (negated_before(tokens, m, 3) or contrast_after(tokens, m)))
    context = context_text(ctx, with_answer=False)
    if m is None or not (roles_likely_differ(context) or payer_apart(context, tokens)):
        return None
    if pays_at_a_price(tokens):
        return None  # "the vendor pays herself, 15 rupees, by UPI": who pays is told as a fact
    return hit("buyer_user_confusion", ctx.answer, tokens, m, "buyer and user said to be the same where they "
               "likely differ")

