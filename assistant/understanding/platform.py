"""A multi-sided platform and the sides it brings together, read in the founder's words (`platform_markers.yaml`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.text.lists import outside_parentheses
from assistant.text.patterns import Match, find, find_all
from assistant.text.tokens import Token, numbers_joined, spell_percent, tokenise
from assistant.understanding.cues import negated_before
from assistant.understanding.described_sides import described_sides, names_two_described_sides
from assistant.understanding.exchange import GENERIC_GROUPS, exchange_sides
from assistant.understanding.groups import group_words, is_group_word, looks_plural, modifier_word, same_group
from assistant.understanding.platform_words import SIDE_WINDOW, marker_patterns
from assistant.understanding.platform_words import words as _words
from assistant.understanding.roles_reader import DETERMINERS


def platform_sides(text: str, read_on: bool = False) -> list[str]:
    """The two groups a platform brings together, as folded words: those a connector links ("met en
    relation les kinés et les patients"), else the first two groups of the sentence that says
    "marketplace" or "two-sided" (with `read_on`, of that sentence and the next: a pitch's own words, where
    the sentence after "it's a marketplace" says who meets; not in an answer, whose groups are the founder's
    targets), or the two parties the founder takes an amount from ("15k dong per ha from farmer and 5% from the
    operator"). A product sold as software, or by subscription ("the shop pays us 49 euros a month"), with no
    connector, has no sides told by its exchange: the people it sells to are its customer's own."""
    tokens = tokenise(spelled := spell_percent(text))  # "nous laisse 1,5 % sur…": a take rate, a marker
    unbracketed = outside_parentheses(spelled, tokens)  # an aside in parentheses describes the side before it
    # "a SaaS for labs: the patient books a slot", "the software that matches readers to volunteers": the people
    # a tool sold to one customer matches or books are that customer's own; only a marker makes sides then
    software = _sold_as_software(tokens)
    for m in [] if software else find_all(tokens, marker_patterns()["connectors"]):
        # "un pilulier connecté, vendu aux patients": an adjective, its clause ends before any object
        if negated_before(tokens, m) or m.end >= len(tokens) or tokens[m.end].clause != tokens[m.end - 1].clause:
            continue
        if numbers_joined(tokens, m.end):
            continue  # "entre 150 et 400 licenciés", "between 10 and 50 staff": a range, not two sides
        start, at = tokens[m.end].start, tokens[m.start].sentence
        window = [t for t in unbracketed if t.start >= start and t.sentence == at][:SIDE_WINDOW]
        sides = _two_sides(window) or _named_before(tokens, m) or described_sides(window, _words()["joiners"])
        if sides:  # "connects the people selling online with drivers. seller posts…": the exchange names them
            told = exchange_sides(text) if read_on and set(sides) & GENERIC_GROUPS and not software else []
            return told if told and not set(told) & GENERIC_GROUPS else sides
    # "the shop pays us 49 euros a month": with no connector, the people a subscriber sells to are its own
    subscribed = software or _sold_as_software(tokens, "subscription_sale")
    told = exchange_sides(text) if read_on and not subscribed else []
    if told:
        return told  # a pitch telling who supplies and who takes names its sides better than its word order
    charged = _charged_parties(tokens)
    if charged:
        return charged
    for m in find_all(tokens, marker_patterns()["markers"]):
        # "it's a marketplace. Indie shows list their slots, small brands book them": the sides may come in
        # the sentence after the one that says what the startup is
        at = tokens[m.start].sentence
        for span in ({at}, {at, at + 1}) if read_on else ({at},):
            sides = _distinct_groups([t for t in unbracketed if t.sentence in span])
            if len(sides) >= 2:
                return sides[:2]
    return (not subscribed and (exchange_sides(text) or _sourcing_sides(tokens))) or _the_only_two(tokens, read_on)


def _charged_parties(tokens: Sequence[Token]) -> list[str]:
    """The two parties the founder takes an amount from (`two_party_takes`: "we take 15k dong per ha from farmer
    and 5% from the operator"), each the word after its `party_words` word past determiners; [] unless two differ."""
    for m in find_all(tokens, marker_patterns()["two_party_takes"]):
        parties: list[str] = []
        for i in range(m.start, min(m.end, len(tokens))):
            if tokens[i].norm in _words()["party_words"]:
                j = next((k for k in range(i + 1, min(i + 3, len(tokens))) if tokens[k].norm not in DETERMINERS), None)
                if j is not None and not tokens[j].norm.isdigit() and not any(same_group(tokens[j].norm, p)
                                                                              for p in parties):
                    parties.append(tokens[j].norm)
        if len(parties) == 2:
            return parties
    return []


SOURCE_REACH = 4  # words after "order from" within which the supplying group is named


def _sourcing_sides(tokens: Sequence[Token]) -> list[str]:
    """"Pharmacies order from verified distributors on the app" (`sourcing`, in a sentence that puts the ordering
    in the product: `sourcing_channels`): the group that orders and the group it orders from, two sides when they
    differ; [] otherwise ("restaurants buy from wholesalers" may be today's habit)."""
    channels = {tokens[m.start].sentence for m in find_all(tokens, marker_patterns()["sourcing_channels"])}
    for m in find_all(tokens, marker_patterns()["sourcing"]):
        sentence = tokens[m.start].sentence
        if sentence not in channels:
            continue
        buyers = [w for w in group_words([t for t in tokens[:m.start] if t.sentence == sentence])
                  if w not in GENERIC_GROUPS]
        sellers = [w for w in group_words([t for t in tokens[m.end:m.end + SOURCE_REACH] if t.sentence == sentence])
                   if w not in GENERIC_GROUPS]
        if buyers and sellers and not same_group(buyers[-1], sellers[0]):
            return [sellers[0], buyers[-1]]
    return []


def _sold_as_software(tokens: Sequence[Token],
                      words: Literal["software_sale", "subscription_sale"] = "software_sale") -> bool:
    """The product is sold as software to one customer (`software_sale`: "SaaS", "a licence"; or, with `words`
    "subscription_sale", by subscription) and never called a platform (`platform_nouns`)."""
    patterns = marker_patterns()
    return find(tokens, patterns[words]) is not None and find(tokens, patterns["platform_nouns"]) is None


def _named_before(tokens: Sequence[Token], m: Match) -> list[str]:
    """The sides of a connector whose object is a pronoun ("parks post the gig, travellers put up a profile,
    we match em", "on les met en relation"): the two groups named in its sentence before it and in the
    sentence before that, when they are exactly two plural groups; [] otherwise."""
    pronouns = _words()["pronouns"]
    after = tokens[m.end].norm if m.end < len(tokens) else ""
    before = tokens[m.start - 1].norm if m.start else ""
    if after not in pronouns and before not in pronouns:
        return []
    sentence = tokens[m.start].sentence
    groups = _distinct_groups([t for t in tokens[:m.start] if t.sentence in {sentence - 1, sentence}])
    # two groups, not a role: "the manager builds the week, staff swap shifts between them" links no sides
    return groups if len(groups) == 2 and all(looks_plural(g) for g in groups) else []


def _the_only_two(tokens: Sequence[Token], read_on: bool) -> list[str]:
    """A pitch that says "marketplace" apart from the sentences naming who meets ("The farmer puts up the
    milkings he needs done, relief milkers see them and take them. […] A wee marketplace for relief
    milking"): its sides are the two groups it names, when it names exactly two; [] otherwise (a third group
    may be a partner, and an answer's groups are the founder's targets, not sides)."""
    if not read_on or find(tokens, marker_patterns()["markers"]) is None:
        return []
    groups = _distinct_groups(tokens)
    return groups if len(groups) == 2 else []


def _distinct_groups(tokens: Sequence[Token]) -> list[str]:
    groups: list[str] = []
    for word in group_words(tokens):
        if word not in GENERIC_GROUPS and not any(same_group(word, g) for g in groups):
            groups.append(word)
    return groups


def _side_noun(window: Sequence[Token], i: int, loose: bool) -> bool:
    """A noun that may name a side after a connector: a group word, or (`loose`) a plural noun right after a
    determiner or right before a coordinating joiner ("connecte les entrepôts et les transporteurs", "matches
    hair salons with stylists": a warehouse, a salon are customers the group lexicon does not list)."""
    word = window[i].norm
    if is_group_word(word):
        return True
    plural = looks_plural(word) and word not in DETERMINERS
    framed = (i > 0 and window[i - 1].norm in DETERMINERS
              or i + 1 < len(window) and window[i + 1].norm in _words()["coordinators"])
    return loose and plural and framed


LOOSE_REACH = 3  # words after a connector within which a side off the group lexicon may open


def _two_sides(window: Sequence[Token]) -> list[str]:
    """The two nouns a connector's joiner sets apart ("matches small vet clinics […] with locum vets"): group
    words, or, where the joiner coordinates ("les entrepôts et les transporteurs"), one of them a plural noun
    after a determiner; [] when there are not two different ones. "Matches accountants and bookkeepers, who
    volunteer, with community groups": an "and" before a "with" joins the first side's own words, the "with"
    sets the sides apart, so the joiners that are no "and" are tried first."""
    joiners = [j for j, t in enumerate(window) if t.norm in _words()["joiners"]]
    ands = _words()["and_words"]
    for j in [j for j in joiners if window[j].norm not in ands] + [j for j in joiners if window[j].norm in ands]:
        joiner = window[j]
        # a noun outside the group lexicon only where the joiner coordinates: "les entrepôts et les
        # transporteurs", not "relie les capteurs aux tableaux"
        loose = joiner.norm in _words()["coordinators"]
        # off the lexicon, the first side is the connector's own object, in its clause: "a connected scale, sold
        # to gyms and…" connects nothing
        first = next((i for i in range(j) if _side_noun(window, i, loose and window[i].clause == window[0].clause)),
                     None)
        # off the lexicon, a plural noun right after a coordinating joiner is the other side ("with shipyards"),
        # or after one singular modifier ("w export packhouses")
        second = next((k for k in range(j + 1, min(len(window), j + 5)) if _side_noun(window, k, loose)
                       or loose and looks_plural(window[k].norm) and window[k].norm not in DETERMINERS
                       and (k == j + 1 or k == j + 2 and _qualifies_next(window, j + 1)
                            and window[j + 1].norm not in DETERMINERS)), None)
        if first is None or second is None:
            continue
        one, other = window[first].norm, window[second].norm
        # "vet clinics … with locum vets": the first side is the compound's last noun, not its modifier
        # "freelance welders and fitters": nor is it a word that only qualifies the next one
        while (same_group(other, one) or modifier_word(one) or _qualifies_next(window, first)) and first + 1 < j \
                and is_group_word(window[first + 1].norm):
            first += 1
            one = window[first].norm
        # "small manufacturing companies": nor is the second side's
        while second + 1 < len(window) and _qualifies_next(window, second) and is_group_word(window[second + 1].norm):
            second += 1
            other = window[second].norm
        lexicon = is_group_word(one) and is_group_word(other)
        # a side off the lexicon only right after the connector, as its object: "connecte les entrepôts et…",
        # not "se branche sur le Linky et explique la conso du foyer, avec des alertes"
        if not same_group(other, one) and (lexicon or (is_group_word(one) or is_group_word(other))
                                           and first <= LOOSE_REACH):
            return [one, other]
    return []


def _qualifies_next(window: Sequence[Token], i: int) -> bool:
    """The word at `i` is a singular qualifying a plural group word right after it ("retired engineers",
    "manufacturing companies"): the side is the plural noun, not its qualifier."""
    return i + 1 < len(window) and not looks_plural(window[i].norm) and looks_plural(window[i + 1].norm) \
        and window[i + 1].clause == window[i].clause


def is_platform(text: str) -> bool:
    """A marker ("marketplace", a take rate on each booking), two groups named as the two sides of one
    sentence ("drivers on one side, carriers on the other"), or two groups a connector or an exchange links."""
    tokens = tokenise(spell_percent(text))  # "we keep 20%": a take rate
    marker = find(tokens, marker_patterns()["markers"])
    if marker is not None and not negated_before(tokens, marker):
        return True
    both = find(tokens, marker_patterns()["both_sides"])
    if both is not None:
        sentence = [t for t in tokens if t.sentence == tokens[both.start].sentence]
        if len(_distinct_groups(sentence)) >= 2:
            return True
    return bool(platform_sides(text))


def names_both_sides(text: str) -> bool:
    """"Both sides" (`both_sides`), "On one side X… On the other, Y" (`first_side`, then `other_side` in any
    later sentence), or two sides told by what each does ("ceux qui cherchent à louer et ceux qui ont quelque
    chose à louer": `described_sides`)."""
    tokens, p = tokenise(text), marker_patterns()
    first = find(tokens, p["first_side"])
    return (first is not None and any(m.start >= first.end for m in find_all(tokens, p["other_side"]))
            or find(tokens, p["both_sides"]) is not None or names_two_described_sides(text, _words()["coordinators"]))
