"""Groups reached through another: the customer's own clients, staff or members, named after it ("independent
audiology clinics … and their patients during the first 90 days", "les pharmacies d'officine … Et indirectement
leurs patients chroniques", "management companies … and through them the residents and the boards of those
buildings"). On the canvas they are the people that segment serves or employs — its users — not a segment of
their own: the segment is the group they are reached through, and its description keeps them.

The group reader still lists them as groups (the corpus labels them so); this is the canvas's reading of a list.
Not applied when the founder names sides ("de l'autre côté les propriétaires…", "on the host side"), nor on a
platform pitch, whose two sides are two segments.

A group is also told through the one before it when its relative clause points back to it ("the small
contractors that employ them"), when a subject pronoun right after its head does ("the companies they work for":
the employer who buys for the group before), when it names the group before by that one's first word in the same
sentence, not added ("…, and the NGOs working on girls' education" after "Girls in Form 1 to 4…"; "And also the
laundries that serve hospitals" is one more group), when an intensive pronoun names it as that one's people ("les
travailleurs eux-mêmes"), or past "on the user side", "dedans" (`reached_through`).

Words: `possessives`, `reached_through`, `back_references`, `back_pronouns`, `back_subjects`, `intensives`,
`additions` of `lexicon/<lang>/group_reading.yaml`; the hedges and conjunctions skipped before a group are `hedges` of
`lexicon/<lang>/grammar.yaml` and `conjunctions` of `group_reading.yaml`.
"""

from __future__ import annotations

from assistant.text.tokens import tokenise
from assistant.understanding.exchange import announced_sides
from assistant.understanding.grammar_lists import contains, phrase_at
from assistant.understanding.group_check import OPENERS, reading_phrases, skip_hedges
from assistant.understanding.groups import looks_plural
from assistant.understanding.platform import names_both_sides

STEM = 5  # letters compared between the noun a demonstrative points to and the antecedent's words
MIN_STEM = 3  # a shorter word of the antecedent that starts the noun ("bus", "buses")


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenise(text)]


def _opening(text: str) -> list[str]:
    """The group's words past hedges, conjunctions and a "reached through" phrase ("and indirectly their…")."""
    norms = _norms(text)
    i, moved = 0, True
    while moved and i < len(norms):
        moved = False
        i += skip_hedges(norms[i:])
        for key in ("conjunctions", "reached_through"):
            hit = phrase_at(norms, i, reading_phrases(key))
            if hit:
                i, moved = i + len(hit), True
    return norms[i:]


def _depends(group: str, before: str, antecedent: str) -> bool:
    """Whether `group` is reached through `antecedent`, the group named before it: a possessive opens it, a
    "reached through" phrase comes between them (`before`: the words between the two), or a demonstrative inside
    it points back to a word of the antecedent ("the boards of those buildings" after "companies that manage
    condo buildings"; "the caterers of these neighbourhoods" points elsewhere)."""
    words = _opening(group)
    if not words:
        return False
    if phrase_at(words, 0, reading_phrases("possessives")):
        return True
    if contains(_norms(before) + _norms(group)[:3], reading_phrases("reached_through")) is not None:
        return True
    if _points_back(words) or contains(words[:INTENSIVE_REACH], reading_phrases("intensives")) is not None:
        return True  # "the small contractors that employ them", "les travailleurs eux-mêmes"
    if _subject_points_back(group):
        return True  # "the companies they work for"
    # "the NGOs working on girls' education" after "Girls…", in one sentence and not added ("And also the
    # laundries that serve hospitals" is one more group)
    added = contains(_norms(before) + _norms(group)[:3], reading_phrases("additions")) is not None
    if _names_antecedent(words, antecedent) and not added and "." not in before and "\n" not in before:
        return True
    at = contains(words[1:], reading_phrases("back_references"))
    if at is None or at + 2 >= len(words):
        return False
    pointed = words[at + 2]
    return any(w[:STEM] == pointed[:STEM] or len(w) >= MIN_STEM and pointed.startswith(w)
               for w in _norms(antecedent))


BACK_REACH = 3  # words after a group's relative word within which "them" points back ("that employ them")
INTENSIVE_REACH = 5  # words of a group's opening within which "themselves" follows its head


def _points_back(words: list[str]) -> bool:
    """The group's relative clause has an object pronoun that points back to the group before ("the small
    contractors that employ them", "les agences qui les recrutent"); a pronoun that is also a determiner ("les",
    "leur") only right after the relative word ("qui font les courses" names a thing)."""
    at = next((i for i, w in enumerate(words) if w in OPENERS["relative"]), None)
    if at is None:
        return False
    pronouns = {p[0] for p in reading_phrases("back_pronouns")}
    return any(w in pronouns and (k == 1 or w not in OPENERS["determiner"])
               for k, w in enumerate(words[at + 1:at + 1 + BACK_REACH], start=1))


