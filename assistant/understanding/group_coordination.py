"""Coordination inside one group: "et"/"and" that goes on with the group rather than opening another. Grammar
checks run on the reader's labels after `group_anaphora.attach_dependents`.

- A thing coordinated inside a group's relative clause ("pharmacies qui ont beaucoup de patients chroniques
  et des files d'attente", "farms who lose a full day plus the haulage") is more of that clause: a fragment on a
  determiner that names no people, joined by a coordination after a relative clause, never opens a group.
- A bare noun that names nobody, coordinated with a group's complement ("propriétaires de chiens et chats",
  "owners of vans and trucks"), goes on with that complement.
- Words that share one head ("nepali and bhutanese families", "factory and office workers") make one group.
- A place coordinated with the place that ends the group ("around the Cotswolds and the south Midlands", "de
  Limoges et des alentours") is a second place of that group (`second_place`), not a second group.

"Names people": a word of the group lexicon as written (a typo-tolerant match would read "files d'attente" as
"filles"), a word for people in general (`generic_people` of `lexicon/<lang>/conversation.yaml`) or a
demonstrative. Words: `relative_openers`, `preposition_openers`, `determiner_openers`, `demonstratives` of
`lexicon/<lang>/group_reading.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import phrase_at
from assistant.understanding.group_anaphora import antecedent, opening
from assistant.understanding.group_check import OPENERS, FragmentLike, names_people, reading_phrases, reading_words
from assistant.understanding.groups import is_group_word

_COORDINATIONS = frozenset(("and", "comma_and", "or", "plus", "plus_word"))


def join_coordinated(frags: Sequence[FragmentLike], labels: Sequence[str], answer: str) -> list[str]:
    """`labels` with the coordinations that go on inside a group joined to it (see the module)."""
    out = list(labels)
    for i in range(1, len(frags)):
        _in_relative_clause(frags, out, i, answer)
        _coordinated_complement(frags, out, i)
        _shared_head(frags, out, i)
    return out


def _in_relative_clause(frags: Sequence[FragmentLike], out: list[str], i: int, answer: str) -> None:
    """A fragment read as a new group that opens on a determiner and names nobody, coordinated right after a
    group whose relative clause is still open: it is more of that clause ("qui ont beaucoup de patients
    chroniques et des files d'attente"). A bare noun ("and locals with a spare room") is left to the reader: it
    may name people the group lexicon does not hold."""
    if out[i] != "new" or frags[i].separator not in _COORDINATIONS or frags[i].first_in_sentence:
        return
    words = opening(frags[i].text)
    if not words or words[0] not in OPENERS["determiner"]:
        return  # "…, and locals with a spare room": a bare noun may be people the lexicon does not know
    j = antecedent(frags, out, i, answer)
    if j is None or _names_people(frags[i].text):
        return
    opened = j
    while opened > 0 and out[opened] == "cont":
        opened -= 1
    open_text = answer[frags[opened].start:frags[i - 1].end]
    words = opening(open_text)
    if any(w in OPENERS["relative"] for w in words[1:]):
        out[j + 1:i + 1] = ["cont"] * (i - j)


def _names_people(text: str) -> bool:
    """The fragment's words past its hedges name people (`names_people`)."""
    return names_people(opening(text))


COMPLEMENT_WINDOW = 3  # last words of a group where a preposition opens its complement ("propriétaires de chiens")


def _coordinated_complement(frags: Sequence[FragmentLike], out: list[str], i: int) -> None:
    """A bare noun that names nobody, joined by "et"/"and" to a group that ends on a complement ("les
    propriétaires de chiens et chats qui…", "owners of vans and trucks"): the complement goes on, no group
    opens. A word for people ("…de chiens et éleveurs") or a determiner ("et les chats") leaves the reader's."""
    if out[i] != "new" or frags[i].separator not in ("and", "or") or frags[i].first_in_sentence:
        return
    if out[i - 1] not in ("new", "cont"):
        return
    words = opening(frags[i].text)
    if not words or words[0] in OPENERS["determiner"] or _names_people(frags[i].text):
        return
    tail = opening(frags[i - 1].text)[-COMPLEMENT_WINDOW:]
    if any(w in OPENERS["preposition"] for w in tail[:-1]):
        out[i] = "cont"


HEAD_REACH = 3  # words of the last conjunct within which the head the conjuncts share is named


def _shared_head(frags: Sequence[FragmentLike], out: list[str], i: int) -> None:
    """Words that name nobody, one per fragment, listed with commas and then "and"/"or" before a phrase whose head
    names people ("nepali and bhutanese families", "the nepali, bhutanese and tibetan families", "factory and office
    workers"): all qualify that head, one group. A word that names people ("students and young professionals") or
    a determiner after "and" ("and the shops") leaves the reader's labels."""
    if frags[i].separator not in ("and", "or") or out[i] not in ("new", "cont"):
        return
    words = opening(frags[i].text)
    # "on Instagram or Etsy | or at the makers' markets": a place after a preposition, no head shared
    if not words or words[0] in OPENERS["determiner"] or words[0] in OPENERS["preposition"] \
            or phrase_at(words, 0, reading_phrases("place_prepositions")) \
            or names_people(words[:1]) or not names_people(words[1:HEAD_REACH]):
        return
    j = i - 1
    if not _modifier(frags[j].text):
        return
    while j > 0 and frags[j].separator == "comma" and out[j] in ("none", "cont") and _modifier(frags[j - 1].text):
        j -= 1
    if out[j] == "none":  # the words before the head belonged to no group yet
        out[j:i + 1] = ["new"] + ["cont"] * (i - j)


def _modifier(text: str) -> bool:
    """One word that names nobody, after a determiner at most ("the nepali", "bhutanese")."""
    words = opening(text)
    words = words[1:] if words and words[0] in OPENERS["determiner"] else words
    return len(words) == 1 and not names_people(words)


def second_place(before: str, text: str, separator: str) -> bool:
    """A place coordinated with the place that ends the fragment before ("people around the Cotswolds | and the
    south Midlands who keep a horse", "du côté de Bastogne | ou de Chimay"): the fragment before ends on a
    preposition of place (`place_prepositions`) and capitalised words, and this one opens, past a determiner or
    a preposition, on capitalised words. One group in two places, not a second group."""
    if separator not in ("and", "or", "comma_and", "comma"):
        return False
    tokens = tokenise(before)
    if tokens and before[tokens[-1].start:][:1].isupper() and any(  # "…de Limoges | et des alentours qui…"
            t.norm in reading_words().surroundings for t in tokenise(text)[:2]):
        return True
    norms = [t.norm for t in tokens]
    places = reading_phrases("place_prepositions")
    at = max((i for i in range(len(norms)) if phrase_at(norms, i, places)), default=None)
    if at is None or at < len(norms) - 5:
        return False
    named = [before[t.start:t.end] for t in tokens[at + 1:]]
    if not named or not named[-1][:1].isupper() or any(is_group_word(t.norm) for t in tokens[at + 1:]):
        return False
    opening = tokenise(text)[:4]
    words = [text[t.start:t.end] for t in opening]
    lead = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    return lead is not None and lead <= 2 and not any(is_group_word(t.norm) for t in opening)
