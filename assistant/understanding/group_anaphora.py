"""Fragments that lean on the group before them, and lists put off together: grammar checks run after the
reader's labels and `group_relabel.relabel` (a list put off as a whole: `group_deferrals.defer_listed`).

- A fragment that opens on a relative pronoun has an antecedent: it never opens a group. After a parenthesis
  or a short aside ("les coworkings des petites villes (Rumilly, Cluses...) qui sont à moitié vides") it
  still qualifies the group before, in the same sentence; with no group before it names none.
- A demonstrative followed by a preposition points back to the group before ("les cliniques vétérinaires,
  mais pas toutes : celles de 3 à 8 vétos", "dental practices, those with 2 to 5 chairs"): it narrows that
  group, it does not add one. With a relative pronoun after it ("ceux qui…", "the ones that…") it narrows
  the group before only as an apposition: after a comma, when that group is the first of its sentence
  ("mid-size BPOs in Cebu, …, the ones that keep losing agents", "les salariés…, les gens qui travaillent en
  cuisine"); in a list of groups, or after "and", it names people of its own ("students, seniors, those who
  work nights").
- A restatement after a comma ("les friperies indépendantes, en gros les petites boutiques de seconde main",
  "dental practices, basically the small ones") is the same group.
- A clause of the founder's ("…, je vous l'accorde", "I admit") never opens a group, even right after a
  number of groups was announced.
- "The ones" with a comparison after it ("specially the ones more than an hour from Welshpool") narrows the
  group before, like a demonstrative with a preposition.
- After a heading and a colon ("hosts: homeowners within a mile…"), the words after the colon open the group
  even when the reader read them as the continuation of a heading it set aside.

Words: `relative_openers`, `preposition_openers`, `comparatives`, `demonstratives`, `restatements` of
`lexicon/<lang>/group_reading.yaml`;
`first_person` of `lexicon/<lang>/grammar.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon import all_conversation_words
from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.group_check import (
    COMPARATIVES,
    DEMONSTRATIVES,
    OPENERS,
    FragmentLike,
    reading_phrases,
    skip_hedges,
    trim,
)
from assistant.understanding.grouping import after_leading_marker
from assistant.understanding.groups import group_words

HEADING_WORDS = 3  # a heading before a colon names a side or a group in a few words ("hosts:", "côté écoles :")
ASIDE_WORDS = 4  # a fragment this short between a group and its relative clause is an aside ("mais pas toutes")


def opening(text: str) -> list[str]:
    """The normalised words of a fragment past its hedges."""
    norms = [t.norm for t in tokenise(text)]
    return norms[skip_hedges(norms):]


def _restates(text: str) -> bool:
    norms = [t.norm for t in tokenise(text)]
    return phrase_at(norms, 0, reading_phrases("restatements")) is not None


def _noun_phrase(text: str) -> bool:
    """A phrase that opens on a determiner ("Les friperies indépendantes je pense")."""
    words = opening(text)
    return len(words) > 1 and words[0] in OPENERS["determiner"]


def past_focus(words: list[str]) -> list[str]:
    """The words after a focus or example marker that opens them ("especially the ones…", "surtout celles…")."""
    return words[after_leading_marker(tokenise(" ".join(words))) or 0:]


def _leans_back(text: str) -> bool:
    """A relative clause, or a demonstrative with a preposition or a comparison after it."""
    words = past_focus(opening(text))
    if not words:
        return False
    if words[0] in OPENERS["relative"]:
        return True
    at = demonstrative_at(words)
    return at is not None and len(words) > at + 1 and _narrows(words[at + 1])


def demonstrative_at(words: list[str]) -> int | None:
    """Where the demonstrative of a fragment opening on one is ("those", "the ones": 0 or 1)."""
    if words[0] in DEMONSTRATIVES:
        return 0
    if len(words) > 1 and words[0] in OPENERS["determiner"] and words[1] in DEMONSTRATIVES and (
            words[1] not in all_conversation_words().generic_people):  # "the ones", not "les gens du quartier"
        return 1
    return None


def _narrows(word: str) -> bool:
    """A preposition or a comparison after a demonstrative: it narrows the group before ("those with 2 to 5
    chairs", "the ones more than an hour away")."""
    return word in OPENERS["preposition"] or word in COMPARATIVES


def antecedent(frags: Sequence[FragmentLike], out: Sequence[str], i: int, answer: str) -> int | None:
    """The fragment of the group open before fragment `i` in its sentence, past asides (fragments in
    parentheses, or of at most `ASIDE_WORDS` words, read as no group); None when there is none."""
    j = i - 1
    while j >= 0 and not frags[j + 1].first_in_sentence:
        if out[j] in ("new", "cont"):
            return j
        in_parens = answer.count("(", 0, frags[j].start) > answer.count(")", 0, frags[j].start)
        if out[j] != "none" or not (in_parens or len(tokenise(frags[j].text)) <= ASIDE_WORDS):
            return None
        j -= 1
    return None


def _leaned_on(frags: Sequence[FragmentLike], out: Sequence[str], i: int, answer: str) -> int | None:
    """The antecedent of fragment `i`; for a demonstrative that opens a sentence, the group that ends the sentence
    before ("…every time they go to mart. Especially the ones more than an hour away")."""
    j = antecedent(frags, out, i, answer)
    words = past_focus(opening(frags[i].text))
    if j is None and frags[i].first_in_sentence and i and out[i - 1] in ("new", "cont") and words and (
            demonstrative_at(words) is not None):
        return i - 1
    return j


def attach_dependents(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """`labels` with the fragments that lean on a group (see the module) joined to it, or set to none."""
    out = list(labels)
    for i in range(len(frags)):
        if out[i] == "none":
            _narrowing(frags, out, i, answer)
        elif out[i] == "cont" and _after_heading(frags, out, i):
            out[i] = "new"
        elif not _restatement(frags, out, i) and out[i] == "new":
            _dependent(frags, out, i, answer)
    return out


def _after_heading(frags: Sequence[FragmentLike], out: Sequence[str], i: int) -> bool:
    """A continuation right after a colon, with no group open before it, after a heading of a few words that
    names a group ("hosts: homeowners within a mile…", the heading read as no group): the words after the colon
    are the group. A clause before the colon ("Alors ce qu'ils vivent : …") is no heading."""
    if not i or frags[i].separator != "colon" or out[i - 1] != "none":
        return False
    heading = opening(frags[i - 1].text)
    return 0 < len(heading) <= HEADING_WORDS and bool(group_words(tokenise(frags[i - 1].text))) and bool(
        group_words(tokenise(frags[i].text)))


def _narrowing(frags: Sequence[FragmentLike], out: list[str], i: int, answer: str) -> None:
    """A demonstrative with a preposition read as no group still narrows the group before ("…, mais pas
    toutes : celles de 3 à 8 vétos")."""
    words = past_focus(opening(frags[i].text))
    if words and demonstrative_at(words) is not None and _leans_back(frags[i].text):
        j = _leaned_on(frags, out, i, answer)
        if j is not None:
            out[j + 1:i + 1] = ["cont"] * (i - j)


def _restatement(frags: Sequence[FragmentLike], out: list[str], i: int) -> bool:
    """A restatement after a comma joins the group before; when the phrase before it was read as no group
    ("Les friperies indépendantes je pense, en gros les…"), it says that phrase is the group, whatever hedge
    ends it. Whether it acted."""
    if not i or frags[i].separator != "comma" or not _restates(frags[i].text):
        return False
    if out[i - 1] in ("new", "cont"):
        out[i] = "cont"
        return True
    if out[i - 1] == "none" and _noun_phrase(frags[i - 1].text):
        out[i - 1], out[i] = "new", "cont"
        return True
    return False


def _dependent(frags: Sequence[FragmentLike], out: list[str], i: int, answer: str) -> None:
    """A fragment read as a new group that is the founder speaking ("je vous l'accorde") names none; one that
    leans on the group before joins it, past asides; a relative clause with no group before names none."""
    words = opening(frags[i].text)
    if not words:
        return
    if words[0] in grammar_lists().first_person and not _leans_back(frags[i].text):
        if len(words) > 1 and words[1] not in OPENERS["determiner"]:
            out[i] = "none"
        return
    if not _leans_back(frags[i].text):
        j = _apposition(frags, out, i, answer)
        if j is not None:
            out[j + 1:i + 1] = ["cont"] * (i - j)
        return
    j = _leaned_on(frags, out, i, answer)
    if j is not None:
        out[j + 1:i + 1] = ["cont"] * (i - j)
    elif words[0] in OPENERS["relative"]:
        out[i] = "none"


def _apposition(frags: Sequence[FragmentLike], out: Sequence[str], i: int, answer: str) -> int | None:
    """The fragment that fragment `i` narrows when it is a demonstrative and a relative pronoun after a comma ("…,
    ceux qui recrutent en continu", "…, the ones that keep losing agents") right after the first group of its
    sentence (the same people, narrowed); None otherwise."""
    if frags[i].separator != "comma":
        return None
    words = past_focus(opening(frags[i].text))
    at = 1 if len(words) > 1 and words[0] in OPENERS["determiner"] else 0  # "les gens qui…" too
    if len(words) <= at + 1 or words[at] not in DEMONSTRATIVES or words[at + 1] not in OPENERS["relative"]:
        return None
    j = antecedent(frags, out, i, answer)
    opened = None if j is None else next((k for k in range(j, -1, -1) if out[k] == "new"), None)
    while opened is not None and not frags[opened].first_in_sentence:
        opened -= 1
        if out[opened] == "new":
            return None  # a group before it in the sentence: a list
    return None if opened is None else j


def without_restatements(answer: str, groups: list[str]) -> list[str]:
    """The rule reader's groups with those that restate the group before them joined to it ("…indépendantes je
    pense, en gros les petites boutiques…": a comma, then a restatement marker, right before the group)."""
    out: list[str] = []
    cursor = 0  # where the group before ends
    for group in groups:
        at = answer.find(group, cursor)
        if at < 0:
            out.append(group)
            continue
        between = answer[cursor:at]
        if out and "," in between and _restates(between.rsplit(",", 1)[1]):
            out[-1] = f"{trim(out[-1])}, {group}"  # the group, restated: one group, the marker and hedges left out
        else:
            out.append(group)
        cursor = at + len(group)
    return out

