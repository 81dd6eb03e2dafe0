"""Reading the two sides of a platform from how the founder tells the exchange: who supplies ("les commerces
mettent en vente leurs invendus"), who takes ("les gens réservent"), who books a slot on a product made for
another group, or two sides announced by name ("côté commerces … côté clients"). Vocabulary from
`assistant/lexicon/<lang>/platform.yaml`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from assistant.text.patterns import Match, PatternSet, compile_all, find, find_all
from assistant.text.tokens import Token, numbers_joined, tokenise
from assistant.understanding.exchange_parties import (
    FOR,
    GENERIC_GROUPS,
    RECIPIENT_WINDOW,
    RECIPIENTS,
    founder_speaks,
    group_after,
    object_of,
    owner_before,
    sentence_subject,
    subject,
)
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import OPENERS
from assistant.understanding.groups import is_group_word, same_group


class _ExchangeWords(NamedTuple):  # the platform lexicon's words, compiled (`<lang>/platform.yaml`)
    supply: PatternSet
    demand: PatternSet
    booking: PatternSet
    side_words: frozenset[str]
    providers: PatternSet  # what a supplying group is described by: its supply verbs and provider words
    finding: PatternSet  # demand verbs whose object is the other side
    owners: PatternSet  # people named by what they have ("ceux qui ont")
    payees: PatternSet  # what the side paid for the exchange is named in ("ce que touche le proprio")
    payers: PatternSet  # paying for the exchange ("the candidate pays the hour"): the subject takes
    paid: PatternSet  # being paid for it ("le propriétaire touche une part"): the subject supplies
    keeps: PatternSet  # the founder keeping an amount ("on garde 13"): amounts paid and received tell sides then


@lru_cache(maxsize=1)
def _exchange_patterns() -> _ExchangeWords:
    from assistant.lexicon import languages, platform

    words = [platform(lang) for lang in languages()]
    return _ExchangeWords(compile_all(*(w.supply_verbs for w in words)), compile_all(*(w.demand_verbs for w in words)),
                          compile_all(*(w.booking_verbs for w in words)),
                          frozenset(x for w in words for x in w.side_words),
                          compile_all(*(w.supply_verbs + w.provider_words for w in words)),
                          compile_all(*(w.finding_verbs for w in words)),
                          compile_all(*(w.owner_openers for w in words)),
                          compile_all(*(w.payee_phrases for w in words)),
                          compile_all(*(w.payer_verbs for w in words)),
                          compile_all(*(w.paid_verbs for w in words)),
                          compile_all(*(w.founder_keeps for w in words)))


def _about_target(tokens: Sequence[Token], at: int, targets: list[str], booker: str) -> bool:
    """The booking verb's clause names a target group other than the booker itself ("practices with 2 to 5
    dentists that still book"); "les patients réservent" stays a side even if "gratuit pour les patients"
    made them a target too."""
    clause = tokens[at].clause
    return any(t.clause == clause and not same_group(t.norm, booker) and any(same_group(t.norm, w) for w in targets)
               for t in tokens[:at])


def exchange_sides(text: str) -> list[str]:
    """The two sides of an exchange the founder describes, as folded group words: one group supplying
    ("les commerces mettent en vente leurs invendus", "people rent out their spare room to visitors", or paid for
    the exchange: "ce que touche le moniteur") and another taking ("les gens réservent", or paying for the exchange:
    "le candidat paie l'heure"); or a group booking a slot on a product made for another
    group ("une plateforme pour les kinés : les patients réservent"); or two sides announced by name
    ("on the host side ... on the guest side", "côté commerces ... côté clients"). [] when none."""
    tokens = tokenise(text)
    words = _exchange_patterns()
    supply, demand, booking, side_words, finding, owners = (words.supply, words.demand, words.booking,
                                                            words.side_words, words.finding, words.owners)
    givers, takers = [], []
    for m in find_all(tokens, supply):
        if founder_speaks(tokens, m.start):
            continue  # "we sell software to bakeries": the founder selling to customers, not one side
        who = subject(tokens, m.start) or owner_before(tokens, m.start, owners)
        if who:
            givers.append(who)
        # the first "to"/"aux" a group follows: "le louent à la journée aux tâcherons" passes "à la journée"
        recipients = (i for i in range(m.end, min(len(tokens), m.end + RECIPIENT_WINDOW))
                      if tokens[i].norm in RECIPIENTS and tokens[i].sentence == tokens[m.start].sentence
                      and not (i and numbers_joined(tokens, i - 1)))  # "4 to 10 guests"
        taker = next((g for i in recipients if (g := group_after(tokens, i + 1))), None)
        if taker:
            takers.append(taker)
    takers += [w for m in find_all(tokens, demand) if (w := subject(tokens, m.start))]
    # who pays for the exchange and who is paid for it ("le candidat paie l'heure…, 15 % sur ce que touche le
    # moniteur", "les commerçants paient…, le propriétaire touche une part"): both told, or neither (a customer
    # paying for the product, "l'asso paie par édition", is no side of an exchange)
    # an amount alone ("le proprio paie 55, l'agri touche 42") tells sides only beside the founder's own cut ("on
    # garde 13"): "le groupement paie 2 500 francs par mois" is a customer paying for the product
    split = find(tokens, words.keeps) is not None

    def party(m: Match) -> str | None:  # who pays, or is paid, at `m`: a group, not the founder
        if founder_speaks(tokens, m.start) or not split and tokens[m.end - 1].norm.isdigit():
            return None
        return subject(tokens, m.start) or _determined_before(tokens, m.start)

    payers = [w for m in find_all(tokens, words.payers) if (w := party(m))]
    paid = [w for m in find_all(tokens, words.paid) if (w := party(m))]
    paid += [w for m in find_all(tokens, words.payees) if (w := _payee(tokens, m.start, m.end))]
    if payers and paid:
        takers += payers
        givers += paid
    for m in find_all(tokens, finding):
        # "les clientes trouvent un couturier de quartier": the group found is the side that supplies
        who, found = subject(tokens, m.start) or sentence_subject(tokens, m.start), object_of(tokens, m.end)
        if who and found and not founder_speaks(tokens, m.start):
            takers.append(who)
            givers.append(found)
    pair = _distinct_pair(givers, takers) or _peers(tokens, givers, demand)
    if pair:
        return pair
    targets = [w for i, t in enumerate(tokens[:-1]) if t.norm in FOR and (w := group_after(tokens, i + 1))
               and w not in GENERIC_GROUPS]
    # "practices with 2 to 5 dentists that still book by phone": booking in a clause about the target group
    # describes that group, it is not another side.
    bookers = [w for m in find_all(tokens, booking) if (w := subject(tokens, m.start)) and w not in GENERIC_GROUPS
               and not _about_target(tokens, m.start, targets, w)]
    pair = _distinct_pair(targets, bookers)
    if pair:
        return pair
    return _named_sides(tokens, side_words)


def _determined_before(tokens: Sequence[Token], at: int) -> str | None:
    """The noun right before the verb at `at`, after a determiner ("le candidat paie", "the owner gets"): a party
    named in the singular, off the group lexicon."""
    if at < 2 or tokens[at - 2].clause != tokens[at].clause or tokens[at - 2].norm not in OPENERS["determiner"]:
        return None
    noun = tokens[at - 1].norm
    return noun if noun.isalpha() and noun not in GENERIC_GROUPS else None


PAYEE_REACH = 3  # words after a payee phrase within which the side paid is named


def payee_span(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """Indices of the tokens of a payee phrase at `start:end` and of the `PAYEE_REACH` after it, in its sentence:
    where the side paid for the exchange is named."""
    reach = range(start, min(len(tokens), end + PAYEE_REACH))
    return [i for i in reach if tokens[i].sentence == tokens[start].sentence]


def _payee(tokens: Sequence[Token], start: int, end: int) -> str | None:
    """The side a payee phrase names ("ce que touche le moniteur", "what the host earns"): a group word in it or
    right after it, or the noun after a determiner there."""
    span = payee_span(tokens, start, end)
    named = next((tokens[i].norm for i in span if is_group_word(tokens[i].norm)), None)
    named = named or next((tokens[i + 1].norm for i in span[:-1] if tokens[i].norm in OPENERS["determiner"]
                           and tokens[i + 1].norm.isalpha()), None)
    return named if named and named not in GENERIC_GROUPS else None


def _peers(tokens: Sequence[Token], givers: list[str], demand: PatternSet) -> list[str]:
    """"Farmers list idle equipment. Other farmers rent it": a peer-to-peer platform, whose two sides are the
    same kind of people, told apart by "other"/"d'autres"; the side's word twice, [] otherwise."""
    norms = [t.norm for t in tokens]
    others = grammar_lists().others
    for m in find_all(tokens, demand):
        who = subject(tokens, m.start)
        if who is None or not any(same_group(who, g) for g in givers):
            continue
        at = next(i for i in range(m.start - 1, -1, -1) if norms[i] == who)
        if any(phrase_at(norms, i, others) for i in range(max(0, at - 2), at)):
            return [who, who]
    return []


