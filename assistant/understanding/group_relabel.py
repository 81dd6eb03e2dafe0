"""The grammar checks that relabel the group reader's labels (new/cont/deferred/none per fragment): a list of
groups announced by a count opens as many groups; a continuation right after a side announced opens that side;
"d'autres X", or ", and then the X" with a people word the open group does not hold, opens another group; "the
ones who…" right after a group narrows it; an example, a parenthesis or what opens no noun phrase continues the
group open before it. Words: `lexicon/<lang>/group_reading.yaml` and the grammar lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import find
from assistant.text.tokens import Token, tokenise
from assistant.understanding.grammar_lists import contains, grammar_lists, phrase_at
from assistant.understanding.group_check import (
    DEMONSTRATIVES,
    OPENERS,
    FragmentLike,
    group_words_at,
    names_people,
    opens_noun_phrase,
    reading_words,
    skip_hedges,
)
from assistant.understanding.grouping import EXAMPLE_MARKERS
from assistant.understanding.groups import announced_count, exact_group_word, is_group_word, looks_plural, same_group

_BREAKS = frozenset(("sentence", "semicolon", "numbered", "dash"))


def relabel(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """The reader's labels (new/cont/deferred/none per fragment) with the grammar checks applied."""
    out = list(labels)
    in_examples = False
    announced = 0  # groups announced ("deux publics :") and not yet opened in this sentence
    open_group = people_of_before = False  # the latter: the sentence goes on people of a group named before
    opened: int | None = None  # the fragment that opened the group open now
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        if i > 0:
            open_group = out[i - 1] in ("new", "cont", "deferred") and (open_group or out[i - 1] != "cont")
            opened = i - 1 if out[i - 1] in ("new", "deferred") else opened if open_group else None
        if frag.separator in _BREAKS or frag.first_in_sentence:
            in_examples = False
        if frag.first_in_sentence:
            announced, people_of_before = 0, False
        tokens = tokenise(frag.text)
        if people_of_before and label in ("new", "cont") and not names_people(t.norm for t in tokens):
            out[i] = "none"  # "…na? The mid-size ones in Gopalpura, Mahaveer Nagar": places of the people before
            continue
        in_parens = answer.count("(", 0, frag.start) > answer.count(")", 0, frag.start)
        example = (m := find(tokens, EXAMPLE_MARKERS)) is not None and m.start == 0
        if (announced_count(frag.text) or 0) >= 2:  # "deux groupes :", "two sides" announce the groups
            out[i], announced = "none", announced_count(frag.text) or 0
            continue
        determiner = bool(tokens) and tokens[0].norm in OPENERS["determiner"]
        # a clause the reader read as no group opens none ("two groups, and the matching only works if we have
        # both"): it must name people
        people = label != "none" or names_people(t.norm for t in tokens)
        if announced and (label in ("new", "none") or determiner) and opens_noun_phrase(frag.text) and \
                not in_parens and people:
            # the announced groups open, as many as announced; a bare word the reader joins to the group
            # before ("les écoles maternelles et élémentaires", "senior or anxious dogs") stays joined, a
            # noun phrase with its determiner ("… et les artisans indépendants qui…") opens the next
            out[i], announced = "new", announced - 1
            continue
        if label in ("cont", "none") and not open_group:
            # "on the guest side, couples and solo travellers", "et côté pro, les épiceries bio": a continuation,
            # or a noun phrase of people read as none, right after a side announced opens that side's group
            # (a determiner then people in the plural: "the access manager, who champions it" is one person of a
            # side named, "those are our customers" a statement)
            if i and _announces_side(frags[i - 1].text) and opens_noun_phrase(frag.text) and (
                    label == "cont" or determiner and tokens[0].norm not in DEMONSTRATIVES and any(
                        exact_group_word(t.norm) and looks_plural(t.norm) for t in tokens[1:SIDE_GROUP_REACH])):
                out[i] = "new"
            continue
        if label == "cont" and open_group and (_names_another(tokens) or frag.separator in _ANDS and _other_people(
                tokens, frags[opened].text if opened is not None else "", frag.separator)):
            # "…, et d'autres potiers qui cherchent un four", "…, and then the scheme managers who…": another
            # group, by its determiner and a people word the open group's head does not hold
            out[i] = "new"
            continue
        if label == "new" and out[i - 1:i] == ["none"] and frag.separator in _ANDS and _coordinated_object(
                tokens, tokenise(frags[i - 1].text)):
            out[i] = "none"  # "La DRH a des départs à organiser | et des engagements à tenir": the clause's objects
            continue
        if label == "new" and open_group and frag.separator == "comma" and _pronoun_head(tokens):
            out[i] = "cont"  # "Older tenants…, the ones who've already had a fall": part of the group before
            continue
        if label == "new" and "new" in out[:i] and _qualified_pronoun_head(tokens):
            # past a stop or a filler, "the coaching institutes, na? The mid-size ones…": of the group named before
            out[i], people_of_before = "none", True
            continue
        if label != "new" or not open_group:  # a group is only continued when one is open
            continue
        if example:
            out[i], in_examples = "cont", True
        elif in_parens or in_examples or not opens_noun_phrase(frag.text):
            out[i] = "cont"
    return out


