"""A focus on part of the group already named is no second group: "Les salons de coiffure indépendants, pas les
franchises. Surtout les petits salons de 1 à 4 coiffeuses qui…", "independent bookshops in Leeds, mostly the
small bookshops near the university". A fragment that opens on a focus or example marker (`example_markers` of
`lexicon/<lang>/grouping.yaml`: "surtout", "especially", "mostly") and whose head shares a word with the head of
the group open before it ("petits salons", "salons de coiffure") narrows that group: it continues it when it
follows it directly, else (an exclusion or an aside between them) it is dropped rather than made a twin
segment. Another head after the marker ("surtout les kinés", after "les ostéos") is another group, as the
reader said.

Things listed after a colon are no groups either: "les communes, pour leurs parcelles difficiles : bassins de
rétention, talus…", "city councils, for their awkward plots: retention ponds, embankments". When people are named
before the colon in its sentence and no item after it names people (a word of the group lexicon as written, a
word for people in general, or a demonstrative), the items are examples of a thing; the people before the colon
are the group. Nor are kinds of people listed after a colon as examples of the people described right before it
("the people who work there: camaristas, cooks, stewards, waiters"). And a line labelled by a group word before a
colon ("- skiers: foreign visitors who already ski off-piste"), where the reader read no group, has its group after
the colon.

Runs on the reader's labels, after `group_anaphora.attach_dependents`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import find_all
from assistant.text.tokens import tokenise
from assistant.understanding.group_anaphora import opening
from assistant.understanding.group_check import OPENERS, FragmentLike, reading_words
from assistant.understanding.group_coordination import names_people
from assistant.understanding.grouping import EXAMPLE_MARKERS, after_leading_marker
from assistant.understanding.groups import announced_count, group_words, looks_plural
from assistant.understanding.substance import content_words

_COORDINATED = frozenset(("and", "or"))
HEAD_WORDS = 3  # content words of a noun phrase's head compared ("petits salons", "salons de coiffure")
STEM = 5


def _head_stems(text: str) -> set[str]:
    """The first letters of the first content words of a phrase: its head and what qualifies it first."""
    return {w[:STEM] for w in content_words(text)[:HEAD_WORDS] if len(w) > 3 and not w.isdigit()}


def _focus_head(text: str) -> set[str] | None:
    """The head stems after a focus marker that opens the fragment; None when no marker opens it."""
    tokens = tokenise(text)
    lead = after_leading_marker(tokens)
    if lead is None or lead >= len(tokens):
        return None
    return _head_stems(text[tokens[lead].start:])


def _names_kinds(text: str) -> bool:
    """After its focus marker, the fragment names people or plural things ("mostly the beach shacks"), not a
    time or a place ("surtout l'hiver")."""
    tokens = tokenise(text)
    lead = after_leading_marker(tokens) or 0
    return _names_people(text) or any(looks_plural(t.norm) for t in tokens[lead:lead + HEAD_WORDS])


def _inner_focus(text: str) -> bool:
    """A focus marker inside a group's fragment, past its head ("les restaurants surtout les restos de plage")."""
    tokens = tokenise(text)
    return any(m.start > 0 for m in find_all(tokens, EXAMPLE_MARKERS))


def _set_aside(text: str) -> bool:
    """A fragment that opens on a negation or an exception ("pas les franchises", "except hospitals")."""
    words = opening(text)
    return bool(words) and (words[0] in OPENERS["negation"] or words[0] in reading_words().exclusion_leads)


def _names_people(text: str) -> bool:
    """Any of the fragment's words names people ("celles de 3 à 8 vétos"): `group_coordination.names_people`."""
    return names_people(t.norm for t in tokenise(text))


def _colon_lists(frags: Sequence[FragmentLike]) -> list[tuple[int, int, int]]:
    """Each colon inside a sentence as (the sentence's first fragment, the fragment after the colon, the end of
    what the colon lists: the next sentence or colon)."""
    spans = []
    for i, frag in enumerate(frags):
        if frag.separator != "colon" or frag.first_in_sentence:
            continue
        end = i + 1
        while end < len(frags) and not frags[end].first_in_sentence and frags[end].separator != "colon":
            end += 1
        start = i
        while start > 0 and not frags[start].first_in_sentence:
            start -= 1
        spans.append((start, i, end))
    return spans