def exchange_verb_at(tokens: Sequence[Token], at: int) -> bool:
    """A supply or demand verb of the platform lexicon starts at `tokens[at]`, in the clause of the word
    before it: "people | find a unique gift", "makers | list their pieces", "les gens | réservent"."""
    if not 0 < at < len(tokens) or tokens[at].clause != tokens[at - 1].clause:
        return False
    words = _exchange_patterns()
    supply, demand = words.supply, words.demand
    window = tokens[at:at + 4]
    return any(m.start == 0 for patterns in (supply, demand) for m in find_all(window, patterns))


def provider_patterns() -> PatternSet:
    """What a supplying group is described by (`supply_verbs` and `provider_words` of the platform lexicon)."""
    return _exchange_patterns().providers


def payee_patterns() -> PatternSet:
    """What the side paid for the exchange is named in (`payee_phrases` of the platform lexicon)."""
    return _exchange_patterns().payees


def provides(group: str) -> bool:
    """The group is described by what it supplies ("students who want to look after dogs", "retirees who
    drive for extra income"): a platform's supply side, whatever its name."""
    return find(tokenise(group), provider_patterns()) is not None


def _distinct_pair(first: list[str], second: list[str]) -> list[str]:
    for a in first:
        for b in second:
            if not same_group(a, b):
                return [a, b]
    return []


def announced_sides(text: str) -> list[str]:
    """Two groups named as sides ("on the host side ... on the guest side", "côté commerces ... côté
    clients"), as folded words; [] otherwise. The one platform reading used on answers after the pitch,
    where a connector word ("entre l'école et le boulot") is too loose a sign."""
    return _named_sides(tokenise(text), _exchange_patterns().side_words)


def _named_sides(tokens: Sequence[Token], side_words: frozenset[str]) -> list[str]:
    """"côté commerces ... côté clients", "on the host side ... the guest side": two groups named as sides."""
    named: list[str] = []
    for i, t in enumerate(tokens):
        if t.norm not in side_words:
            continue
        near = [tokens[j] for j in (i + 1, i + 2, i - 1) if 0 <= j < len(tokens)]
        word = next((n.norm for n in near if is_group_word(n.norm)), None)
        if word and not any(same_group(word, w) for w in named):
            named.append(word)
    return named[:2] if len(named) >= 2 else []
