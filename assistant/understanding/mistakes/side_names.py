"""Whether a group an answer names is one side of a platform: the side's word in the group's own name (not in the
reason given, nor someone the group has: "leur déneigeur"), what the session says of each side (`side_story`),
and which side the session describes by what it supplies (`supplying_side`). Used by the one_sided_platform
detector (`sides.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.exchange import payee_patterns, payee_span, provider_patterns
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import reading_words
from assistant.understanding.groups import is_group_word, looks_plural, number_words, same_group

POSSESSIVES = LazyWords(lambda: reading_words().possessives)  # "leur", "their": someone a group has
SINGULAR_POSSESSIVES = LazyWords(lambda: reading_words().singular_possessives)  # "son", "sa"
CONJUNCTIONS = LazyWords(lambda: reading_words().conjunctions)  # "and", "et": a clause of other people
QUANTITIES = LazyWords(lambda: reading_words().quantity_openers)  # "a", "some", "quelques"
STEM = 5


def owned(norms: Sequence[str], i: int) -> bool:
    """The word at `i` follows a possessive ("leur déneigeur", "their driver"): someone a group has. A singular
    possessive before a plural is none ("para sa students": Tagalog's "sa")."""
    prev = norms[i - 1] if i else ""
    return prev in POSSESSIVES and not (prev in SINGULAR_POSSESSIVES and looks_plural(norms[i]))


def place_name(text: str, tokens: Sequence[Token], i: int) -> bool:
    """A capitalised word inside its sentence ("Japan", "Arequipa"): a place or a brand, which tells no side
    apart (the pitch's "brands in the US, Europe and Japan with associations in Arequipa")."""
    return i > 0 and tokens[i - 1].sentence == tokens[i].sentence and text[tokens[i].start].isupper()


def stems(text: str) -> set[str]:
    tokens = tokenise(text)
    return {t.norm[:STEM] for i, t in enumerate(tokens) if len(t.norm) >= STEM and not is_group_word(t.norm)
            and not place_name(text, tokens, i)}


def side_story(context: str, side: str) -> set[str]:
    """What the session says of one side, as word stems: the clauses that name it ("les commerces du
    quartier mettent en vente leurs invendus" → invendus, vente, quartier). A group described with those
    words ("les boulangeries qui jettent des invendus") is that side under a more precise name."""
    tokens = tokenise(context)
    clauses = {t.clause for t in tokens if same_group(side, t.norm)}
    return {t.norm[:STEM] for i, t in enumerate(tokens) if t.clause in clauses and len(t.norm) >= STEM
            and not is_group_word(t.norm) and not place_name(context, tokens, i)}


def names_side(group: str, side: str) -> bool:
    """"freelance designers who want steady clients" names the side "freelance"; a group named in the reason
    given ("…qui galèrent parce que les artisans répondent pas") is not named as a customer."""
    tokens = tokenise(group)
    norms = [t.norm for t in tokens]
    cut = next((i for i in range(len(norms)) if phrase_at(norms, i, grammar_lists().reasons)), len(norms))
    # a count of the side's word sizes the group it describes ("clinics, like 1-3 vets", "cabinets de 2 à 5
    # kinés"): it does not name that side
    # a word that only starts the side's word names no group ("public land" is not "landowners")
    # someone the group has ("…qui se font laisser tomber par leur déneigeur", "their driver") is not the group
    return any(same_group(side, t.norm) and (is_group_word(t.norm) or t.norm.rstrip("sx") == side.rstrip("sx"))
               for i, t in enumerate(tokens[:cut])
               if len(t.norm) > 2 and not (i and (norms[i - 1].isdigit() or norms[i - 1] in number_words()
                                                  or owned(norms, i))))


def another_group_provides(group: str, side: str) -> bool:
    """"visitors…, and locals with a spare room who want some extra income": another clause of the group read
    describes someone by what they supply. The named side's own supply verbs, in its own clause ("makers who
    sell…"), do not count: that is the side named, not the other one."""
    tokens = tokenise(group)
    own = {t.clause for t in tokens if same_group(side, t.norm)}
    # a clause opened by a conjunction brings in other people; an apposition ("brands abroad - designers who
    # sell on Etsy") describes the side named, by its own trade
    opened = {t.clause for i, t in enumerate(tokens)
              if t.norm in CONJUNCTIONS and (i == 0 or tokens[i - 1].clause != t.clause)}
    return first_match(tokens, provider_patterns(),
                       lambda m: tokens[m.start].clause not in own and tokens[m.start].clause in opened) is not None


def sides_among(groups: list[str], sides: list[str]) -> list[str]:
    """The sides that one of the groups named names (`names_side`), in the order of `sides`."""
    return [side for side in sides if any(names_side(g, side) for g in groups)]


def a_part(group: str) -> bool:
    """A quantity with no people named after it ("a couple in Japan", "a few in Germany"): a part of the group
    named before, not a group of its own."""
    norms = [t.norm for t in tokenise(group)]
    return len(norms) > 1 and norms[0] in QUANTITIES and not any(is_group_word(w) for w in norms[2:])


def supplying_side(context: str, told: list[str]) -> str:
    """The one side the session describes by what it supplies: the side named last before a supply verb of its
    sentence ("les artisans de la médina (dinanderie, cuir) vendent leurs pièces"), or the side paid for the
    exchange, named in or right after a payee phrase ("12 % sur ce que touche le proprio"); "" when none or both
    are."""
    tokens = tokenise(context)
    supplying = set()
    for m in find_all(tokens, provider_patterns()):
        before = [t for t in tokens[:m.start] if t.sentence == tokens[m.start].sentence]
        side = next((side for t in reversed(before) for side in told if same_group(side, t.norm)), "")
        supplying |= {side} if side else set()
    for m in find_all(tokens, payee_patterns()):
        named = [tokens[i] for i in payee_span(tokens, m.start, m.end)]
        supplying |= {side for t in named for side in told if same_group(side, t.norm)}
    return supplying.pop() if len(supplying) == 1 else ""
