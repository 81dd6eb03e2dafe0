"""Who takes part in an exchange a founder tells, read around its verb: the subject (a group word, or a plural
noun opening the clause), the object a finding verb opens on, the group a sentence opens on, the group after a
"to"/"aux", and people named by what they have ("ceux qui ont du matériel"). Used by `exchange.py`."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.patterns import PatternSet, find_all
from assistant.text.tokens import Token, clause_start
from assistant.understanding.cues import FUNCTION_WORDS
from assistant.understanding.grammar_lists import grammar_lists
from assistant.understanding.groups import is_group_word, looks_plural

# Words that name nobody in particular: they cannot be one side of a platform.
GENERIC_GROUPS = frozenset(
    "people gens personnes personne users utilisateurs clients customers client customer public monde "
    "everyone".split()
)
SUBJECT_WINDOW = 6
RECIPIENT_WINDOW = 14
DETERMINERS = frozenset("les des the some ses leurs their".split())
RECIPIENTS = frozenset("to a aux au".split())
# before what people have: "ont du matériel", "have a spare room"
OWNED_DETERMINERS = frozenset("du de d la une un an a des spare extra".split())
FOR = frozenset("for pour".split())
# A group word after these is the complement of a noun, no subject: "instead of kids books", "les cours de
# danse des enfants réservés".
OF = frozenset("of de d du".split())


def subject(tokens: Sequence[Token], at: int) -> str | None:
    """The nearest group word before a verb, in its clause: "les commerces du quartier mettent en vente"."""
    clause = tokens[at].clause
    if at >= 2 and tokens[at - 2].norm in DETERMINERS and tokens[at - 1].clause == clause and (
            tokens[at - 1].norm.isalpha()):
        return tokens[at - 1].norm  # "les habitants réservent": a determiner, a noun, the verb
    for i in range(at - 1, max(0, at - SUBJECT_WINDOW) - 1, -1):
        t = tokens[i]
        if t.clause != clause:
            break
        # "vendu aux patients et loué aux EHPAD": a group after "to"/"aux"/"for" receives, it is no subject
        if is_group_word(t.norm) and not (i and tokens[i - 1].norm in RECIPIENTS | FOR | OF):
            return t.norm
    return plural_opening(tokens, at)


# adverbs that look like a plural before a verb: "plus acheter de gazoline" (no more buying petrol)
NOT_SUBJECTS = frozenset("plus moins tres jamais toujours aussi puis pas also always thus perhaps".split())
OPENING_WORDS = 3  # "Local home cooks | host": the clause's first words, then the verb


def plural_opening(tokens: Sequence[Token], at: int) -> str | None:
    """A plural noun right before the verb that opens its clause within a few words: the subject, also off the
    group lexicon ("Local home cooks host guests", "les huileries reçoivent"); None for a pronoun, a
    determiner, an adverb ("plus acheter de gazoline": no more buying petrol) or a singular word."""
    if at == 0 or tokens[at - 1].clause != tokens[at].clause:
        return None
    word = tokens[at - 1].norm
    opened = clause_start(tokens, at)
    plural = looks_plural(word) and word not in DETERMINERS | GENERIC_GROUPS | NOT_SUBJECTS
    if not plural or at - opened > OPENING_WORDS or word in grammar_lists().subjects or word in FOUNDER:
        return None
    if at >= 2 and tokens[at - 2].norm in RECIPIENTS | FOR | OF:
        return None  # "instead of kids books": a noun's complement, no subject
    return word


def group_after(tokens: Sequence[Token], at: int, span: int = 3) -> str | None:
    for t in tokens[at:at + span]:
        if t.sentence != tokens[at - 1].sentence:
            return None
        if is_group_word(t.norm):
            return t.norm
    return None


def owner_before(tokens: Sequence[Token], at: int, owners: PatternSet) -> str | None:
    """The noun people are named by having, earlier in the verb's sentence ("ceux qui ont du matériel de
    chantier qui dort, …, le louent": "materiel"), past determiners; None when no such people open it."""
    found = [m for m in find_all(tokens, owners) if m.end < at and tokens[m.start].sentence == tokens[at].sentence]
    if not found:
        return None
    for t in tokens[found[-1].end:at]:
        if t.norm not in DETERMINERS | OWNED_DETERMINERS and len(t.norm) > 2:
            return t.norm
    return None


OBJECT_WINDOW = 3  # a determiner, an adjective, the noun: "a verified local tailor" is past it, "a tutor" is not


def object_of(tokens: Sequence[Token], at: int) -> str | None:
    """The group word a verb's object opens on, in its clause, after a determiner ("find | a tutor", "trouvent
    | un couturier") or as a bare plural ("find | freelance certified welders"); None for a thing ("book | a
    seat") or a bare singular noun."""
    if at >= len(tokens):
        return None
    if tokens[at].norm not in OBJECT_DETERMINERS:
        # in the verb's clause only ("…a free link to book. | Agricultural contractors…" is another sentence)
        return _bare_plural_object(tokens, at) if at and tokens[at].clause == tokens[at - 1].clause else None
    for t in tokens[at + 1:at + 1 + OBJECT_WINDOW]:
        if t.clause != tokens[at].clause:
            return None
        # a singular agent noun the lexicon holds in the plural: "trouvent un couturier"
        if (is_group_word(t.norm) or is_group_word(t.norm + "s")) and t.norm not in GENERIC_GROUPS:
            return t.norm
    return None


def sentence_subject(tokens: Sequence[Token], at: int) -> str | None:
    """The group the sentence opens on, for a verb in a list of verbs that share it ("Les clientes choisissent
    un modèle, trouvent un couturier"): a group word among the sentence's first words."""
    sentence = tokens[at].sentence
    first = next(i for i in range(at, -1, -1) if i == 0 or tokens[i - 1].sentence != sentence)
    return next((t.norm for t in tokens[first:min(at, first + OPENING_WORDS)]
                 if is_group_word(t.norm) and t.norm not in GENERIC_GROUPS), None)


OBJECT_DETERMINERS = frozenset("a an the their un une des les leur leurs".split())


def _bare_plural_object(tokens: Sequence[Token], at: int) -> str | None:
    """A plural group word that opens a verb's object with no determiner, its modifiers before it ("find |
    freelance certified welders for short jobs"); None when a function word or another clause comes first ("book |
    for their clients", "the people who book | are walkers")."""
    for t in tokens[at:at + OBJECT_WINDOW + 1]:
        # a preposition, a copula or another function word first: no object ("the people who book | are walkers")
        if t.clause != tokens[at].clause or t.norm in FUNCTION_WORDS or t.norm in RECIPIENTS | FOR | OF or (
                not t.norm.isalpha()):
            return None
        # "freelance" may be a group word, here the modifier of the plural after it
        if is_group_word(t.norm) and t.norm not in GENERIC_GROUPS and looks_plural(t.norm):
            return t.norm
    return None


FOUNDER = frozenset("we nous on i je our notre".split())


def founder_speaks(tokens: Sequence[Token], at: int) -> bool:
    """The founder speaks of themselves in the verb's clause ("we sell software to bakeries", "notre société
    propose"), after any other group named there ("we run a site where the potters sell their pieces": the
    potters sell)."""
    span = tokens[clause_start(tokens, at):at]
    last_group = max((i for i, t in enumerate(span) if is_group_word(t.norm)
                      and not (i and span[i - 1].norm in FOUNDER)), default=-1)  # "notre société" is the founder
    return any(t.norm in FOUNDER for t in span[last_group + 1:])
