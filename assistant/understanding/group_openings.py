"""Openings that are not part of a group: a pseudo-cleft ("the two that actually pay are row-crop farmers",
"ceux qui utilisent vraiment l'encaissement c'est les artisans") names the group after its copula; a modal
or an impersonal verb ("il faut les foyers nantais", "faut recruter des auxiliaires de vie") comes before
the group, or before a mere back-reference to groups already named ("faut convaincre les deux"). Seen on
the canvas as segments named "Two", "Ceux", "Faut convaincre les deux".
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon import all_grammar_words
from assistant.lexicon.lazy import LazyWords
from assistant.text.patterns import find
from assistant.text.tokens import tokenise
from assistant.understanding.grammar_lists import grammar_lists
from assistant.understanding.group_check import (
    COPULAS,
    DEMONSTRATIVES,
    MODALS,
    OPENERS,
    FragmentLike,
    opens_noun_phrase,
    reading_phrases,
    reading_words,
    skip_hedges,
)
from assistant.understanding.group_coordination import second_place
from assistant.understanding.group_predicate import before_predicate, names_a_segment
from assistant.understanding.grouping import EXAMPLE_MARKERS
from assistant.understanding.groups import group_words, looks_plural, number_words
from assistant.understanding.substance import is_generic_group
from assistant.understanding.target_frame import after_frame

# The words of `lexicon/<lang>/group_reading.yaml` (`cleft_*`, `superlatives`, `object_pronouns`…).
_RELATIVE_PRONOUNS = LazyWords(lambda: reading_words().cleft_relatives)  # "celles où on gagne, c'est…"
_ARTICLES = LazyWords(lambda: reading_words().cleft_articles)
_OBJECT_PRONOUNS = LazyWords(lambda: reading_words().object_pronouns)
_COPULA_SUBJECTS = LazyWords(lambda: reading_words().copula_subjects)


def _after_pseudo_cleft(norms: Sequence[str], colons: frozenset[int] = frozenset()) -> int:
    """Where the group starts in a pseudo-cleft: "the two that actually pay are row-crop farmers", "ceux qui
    utilisent vraiment l'encaissement c'est les artisans" name the group after the copula, "the ones who
    actually buy regular: the small eateries…" after the colon (`colons`: indices of the words a colon comes
    before) when it comes first; 0 otherwise. The opening is a demonstrative, "the ones" or a number, then a
    relative pronoun."""
    def opener(k: int) -> bool:
        return k < len(norms) and (norms[k] in DEMONSTRATIVES or norms[k] in number_words())

    i = 1 if norms and norms[0] in _ARTICLES and opener(1) else 0
    if not opener(i):
        return 0
    if i + 1 >= len(norms) or norms[i + 1] not in _RELATIVE_PRONOUNS:
        return 0
    subjects = {w for w in grammar_lists().subjects if w not in _COPULA_SUBJECTS}  # "ils sont…": another clause
    copula = next((k for k in range(i + 3, len(norms) - 1) if norms[k] in COPULAS), None)
    colon = min((k for k in colons if k >= i + 3), default=None)
    if colon is not None and (copula is None or colon <= copula):
        # the colon stands for the copula (a copula further on is another clause's) when a noun phrase follows
        # it: "ceux qui vendent à crédit : aux bòs maçons…" goes on with the verb's object, the group is "ceux"
        return 0 if norms[colon] in OPENERS["preposition"] else colon
    if copula is None or norms[copula - 1] in subjects or norms[copula + 1] in _OBJECT_PRONOUNS or \
            norms[copula + 1] in subjects:
        return 0  # "ceux qui … c'est eux les plus importants", "les gens qui … ils sont couverts"
    said = norms[copula + 1:copula + 3]
    if said[0] in all_grammar_words().first_person or tuple(said) in reading_phrases("superlatives"):
        return 0  # "those who travel for work are our main target": a predicate, the group is the subject
    return copula + 1


_REASONS = LazyWords(lambda: reading_words().reason_openers)


def gives_a_reason(text: str) -> bool:
    """A fragment that opens on a reason ("because ils achètent 20 instruments", "parce qu'elles…", "bc they
    quit"): why a group matters, never a group of its own."""
    norms = [t.norm for t in tokenise(text)]
    i = skip_hedges(norms)
    return i < len(norms) and norms[i] in _REASONS


def names_a_place(text: str) -> bool:
    """A fragment that opens on a place or a time ("là où un élève de sixième attend seul", "where the signal
    drops", "quand le réseau passe"): where or when the group before it is, never a group of its own."""
    norms = tuple(t.norm for t in tokenise(text))
    return any(norms[:len(p)] == p for p in reading_phrases("place_openers") + reading_phrases("time_openers"))


_CHANNELS = LazyWords(lambda: reading_words().channel_words)
CHANNEL_WINDOW = 6  # words before the end of a fragment where a channel word still governs what follows


def through_a_channel(before: str, separator: str) -> bool:
    """A group coordinated right after "via" or "through" something ("on pousse côté familles via les gîtes et
    l'office de tourisme", "we reach them through schools and libraries"): a way to reach customers, not a
    segment. `before` is the fragment before the group's, `separator` what joins them."""
    if separator not in ("and", "or", "comma", "comma_and"):
        return False
    norms = [t.norm for t in tokenise(before)]
    return any(w in _CHANNELS for w in norms[-CHANNEL_WINDOW:])


def no_group_openings(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` with the fragments that open on no group read as none: a modal opening that names none ("…, and
    faut convaincre les deux"), a reason ("…, because ils achètent 20 instruments d'un coup"), a group after a
    channel word ("… via les gîtes et l'office de tourisme")."""
    out = ["none" if label != "none" and not after_modal(frag.text).strip() or label == "new" and (
        gives_a_reason(frag.text) or names_a_place(frag.text) or i and through_a_channel(frags[i - 1].text,
                                                                                         frag.separator))
        else label for i, (frag, label) in enumerate(zip(frags, labels, strict=True))]
    # "people around the Cotswolds and the south Midlands who…": the second place goes on with the group
    return ["cont" if label == "new" and i and out[i - 1] != "none" and second_place(frags[i - 1].text, frag.text,
                                                                                        frag.separator)
            else label for i, (frag, label) in enumerate(zip(frags, out, strict=True))]


QUESTION_SUBJECTS = LazyWords(lambda: reading_words().question_subjects)  # "would it be…", "ce serait…"


def after_modal(text: str) -> str:
    """A group opened by a modal or an impersonal verb: the noun phrase after it ("faut recruter des
    auxiliaires de vie" → "des auxiliaires de vie", "il faut les foyers nantais…" → "les foyers nantais…"),
    "" when nothing but a back-reference follows ("faut convaincre les deux", "need to convince both"). Any
    other text is returned as it is."""
    tokens = tokenise(text)
    norms = [t.norm for t in tokens]
    i = skip_hedges(norms)
    opening = next((p for p in reading_phrases("impersonal_openings") if tuple(norms[i:i + len(p)]) == p), None)
    if opening is None and not (i < len(norms) and norms[i] in MODALS):
        return text
    i += len(opening) if opening else 1
    if not opening and i + 1 < len(norms) and norms[i] in QUESTION_SUBJECTS:
        i += 1  # a question: "would it be the songwriters?", "could that be the caterers?"
    if i < len(norms) and norms[i] not in OPENERS["determiner"]:
        i += 1  # the verb: "recruter", "convince"
    rest = " ".join(norms[i:])
    same = {" ".join(t.norm for t in tokenise(w)) for w in all_grammar_words().same_people}
    if not rest or rest in same or rest in {f"les {w}" for w in same} or norms[i] in grammar_lists().subjects:
        return ""
    return text[tokens[i].start:]


# A side's heading word, before the side's name ("côté offre") or after it ("supply side").
_SIDE_BEFORE_NAME = LazyWords(lambda: reading_words().side_words_before_name)
_SIDE_AFTER_NAME = LazyWords(lambda: reading_words().side_words_after_name)
SIDE_HEADING_WORDS = 4  # "on the supply side", "côté offre": where a side heading can end


def _after_side_heading(norms: Sequence[str]) -> int:
    """Where the group starts after a platform side's heading and a copula, a hedge or a determiner: "côté offre
    c'est les artisans", "côté bateaux je dirais les proprios", "côté mécanos les jeunes indépendants", "on the
    supply side it's the drivers" name the group after it; 0 otherwise."""
    side = next((k for k, w in enumerate(norms[:SIDE_HEADING_WORDS]) if w in _SIDE_BEFORE_NAME
                 or w in _SIDE_AFTER_NAME), None)
    if side is None:
        return 0
    named_after = norms[side] in _SIDE_BEFORE_NAME  # the side's name after "côté" ("côté offre"), before "side"
    for j in (side + 1, side + 2) if named_after else (side + 1,):
        cleft = next((c for c in reading_phrases("side_clefts") if tuple(norms[j:j + len(c)]) == c), None)
        if cleft and j + len(cleft) < len(norms):
            return j + len(cleft)
    # "côté mécanos les jeunes indépendants…", "on the guest side the nurses…": a determiner after the heading
    # opens the group
    j = side + 2 if named_after else side + 1
    return j if j + 1 < len(norms) and norms[j] in OPENERS["determiner"] else 0


def unclefted(text: str) -> str:
    """The group after a pseudo-cleft's copula or after a side heading's ("côté offre c'est les artisans");
    any other text as it is."""
    tokens = tokenise(text)
    norms = [t.norm for t in tokens]
    cleft = _after_pseudo_cleft(norms) or _after_side_heading(norms)
    return text[tokens[cleft].start:] if cleft else text


def blank_clefts(answer: str) -> str:
    """`answer` with the opening of every sentence's pseudo-cleft blanked out by spaces (same length, so
    offsets still hold): "the three who would pay first are dentists, vets and physios" is read as the list
    it announces."""
    tokens = tokenise(answer)
    chars = list(answer)
    for sentence in sorted({t.sentence for t in tokens}):
        own = [t for t in tokens if t.sentence == sentence]
        colons = frozenset(k for k in range(1, len(own)) if ":" in answer[own[k - 1].end:own[k].start])
        cleft = _after_pseudo_cleft([t.norm for t in own], colons)
        if cleft:
            chars[own[0].start:own[cleft].start] = " " * (own[cleft].start - own[0].start)
    return "".join(chars)


def lone_opened(frags: Sequence[FragmentLike], labels: Sequence[str]) -> list[str]:
    """`labels` where the reader opened no group at all: a fragment opened by a determiner on a group word that
    the next fragment continues opens one ("c'est simple : les entreprises de gros œuvre | et de second œuvre
    de 20 à 80 salariés"; not "fête des pères | départs en retraite", which has no determiner), and so does
    the answer's first sentence when it is such a phrase and nothing more ("the online sellers!! mostly…"); the first
    fragment, which goes on nothing, when it names a group ("For children…")."""
    first_names = labels[:1] == ["cont"] and bool(group_words(tokenise(frags[0].text)[:4]))
    first_new = labels.index("new") if "new" in labels else len(labels)
    labels = ["new" if first_names and i == 0 or label == "none" and i < first_new and _hedged_group(frag, i)
              else label for i, (frag, label) in enumerate(zip(frags, labels, strict=True))]
    if "new" in labels:
        return labels
    alone = len(frags) < 2 or frags[1].first_in_sentence
    return ["new" if label == "none" and (labels[i + 1:i + 2] == ["cont"] or i == 0 and alone)
            and _determined(frag.text) else label for i, (frag, label) in enumerate(zip(frags, labels, strict=True))]


HEDGED_GROUP_WORDS = 5  # at most this many words after the hedges: a bare noun phrase, no statement


def _hedged_group(frag: FragmentLike, i: int) -> bool:
    """A sentence opened by hedges, then a determiner on a group word and nothing more ("I think mainly the
    coaching institutes, na?", "je dirais surtout les cabinets dentaires"): the founder's answer, said warily
    (before any group the reader opened: "De l'autre les tâcherons et…" goes on a list already begun)."""
    tokens = tokenise(frag.text)
    norms = [t.norm for t in tokens]
    start = skip_hedges(norms)
    focus = find(tokens[start:], EXAMPLE_MARKERS)  # "je dirais surtout les…": the focus word goes too
    start += focus.end if focus is not None and focus.start == 0 else 0
    return (i == 0 or frag.first_in_sentence) and 0 < start and len(norms) - start <= HEDGED_GROUP_WORDS \
        and _determined(" ".join(norms[start:]))


def _determined(text: str) -> bool:
    tokens = tokenise(text)
    return bool(tokens) and tokens[0].norm in OPENERS["determiner"] and bool(group_words(tokens[1:5]))


def framed_openings(frags: Sequence[FragmentLike], labels: Sequence[str], framed: str, answer: str) -> list[str]:
    """`labels` where what a targeting frame announces opens a group ("on commence par les infirmiers libéraux",
    "our ICP is the seed / series A biotechs": the frame's object may go on in the next fragment), and so does the
    noun phrase joined to it by "and" ("je garde les roulottes et les snacks de bord de route"), or a group said to
    be a segment ("donc ok, les seniors après une prothèse c'est un vrai segment"). `answer` is `framed` passed
    through `target_frame.unframe`."""
    out: list[str] = []
    for i, (frag, label) in enumerate(zip(frags, labels, strict=True)):
        tokens = tokenise(frag.text)
        grouped = bool(group_words(tokens)) or list(labels[i + 1:i + 2]) == ["cont"]
        # past "and", a plural noun after a determiner too ("…les roulottes et | les snacks de bord de route")
        plural = len(tokens) > 1 and tokens[0].norm in OPENERS["determiner"] and looks_plural(tokens[1].norm)
        framed_here = after_frame(framed, answer, frag.start) and grouped or (
            frag.separator in ("and", "comma_and") and out[-1:] == ["new"] and (grouped or plural)
            and after_frame(framed, answer, frags[i - 1].start))
        out.append("new" if label == "none" and opens_noun_phrase(frag.text) and (
            framed_here or names_a_segment(frag.text) and not is_generic_group(before_predicate(frag.text)))
            else label)
    return out
