"""Reading the two sides of a platform from how the founder tells the exchange: who supplies ("les commerces
mettent en vente leurs invendus"), who takes ("les gens réservent"), who books a slot on a product made for
another group, or two sides announced by name ("côté commerces … côté clients"). Vocabulary from
`assistant/lexicon/<lang>/platform.yaml`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from assistant.text.patterns import PatternSet, compile_all, find, find_all
from assistant.text.tokens import Token, clause_start, numbers_joined, tokenise
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.groups import is_group_word, looks_plural, same_group

# Words that name nobody in particular: they cannot be one side of a platform.
GENERIC_GROUPS = frozenset(
    "people gens personnes personne users utilisateurs clients customers client customer public monde "
    "everyone".split()
)



class _ExchangeWords(NamedTuple):  # the platform lexicon's words, compiled (`<lang>/platform.yaml`)
    supply: PatternSet
    demand: PatternSet
    booking: PatternSet
    side_words: frozenset[str]
    providers: PatternSet  # what a supplying group is described by: its supply verbs and provider words
    finding: PatternSet  # demand verbs whose object is the other side


@lru_cache(maxsize=1)
def _exchange_patterns() -> _ExchangeWords:
    from assistant.lexicon import languages, platform

    words = [platform(lang) for lang in languages()]
    return _ExchangeWords(compile_all(*(w.supply_verbs for w in words)), compile_all(*(w.demand_verbs for w in words)),
                          compile_all(*(w.booking_verbs for w in words)),
                          frozenset(x for w in words for x in w.side_words),
                          compile_all(*(w.supply_verbs + w.provider_words for w in words)),
                          compile_all(*(w.finding_verbs for w in words)))


SUBJECT_WINDOW = 6
RECIPIENT_WINDOW = 14
DETERMINERS = frozenset("les des the some ses leurs their".split())
RECIPIENTS = frozenset("to a aux au".split())
FOR = frozenset("for pour".split())
# A group word after these is the complement of a noun, no subject: "instead of kids books", "les cours de
# danse des enfants réservés".
OF = frozenset("of de d du".split())


def _subject(tokens: Sequence[Token], at: int) -> str | None:
    """The nearest group word before a verb, in its clause: "les commerces du quartier mettent en vente"."""
    clause = tokens[at].clause
    if at >= 2 and tokens[at - 2].norm in DETERMINERS and tokens[at - 1].clause == clause:
        return tokens[at - 1].norm  # "les habitants réservent": a determiner, a noun, the verb
    for i in range(at - 1, max(0, at - SUBJECT_WINDOW) - 1, -1):
        t = tokens[i]
        if t.clause != clause:
            break
        # "vendu aux patients et loué aux EHPAD": a group after "to"/"aux"/"for" receives, it is no subject
        if is_group_word(t.norm) and not (i and tokens[i - 1].norm in RECIPIENTS | FOR | OF):
            return t.norm
    return _plural_opening(tokens, at)


OPENING_WORDS = 3  # "Local home cooks | host": the clause's first words, then the verb


def _plural_opening(tokens: Sequence[Token], at: int) -> str | None:
    """A plural noun right before the verb that opens its clause within a few words: the subject, also off the
    group lexicon ("Local home cooks host guests", "les huileries reçoivent"); None for a pronoun, a
    determiner or a singular word."""
    if at == 0 or tokens[at - 1].clause != tokens[at].clause:
        return None
    word = tokens[at - 1].norm
    opened = clause_start(tokens, at)
    plural = looks_plural(word) and word not in DETERMINERS | GENERIC_GROUPS
    if not plural or at - opened > OPENING_WORDS or word in grammar_lists().subjects or word in FOUNDER:
        return None
    if at >= 2 and tokens[at - 2].norm in RECIPIENTS | FOR | OF:
        return None  # "instead of kids books": a noun's complement, no subject
    return word


def _about_target(tokens: Sequence[Token], at: int, targets: list[str], booker: str) -> bool:
    """The booking verb's clause names a target group other than the booker itself ("practices with 2 to 5
    dentists that still book"); "les patients réservent" stays a side even if "gratuit pour les patients"
    made them a target too."""
    clause = tokens[at].clause
    return any(t.clause == clause and not same_group(t.norm, booker) and any(same_group(t.norm, w) for w in targets)
               for t in tokens[:at])


def _group_after(tokens: Sequence[Token], at: int, span: int = 3) -> str | None:
    for t in tokens[at:at + span]:
        if t.sentence != tokens[at - 1].sentence:
            return None
        if is_group_word(t.norm):
            return t.norm
    return None


def exchange_sides(text: str) -> list[str]:
    """The two sides of an exchange the founder describes, as folded group words: one group supplying
    ("les commerces mettent en vente leurs invendus", "people rent out their spare room to visitors")
    and another taking ("les gens réservent"); or a group booking a slot on a product made for another
    group ("une plateforme pour les kinés : les patients réservent"); or two sides announced by name
    ("on the host side ... on the guest side", "côté commerces ... côté clients"). [] when none."""
    tokens = tokenise(text)
    supply, demand, booking, side_words, _, finding = _exchange_patterns()
    givers, takers = [], []
    for m in find_all(tokens, supply):
        if _founder_speaks(tokens, m.start):
            continue  # "we sell software to bakeries": the founder selling to customers, not one side
        who = _subject(tokens, m.start)
        if who:
            givers.append(who)
        recipient = next((i for i in range(m.end, min(len(tokens), m.end + RECIPIENT_WINDOW))
                          if tokens[i].norm in RECIPIENTS and tokens[i].sentence == tokens[m.start].sentence
                          and not (i and numbers_joined(tokens, i - 1))), None)  # "4 to 10 guests"
        taker = _group_after(tokens, recipient + 1) if recipient is not None else None
        if taker:
            takers.append(taker)
    takers += [w for m in find_all(tokens, demand) if (w := _subject(tokens, m.start))]
    for m in find_all(tokens, finding):
        # "les clientes trouvent un couturier de quartier": the group found is the side that supplies
        who, found = _subject(tokens, m.start) or _sentence_subject(tokens, m.start), _object(tokens, m.end)
        if who and found and not _founder_speaks(tokens, m.start):
            takers.append(who)
            givers.append(found)
    pair = _distinct_pair(givers, takers) or _peers(tokens, givers, demand)
    if pair:
        return pair
    targets = [w for i, t in enumerate(tokens[:-1]) if t.norm in FOR and (w := _group_after(tokens, i + 1))
               and w not in GENERIC_GROUPS]
    # "practices with 2 to 5 dentists that still book by phone": booking in a clause about the target group
    # describes that group, it is not another side.
    bookers = [w for m in find_all(tokens, booking) if (w := _subject(tokens, m.start)) and w not in GENERIC_GROUPS
               and not _about_target(tokens, m.start, targets, w)]
    pair = _distinct_pair(targets, bookers)
    if pair:
        return pair
    return _named_sides(tokens, side_words)


OBJECT_WINDOW = 3  # a determiner, an adjective, the noun: "a verified local tailor" is past it, "a tutor" is not


def _object(tokens: Sequence[Token], at: int) -> str | None:
    """The group word a verb's object opens on, in its clause, after a determiner ("find | a tutor", "trouvent
    | un couturier"); None for a thing ("book | a seat") or a bare noun."""
    if at >= len(tokens) or tokens[at].norm not in OBJECT_DETERMINERS:
        return None
    for t in tokens[at + 1:at + 1 + OBJECT_WINDOW]:
        if t.clause != tokens[at].clause:
            return None
        # a singular agent noun the lexicon holds in the plural: "trouvent un couturier"
        if (is_group_word(t.norm) or is_group_word(t.norm + "s")) and t.norm not in GENERIC_GROUPS:
            return t.norm
    return None


