"""Whether an answer says buyer and user are the same people ("he pays and uses it himself", "c'est la même
personne"): the words of `same_roles` (`lexicon/<lang>/role_reading.yaml`), unless denied ("ce n'est pas pareil")
or a reflexive that only stresses a person ("the owner doctor himself", with no using verb after it)."""

from __future__ import annotations

import re

from assistant.lexicon.role_reading import role_regex, role_word_set
from assistant.text.tokens import normalise
from assistant.understanding.groups import is_group_word

SAME = role_regex(r"\b{same_roles}\b")
_SAME_NEGATORS = role_word_set("same_negators")  # "ce n'est pas pareil", "not the same"
_SELF = role_word_set("self_words")
USES = role_regex(r"\b{using}\b")  # a using verb ("uses", "eats", "utilise"): the role readers' too
SAME_REACH = 3  # words before "same" within which a negation denies it


def fold_clause(text: str) -> str:
    """A clause folded as the role readers compare it: `normalise`d, apostrophes as spaces."""
    return normalise(text).replace("'", " ")


def said_same(text: str) -> bool:
    """The text says buyer and user are the same people ("he pays and uses it himself", "c'est la même
    personne"), not denied ("ce n'est pas pareil", "not the same") and not a reflexive that stresses a person
    ("the owner doctor himself", "le patron lui-même signe": after a group word, with no using verb after it in
    its clause). Read clause by clause."""
    for clause in re.split(r"[,;.:!?\n]", text):
        folded = fold_clause(clause)
        for m in SAME.finditer(folded):
            before = folded[:m.start()].split()[-SAME_REACH:]
            if any(w in _SAME_NEGATORS for w in before):
                continue
            # the group word just before ("the doctor himself"), or before its pronoun ("le patron lui-même")
            stressed = any(is_group_word(w) for w in before[-2:])
            if m.group(0).split()[-1] in _SELF and stressed and not USES.search(folded[m.end():]):
                continue  # "the owner doctor himself", not "the woman herself pays and uses it"
            return True
    return False