def things_after_colon(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the things listed after a colon read as no group, and the people named before the colon in
    its sentence (on a determiner) as the group, when no item after the colon names people (see the module)."""
    out = list(labels)
    for start, i, end in _colon_lists(frags):
        items = range(i, end)
        # only where the reader took a thing after the colon for a group: a colon after a remark ("ça reste
        # large, des millions de personnes, mais c'est ça notre marché : un geste très répandu") names none
        # "…pour l'instant : ils veulent être livrés…": a reason after the colon, a clause on a pronoun, lists nothing
        said = opening(frags[i].text) if i < end else []
        if said and said[0] in reading_words().personal_subjects:
            continue
        if not any(out[k] in ("new", "cont") for k in items) or any(_names_people(frags[k].text) for k in items):
            continue
        people = [k for k in range(start, i) if _names_people(frags[k].text) and _opens_on_determiner(frags[k].text)]
        if not people:
            continue
        for k in items:
            out[k] = "none"
        if not any(out[k] in ("new", "cont") for k in range(start, i)):
            out[people[-1]] = "new"
    return out


MIN_MEMBERS = 3  # items after a colon that list examples: "hosts: homeowners and students" may be two groups
MEMBER_WORDS = 4  # words of an item that names one kind of member ("a Ukrainian dance school")
PHRASE_WORDS = 4  # more words than a heading ("Our customers:") before the colon: a group described


def members_after_colon(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the kinds of people listed after a colon read as no group of their own, when they give
    examples of the people described right before it ("the people who work there: camaristas, cooks, stewards,
    waiters", "small volunteer-run organizations where the treasurer is a volunteer: daycare boards, community
    clubs, a dance school"): at least `MIN_MEMBERS` short items, after a phrase that names people in more
    words than a heading and described by a relative clause (not a target announced: "the full value chain:
    farmers, FPOs, dealers…"), in a sentence that announces no count ("two kinds of shops: bakeries, butchers
    and delis" names its groups)."""
    out = list(labels)
    for start, i, end in _colon_lists(frags):
        before = frags[i - 1].text
        said = " ".join(frags[k].text for k in range(start, i))
        # people described by a clause ("the people who work there", "…where the treasurer is a volunteer"), not a
        # target announced ("full rural value chain only: farmers, FPOs, dealers…" lists the targets)
        words = tokenise(before)
        described = (_names_people(before) and len(words) > PHRASE_WORDS
                     and any(t.norm in OPENERS["relative"] for t in words))
        items = [k for k in range(i, end) if frags[k].separator != "paren" and _names_kinds(frags[k].text)
                 and len(tokenise(frags[k].text)) <= MEMBER_WORDS]
        if not described or announced_count(said) is not None or len(items) < MIN_MEMBERS:
            continue
        for k in range(i, end):
            out[k] = "none"
    return out


def _opens_on_determiner(text: str) -> bool:
    words = opening(text)
    return bool(words) and words[0] in OPENERS["determiner"]


def focus_on_part(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with every focus on the group open before it joined to it (or dropped; see the module)."""
    out = list(labels)
    for i in range(1, len(frags)):
        if out[i] not in ("new", "none"):
            continue
        head = _focus_head(frags[i].text)
        opened = next((k for k in range(i - 1, -1, -1) if out[k] == "new" and not _set_aside(frags[k].text)), None)
        if head is None and out[i] == "new" and frags[i].separator in _COORDINATED and opened is not None and (
                opened == i - 1 and _inner_focus(frags[opened].text)
                or out[i - 1] == "cont" and _focus_head(frags[i - 1].text) is not None):
            out[i] = "cont"  # "les restaurants surtout les restos de plage et les petits restos créoles"
            continue
        if head is None or opened is None:
            continue
        adjacent = all(out[k] == "cont" for k in range(opened + 1, i))
        if out[i] == "none" or not head & _head_stems(frags[opened].text):
            kinds = frags[i].separator == "comma" and not frags[i].first_in_sentence and _names_kinds(frags[i].text)
            if adjacent and kinds:
                _kinds_of_the_group(frags, out, i)  # "restaurants, mostly the beach shacks and the creole places"
            continue
        out[i] = "cont" if adjacent else "none"
    return out


def _kinds_of_the_group(frags: Sequence[FragmentLike], out: list[str], i: int) -> None:
    """A focus right after the group it narrows, past a comma, names kinds of that group whatever their head
    ("restaurants, mostly the beach shacks and the small creole places"): it and the fragments coordinated with it
    in its sentence continue the group."""
    out[i] = "cont"
    for j in range(i + 1, len(frags)):
        if frags[j].first_in_sentence or frags[j].separator not in _COORDINATED:
            return
        if out[j] == "new":
            out[j] = "cont"


LABEL_WORDS = 2  # words of a line's label before its colon ("- skiers:", "- côté producteurs :")


def labelled_line(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the description after a line's label read as its group when the reader read none in the line
    ("- skiers: foreign visitors (Australia, Singapore…) who already ski off-piste at home"): a label of a group word
    or two, then a colon, says the line describes a group, as its sibling line "- guides: independent guides…"."""
    out = list(labels)
    for start, i, end in _colon_lists(frags):
        if i != start + 1 or any(out[k] in ("new", "deferred") for k in range(start, end)):
            continue
        label = tokenise(frags[start].text)
        if 0 < len(label) <= LABEL_WORDS and group_words(label) and _names_people(frags[i].text):
            out[i] = "new"
    return out