def _subject_points_back(group: str) -> bool:
    """A subject pronoun of the group's own clause points back to the group before, right after the group's head
    ("the companies they work for": no comma between them) or its relative word ("les entreprises où elles
    travaillent"): the group is told by what the one before does with it."""
    tokens = tokenise(group)
    subjects = {p[0] for p in reading_phrases("back_subjects")}
    for i in range(1, min(len(tokens), BACK_REACH + 2)):
        before, word = tokens[i - 1], tokens[i]
        if word.norm not in subjects:
            continue
        if before.norm in OPENERS["relative"]:
            return True
        adjacent = not group[before.end:word.start].strip()
        if adjacent and before.norm not in OPENERS["determiner"] and looks_plural(before.norm):
            return True
    return False


def _names_antecedent(words: list[str], antecedent: str) -> bool:
    """The group's words past its head name the group before by its first content word ("the NGOs working on
    girls' education" after "Girls in Form 1 to 4…", "les chambres des métiers qui financent l'accompagnement des
    apprentis" after "Les apprentis boulangers…"): a group told by what it does for that one."""
    name = ""
    for w in _opening(antecedent):
        if w in OPENERS["relative"] or w in OPENERS["preposition"]:
            break
        if w not in OPENERS["determiner"] and len(w) >= MIN_NAME:
            name = w
            break
    return bool(name) and any(w[:STEM] == name[:STEM] for w in words[2:])


MIN_NAME = 4  # letters of a word of the group before that may name it ("girls", not "ces")


def _reached_inside(group: str) -> bool:
    """A "reached through" phrase past the group's own opening ("Councils that run day centres. And on the user
    side the carers", read as one group): what follows it in that sentence is reached through the customer."""
    words = _norms(group)
    return contains(words[3:], reading_phrases("reached_through")) is not None


def _shares_determiner(group: str, before: str) -> bool:
    """A group with no determiner of its own, joined by a bare conjunction to the one before ("les clubs | et |
    associations sportives"): the second half of one coordinated noun phrase."""
    words = _norms(group)
    return bool(words) and not _opening(before.strip(" ,;")) and words[0] not in OPENERS["determiner"] and (
        phrase_at(words, 0, reading_phrases("possessives")) is None)


def fold_dependents(answer: str, groups: list[str], platform: bool = False, pitch: str = "") -> list[str]:
    """`groups` (as the reader gives them, in the answer's order) with each group reached through the one before
    joined to it, as the answer words it ("…clinics in Arizona, and their patients…"); unchanged when the answer
    names sides or `platform` (the pitch is a platform's). A demonstrative may also point to a word of the
    `pitch` ("les clubs qui occupent ces équipements", after a pitch about the towns' sports facilities)."""
    if platform or len(groups) < 2 or names_both_sides(answer) or announced_sides(answer):
        return list(groups)
    out: list[str] = []
    spans: list[tuple[int, int]] = []  # where each kept group starts and ends in the answer
    cursor = 0
    reached = False  # a "reached through" phrase applies to every group after it in the sentence
    for group in groups:
        at = answer.find(group, cursor)
        before = answer[cursor:at] if at >= 0 else ""
        if at < 0 or not out:
            out.append(group)
            spans.append((at, at + len(group)) if at >= 0 else (-1, -1))
            cursor = at + len(group) if at >= 0 else cursor
            reached = False
            continue
        if "." in before or "\n" in before:
            reached = False
        through = contains(_norms(before) + _norms(group)[:3], reading_phrases("reached_through"))
        # the phrase read inside the group before ("…centres. And on the user side the carers on shift | and the
        # families"): the groups after it in its sentence are reached through the customer too
        inside = "." not in before and "\n" not in before and _reached_inside(out[-1])
        reached = reached or through is not None or inside
        split_phrase = _shares_determiner(group, before) and len(out) >= 2 and spans[-2][0] >= 0 and not reached \
            and _depends(group, answer[spans[-2][1]:spans[-1][0]], f"{out[-2]} {pitch}")
        if split_phrase:
            # "…, et les clubs et associations sportives qui occupent ces équipements": the reader split one noun
            # phrase; both parts are reached through the group before them
            out.pop()
            spans.pop()
        if split_phrase or (reached or _depends(group, before, f"{out[-1]} {pitch}")) and spans[-1][0] >= 0:
            start = spans[-1][0]
            out[-1] = answer[start:at + len(group)].strip()
            spans[-1] = (start, at + len(group))
        else:
            out.append(group)
            spans.append((at, at + len(group)))
        cursor = at + len(group)
    return out