_ANDS = frozenset(("and", "comma_and"))
SIDE_GROUP_REACH = 4  # words after the determiner within which the group a side heading announces is named


def _other_people(tokens: Sequence[Token], group: str, separator: str) -> bool:
    """The fragment opens (past hedges and "then") on a determiner and a word of the group lexicon as written
    that the group open before does not hold ("…, and then the scheme managers"), after a comma or a word of
    sequence: a bare "and" may join one group's own words ("sous-traitants pour des entreprises générales et
    des façadiers", "les crabiers pis les crevettiers")."""
    norms = [t.norm for t in tokens]
    at = skip_hedges(norms)
    sequence = at < len(norms) and norms[at] in reading_words().sequence_words
    at += 1 if sequence else 0
    if at + 1 >= len(norms) or norms[at] not in OPENERS["determiner"] or not (sequence or separator == "comma_and"):
        return False
    word = norms[at + 1] if exact_group_word(norms[at + 1]) else norms[at + 2] if at + 2 < len(norms) and \
        exact_group_word(norms[at + 2]) else ""
    held = [t.norm for t in tokenise(group) if is_group_word(t.norm)]
    return bool(word) and bool(held) and not any(same_group(word, h) for h in held)


def _coordinated_object(tokens: Sequence[Token], before: Sequence[Token]) -> bool:
    """The fragment opens (past hedges) on a determiner whose next two words name no group ("et des engagements à
    tenir"), a determiner the clause before holds past a subject and a verb ("La DRH a des départs à organiser"):
    the clause's second object, a thing, not people."""
    norms, earlier = [t.norm for t in tokens], [t.norm for t in before]
    at = skip_hedges(norms)
    return at < len(norms) and norms[at] in OPENERS["determiner"] and not any(
        is_group_word(w) for w in norms[at + 1:at + 3]) and norms[at] in earlier[skip_hedges(earlier) + 2:]


ADJECTIVES_BEFORE_HEAD = 2  # "the mid-size ones": words between the determiner and a pronoun head


def _pronoun_head(tokens: Sequence[Token]) -> bool:
    """The fragment opens on a pronoun head ("the ones who…", "ceux qui…"): people of the group before."""
    norms = [t.norm for t in tokens]
    return phrase_at(norms, skip_hedges(norms), grammar_lists().pronoun_heads) is not None


def _qualified_pronoun_head(tokens: Sequence[Token]) -> bool:
    """The fragment opens on a determiner and a few words before a pronoun head ("the mid-size ones in
    Gopalpura"): people of a group named before, no group of their own."""
    norms, heads = [t.norm for t in tokens], grammar_lists().pronoun_heads
    at = skip_hedges(norms)
    return at < len(norms) and norms[at] in OPENERS["determiner"] and any(
        phrase_at(norms, at + k, heads) is not None
        and not any(is_group_word(w) or w in OPENERS["preposition"] for w in norms[at + 1:at + k])
        for k in range(2, 2 + ADJECTIVES_BEFORE_HEAD))


def _names_another(tokens: Sequence[Token]) -> bool:
    """The fragment opens on "other"/"d'autres" and a group word: another group than the one before."""
    norms = [t.norm for t in tokens]
    other = phrase_at(norms, skip_hedges(norms), grammar_lists().others)
    return other is not None and bool(group_words_at(tokens))


def _announces_side(text: str) -> bool:
    """"on the guest side", "côté offre": a fragment that only announces a platform side."""
    norms = [t.norm for t in tokenise(text)]
    side = contains(norms, grammar_lists().sides)
    return side is not None and not group_words_at(tokenise(text)[:side])
