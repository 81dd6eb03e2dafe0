"""Fragments that lean on the group before them, and lists put off together: grammar checks run after the
reader's labels and `group_check.relabel`.

- A fragment that opens on a relative pronoun has an antecedent: it never opens a group. After a parenthesis
  or a short aside ("les coworkings des petites villes (Rumilly, Cluses...) qui sont à moitié vides") it
  still qualifies the group before, in the same sentence; with no group before it names none.
- A demonstrative followed by a preposition points back to the group before ("les cliniques vétérinaires,
  mais pas toutes : celles de 3 à 8 vétos", "dental practices, those with 2 to 5 chairs"): it narrows that
  group, it does not add one ("ceux qui…", "those who…" still name people of their own).
- A restatement after a comma ("les friperies indépendantes, en gros les petites boutiques de seconde main",
  "dental practices, basically the small ones") is the same group.
- A clause of the founder's ("…, je vous l'accorde", "I admit") never opens a group, even right after a
  number of groups was announced.
- A list put off as a whole ("food banks, leagues and the rest can come later") defers every item.

Words: `relative_openers`, `preposition_openers`, `demonstratives`, `restatements` of
`lexicon/<lang>/group_reading.yaml`;
`first_person`, `deferral_after`, `universal` of `lexicon/<lang>/grammar.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import contains, grammar_lists, phrase_at
from assistant.understanding.group_boundaries import LIST_ITEM_WORDS  # the items of a list are bare noun phrases
from assistant.understanding.group_check import (
    DEMONSTRATIVES,
    OPENERS,
    FragmentLike,
    reading_phrases,
    skip_hedges,
    trim,
)

ASIDE_WORDS = 4  # a fragment this short between a group and its relative clause is an aside ("mais pas toutes")
_LIST_JOINS = frozenset(("comma", "and", "comma_and", "or"))


def _opening(text: str) -> list[str]:
    norms = [t.norm for t in tokenise(text)]
    return norms[skip_hedges(norms):]


def _restates(text: str) -> bool:
    norms = [t.norm for t in tokenise(text)]
    return phrase_at(norms, 0, reading_phrases("restatements")) is not None


def _noun_phrase(text: str) -> bool:
    """A phrase that opens on a determiner ("Les friperies indépendantes je pense")."""
    words = _opening(text)
    return len(words) > 1 and words[0] in OPENERS["determiner"]


def _leans_back(text: str) -> bool:
    """A relative clause, or a demonstrative with a preposition after it."""
    words = _opening(text)
    if not words:
        return False
    return words[0] in OPENERS["relative"] or (
        words[0] in DEMONSTRATIVES and len(words) > 1 and words[1] in OPENERS["preposition"])


def _antecedent(frags: Sequence[FragmentLike], out: Sequence[str], i: int, answer: str) -> int | None:
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


def attach_dependents(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """`labels` with the fragments that lean on a group (see the module) joined to it, or set to none."""
    out = list(labels)
    for i in range(len(frags)):
        if out[i] == "none":
            _narrowing(frags, out, i, answer)
        elif not _restatement(frags, out, i) and out[i] == "new":
            _dependent(frags, out, i, answer)
    return out


def _narrowing(frags: Sequence[FragmentLike], out: list[str], i: int, answer: str) -> None:
    """A demonstrative with a preposition read as no group still narrows the group before ("…, mais pas
    toutes : celles de 3 à 8 vétos")."""
    words = _opening(frags[i].text)
    if words and words[0] in DEMONSTRATIVES and _leans_back(frags[i].text):
        j = _antecedent(frags, out, i, answer)
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
    words = _opening(frags[i].text)
    if not words:
        return
    if words[0] in grammar_lists().first_person and not _leans_back(frags[i].text):
        if len(words) > 1 and words[1] not in OPENERS["determiner"]:
            out[i] = "none"
        return
    if not _leans_back(frags[i].text):
        return
    j = _antecedent(frags, out, i, answer)
    if j is not None:
        out[j + 1:i + 1] = ["cont"] * (i - j)
    elif words[0] in OPENERS["relative"]:
        out[i] = "none"


def _bare_item(text: str) -> bool:
    words = _opening(text)
    return 0 < len(words) <= LIST_ITEM_WORDS and contains(words, grammar_lists().universal) is None


def defer_listed(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """A run of list items in one sentence whose last item puts them off ("food banks, leagues and the rest
    can come later"): every item read as a group is deferred. The run's items are bare noun phrases: one
    carrying anything more ("events first, everyone else can wait") keeps the list from being put off."""
    out = list(labels)
    i = 0
    while i < len(frags):
        j = i + 1
        while j < len(frags) and frags[j].separator in _LIST_JOINS and not frags[j].first_in_sentence:
            j += 1
        last = frags[j - 1]
        norms = [t.norm for t in tokenise(last.text)]
        hit = contains(norms, grammar_lists().deferral_after)
        # two items are one subject when "and"/"or" joins them: "florists, and wedding planners come later" puts
        # off the planners only; three or more are a list whatever the commas
        listed = j - i >= 3 or (j - i == 2 and frags[i + 1].separator in ("and", "or"))
        if listed and hit and _bare_item(" ".join(norms[:hit])) and all(
                _bare_item(frags[k].text) for k in range(i, j - 1)):
            for k in range(i, j):
                if out[k] == "new":
                    out[k] = "deferred"
        i = j
    return out


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