def _sentence_subject(tokens: Sequence[Token], at: int) -> str | None:
    """The group the sentence opens on, for a verb in a list of verbs that share it ("Les clientes choisissent
    un modèle, trouvent un couturier"): a group word among the sentence's first words."""
    sentence = tokens[at].sentence
    first = next(i for i in range(at, -1, -1) if i == 0 or tokens[i - 1].sentence != sentence)
    return next((t.norm for t in tokens[first:min(at, first + OPENING_WORDS)]
                 if is_group_word(t.norm) and t.norm not in GENERIC_GROUPS), None)


OBJECT_DETERMINERS = frozenset("a an the their un une des les leur leurs".split())


def _peers(tokens: Sequence[Token], givers: list[str], demand: PatternSet) -> list[str]:
    """"Farmers list idle equipment. Other farmers rent it": a peer-to-peer platform, whose two sides are the
    same kind of people, told apart by "other"/"d'autres"; the side's word twice, [] otherwise."""
    norms = [t.norm for t in tokens]
    others = grammar_lists().others
    for m in find_all(tokens, demand):
        who = _subject(tokens, m.start)
        if who is None or not any(same_group(who, g) for g in givers):
            continue
        at = next(i for i in range(m.start - 1, -1, -1) if norms[i] == who)
        if any(phrase_at(norms, i, others) for i in range(max(0, at - 2), at)):
            return [who, who]
    return []


FOUNDER = frozenset("we nous on i je our notre".split())


def _founder_speaks(tokens: Sequence[Token], at: int) -> bool:
    return any(t.norm in FOUNDER for t in tokens[clause_start(tokens, at):at])


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
