"""Whether an answer says buyer and user are the same people ("he pays and uses it himself", "c'est la même
personne"): the words of `same_roles` (`lexicon/<lang>/role_reading.yaml`), unless denied ("ce n'est pas pareil")
or a reflexive that only stresses a person ("the owner doctor himself")."""

from __future__ import annotations

from assistant.lexicon.role_reading import role_regex, role_word_set
from assistant.text.tokens import normalise
from assistant.understanding.groups import is_group_word

SAME = role_regex(r"\b{same_roles}\b")
_SAME_NEGATORS = role_word_set("same_negators")  # "ce n'est pas pareil", "not the same"
_SELF = role_word_set("self_words")
SAME_REACH = 3  # words before "same" within which a negation denies it


def said_same(text: str) -> bool:
    """The text says buyer and user are the same people ("he pays and uses it himself", "c'est la même
    personne"), not denied ("ce n'est pas pareil", "not the same") and not a reflexive that stresses a person
    ("the owner doctor himself", "le patron lui-même": after a group word)."""
    folded = normalise(text).replace("'", " ")  # as `roles_reader.fold_clause`
    for m in SAME.finditer(folded):
        before = folded[:m.start()].split()[-SAME_REACH:]
        if any(w in _SAME_NEGATORS for w in before):
            continue
        if m.group(0).split()[-1] in _SELF and before and is_group_word(before[-1]):
            continue
        return True
    return False
# Words that end a subject: relative pronouns, copulas and auxiliaries (grammar, not vocabulary).
