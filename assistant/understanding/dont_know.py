"""Reading "I don't know" (and "not decided yet") in both languages, typos tolerated."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.cues import contrast_after
from assistant.text.patterns import compile_all, find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.groups import is_group_word

DONT_KNOW_FR = ("je ne sais pas", "je ne sais pa", "je sais pas", "je sais pa", "sais pa", "sai pas",
                "se pas", "j sais pas", "sais pas", "sait pas", "jsp", "jsais pas", "chais pas", "chai pas",
                "chepa", "aucune idee", "pas d idee", "pas idee", "pas la moindre idee", "j en sais rien",
                "je n en sais rien", "sais rien", "je ne vois pas", "je vois pas", "pas sur", "pas sure",
                "aucune id", "ne sais", "nsp", "mystere", "bonne question", "pas d|aucun|sans avis",
                "pas ...2 la|de reponse", "je vous|te dirai", "je reviendrai vers vous|toi",
                "ne|n? ...2 pas m avancer", "je ne|n? peux pas ...2 dire", "difficile|dur a dire",
                "pas ...3 reflechi|regarde|verifie|decide|tranche",
                "faudrait|faut que je|j ...3 regarde|verifie|voie|reflechisse|renseigne|parle|demande",
                "a voir", "on verra", "je seche", "aucune piste")
DONT_KNOW_EN = ("i do not know", "do not know", "do not really know", "dunno", "idk", "idnk", "no idea",
                "no clue", "not sure", "not a clue", "beats me", "i have no idea", "have not a clue",
                "no freaking idea", "unsure", "good question", "can not say", "no opinion", "need to check",
                "have to check|think|look", "would need to", "have not ...2 thought|figured|looked|decided",
                "rather not ...2 guess|say", "{could not|can not} tell", "hard to say",
                "do not have ...2 answer", "no answer yet", "get back to you", "tbd", "to be determined",
                "we will see", "pass")
_DONT_KNOW = compile_all(DONT_KNOW_FR, DONT_KNOW_EN)
# Words that carry nothing once "I don't know" is said: hedges, fillers, the grammar around it.
_FILLERS = frozenset(
    "je j ne n pas vraiment trop honnetement pour l instant le moment encore du tout franchement desole "
    "euh bah ben hmm hum ah oh bof alors la i really honestly yet sorry at this point the moment well um uh "
    "so to be honest frankly right now still quite any de rien a mon avis actually no non oui yes ok on y "
    "en il elle que qu ca cela c est dessus si ici tbh love about it that this one a an for on it s am "
    "would have has had be been do does did before answering answer think thought about sure lol haha "
    "me moi nous we you vous te tu".split()
)
MAX_CONTENT_WORDS_IN_DONT_KNOW = 3


_ASKED_SOMEONE = frozenset("au a avec with to de d my mon".split())


def _names_a_group(tokens: Sequence[Token], i: int) -> bool:
    """"je sais pas, les restaurateurs ?" names a group; "j'en parle au bureau de l'association" does not."""
    before = {t.norm for t in tokens[max(0, i - 2):i]}
    return is_group_word(tokens[i].norm) and not before & _ASKED_SOMEONE


def is_dont_know(text: str) -> bool:
    """True when the answer is essentially "I don't know" or "not yet decided" (typos tolerated), not
    when an answer follows the hedge ("je ne sais pas trop, peut-être les kinés", "not sure, but we did
    about 20 interviews")."""
    tokens = tokenise(text)
    matches = find_all(tokens, _DONT_KNOW)
    if not matches:
        return False
    covered = {i for m in matches for i in range(m.start, m.end)}
    rest = [t.norm for i, t in enumerate(tokens) if i not in covered and t.norm not in _FILLERS]
    if any(t.norm.isdigit() or _names_a_group(tokens, i)
           for i, t in enumerate(tokens) if i not in covered):
        return False
    if any(contrast_after(tokens, m) for m in matches):
        return False
    return len(rest) <= MAX_CONTENT_WORDS_IN_DONT_KNOW
