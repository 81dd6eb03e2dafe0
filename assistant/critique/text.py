"""Language-neutral text helpers: negation, hedges, contrast, excerpts, language, "I don't know".

This is the module the coach imports to read answers (it also re-exports `normalise`, `split_items`
and `split_groups`); folding lives in `tokens`, tolerant matching in `patterns`, list and group
splitting in `lists` and `grouping`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.critique.grouping import split_groups
from assistant.critique.groups import is_group_word
from assistant.critique.lists import split_items
from assistant.critique.patterns import Match, compile_all, find_all
from assistant.critique.tokens import Token, normalise, tokenise

__all__ = [
    "contrast_after", "detect_language", "excerpt", "is_dont_know", "is_hedged", "negated_after",
    "negated_before", "normalise", "past_belief_before", "split_groups", "split_items", "tokenise",
]

# Function words of both languages: they never narrow or describe anything on their own.
FUNCTION_WORDS = frozenset(
    "le la les l un une des de du d a au aux en dans sur pour par avec sans qui que qu dont ou et est sont "
    "a ont the a an of in on for with to and or who that which whose is are have has be been ce cet cette "
    "ces se s il ils elle elles y on nous vous je j me m n ne pas not do does their leur leurs son sa ses "
    "my your its his her them they we you i".split()
)


# --- negation, hedges, contrast ---------------------------------------------------------------------

NEGATORS_FR = ("pas", "jamais", "aucun", "aucune", "rien", "ni", "sans", "non", "nul", "nulle", "guere")
NEGATORS_EN = ("not", "no", "never", "none", "neither", "nor", "without", "cannot", "nothing", "nobody")
_NEGATORS = frozenset(NEGATORS_FR + NEGATORS_EN)
# A negator followed by one of these is an idiom, not a negation ("pas mal de", "sans doute").
_NOT_NEGATING = {"pas": {"mal"}, "sans": {"doute"}, "no": {"doubt", "matter"}, "non": {"plus"}}


def is_negator(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].norm
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if word == "plus":  # "ne ... plus" only
        return any(t.norm in {"ne", "n"} for t in tokens[max(0, i - 3):i])
    return word in _NEGATORS and nxt not in _NOT_NEGATING.get(word, set())


def negated_before(tokens: Sequence[Token], m: Match, window: int = 4) -> bool:
    """A negator in the few words before the match, in the same clause."""
    clause = tokens[m.start].clause
    for i in range(m.start - 1, max(-1, m.start - window - 1), -1):
        if tokens[i].clause != clause:
            return False
        if is_negator(tokens, i):
            return True
    return False


def negated_after(tokens: Sequence[Token], m: Match, window: int = 4) -> bool:
    """French "tout le monde n'est pas ...": ne/n then a negator right after the match."""
    clause = tokens[m.start].clause
    following = [i for i in range(m.end, min(len(tokens), m.end + window)) if tokens[i].clause == clause]
    has_ne = any(tokens[i].norm in {"ne", "n"} for i in following)
    return has_ne and any(is_negator(tokens, i) for i in following)


def negated_inside(tokens: Sequence[Token], m: Match) -> bool:
    return any(is_negator(tokens, i) for i in range(m.start, m.end))


HEDGES_FR = ("je pense", "je crois", "j imagine", "je suppose", "sans doute", "probablement", "peut etre",
             "a priori", "il me semble", "normalement", "en theorie", "je dirais", "surement",
             "j ai l impression", "j espere", "on espere", "on suppose", "on pense", "logiquement")
HEDGES_EN = ("i think", "i guess", "i suppose", "i believe", "probably", "maybe", "perhaps", "i would say",
             "i would say", "i imagine", "presumably", "in theory", "kind of", "sort of", "likely",
             "i hope", "we hope", "we assume", "i assume", "we think", "we believe", "i feel like")
_HEDGES = compile_all(HEDGES_FR, HEDGES_EN)

# A correction follows: "tout le monde... mais en fait surtout les parents".
CONTRASTS_FR = ("=mais", "=cependant", "=pourtant", "=toutefois", "en fait non|plutot", "en realite",
                "en pratique", "=finalement", "sauf que", "tandis que", "alors que")
CONTRASTS_EN = ("=but", "=however", "actually no|not", "in reality", "in practice", "=except", "=although",
                "=though", "=whereas")
_CONTRASTS = compile_all(CONTRASTS_FR, CONTRASTS_EN)
# A belief the founder has moved on from: "au début je pensais que tout le monde...".
PAST_BELIEF_FR = ("au debut", "au depart", "initialement", "je pensais", "on pensait", "nous pensions",
                  "j avais pense", "a l origine", "on croyait", "je croyais")
PAST_BELIEF_EN = ("at first", "initially", "we thought", "i thought", "we used to", "i used to", "originally",
                  "we first")
_PAST_BELIEF = compile_all(PAST_BELIEF_FR, PAST_BELIEF_EN)


def is_hedged(text_or_tokens: str | Sequence[Token]) -> bool:
    tokens = tokenise(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
    return any(not negated_before(tokens, m, 2) for m in find_all(tokens, _HEDGES))


MIN_WORDS_AFTER_CONTRAST = 2


def contrast_after(tokens: Sequence[Token], m: Match) -> bool:
    """A "but/en fait" later in the same or the next sentence, followed by what the founder says
    instead: they correct themself. A trailing "en fait" is a filler, not a correction."""
    last = tokens[m.start].sentence + 1
    for c in find_all(tokens, _CONTRASTS):
        after = [t for t in tokens[c.end:] if t.sentence <= last]
        if c.start >= m.end and tokens[c.start].sentence <= last and len(after) >= MIN_WORDS_AFTER_CONTRAST:
            return True
    return False


def past_belief_before(tokens: Sequence[Token], m: Match) -> bool:
    """"At first we thought everyone...": a belief the founder has moved on from."""
    sentence = tokens[m.start].sentence
    return any(p.end <= m.start and tokens[p.start].sentence == sentence
               for p in find_all(tokens, _PAST_BELIEF))


def excerpt(text: str, tokens: Sequence[Token], m: Match, limit: int = 160) -> str:
    """The founder's sentence around a match, trimmed to about `limit` characters."""
    sentence = tokens[m.start].sentence
    idx = [i for i, t in enumerate(tokens) if t.sentence == sentence]
    first, last = idx[0], idx[-1]
    while tokens[last].end - tokens[first].start > limit and (first < m.start or last >= m.end):
        if m.start - first >= last - (m.end - 1) and first < m.start:
            first += 1
        elif last >= m.end:
            last -= 1
        else:
            break
    return text[tokens[first].start:tokens[last].end].strip()


# --- language and "I don't know" --------------------------------------------------------------------

STOPWORDS = {
    "fr": ("le", "la", "les", "des", "du", "un", "une", "et", "est", "sont", "que", "qui", "pour", "dans",
           "avec", "sur", "pas", "ne", "nous", "vous", "ils", "elles", "je", "on", "ce", "cette", "ces",
           "mais", "ou", "leur", "leurs", "au", "aux", "tres", "aussi", "plus", "tout", "tous", "etre",
           "avoir", "fait", "comme", "mes", "nos", "notre", "c", "j", "l", "d", "n", "qu", "s", "y", "en",
           "sans", "chez", "a", "donc", "car", "quand", "ont", "avons", "sommes", "peu", "beaucoup", "parce"),
    "en": ("the", "and", "is", "are", "of", "to", "in", "for", "with", "on", "that", "this", "it", "we",
           "they", "our", "their", "a", "an", "be", "have", "has", "not", "but", "or", "who", "what", "do",
           "does", "i", "you", "from", "by", "at", "as", "so", "very", "just", "really", "them", "there",
           "would", "will", "was", "were", "because", "about", "which", "when", "been", "my", "me"),
    "es": ("a", "el", "los", "las", "y", "es", "son", "que", "de", "en", "para", "con", "por", "una", "uno",
           "pero", "no", "muy", "nuestro", "nuestros", "somos", "tiene", "tienen", "esta", "este", "como",
           "mas", "su", "sus", "del", "al", "lo", "se", "yo", "nosotros", "ellos", "porque", "hay", "todos"),
    "de": ("der", "die", "das", "und", "ist", "sind", "nicht", "mit", "fur", "wir", "sie", "ein", "eine",
           "auf", "zu", "den", "dem", "von", "auch", "unsere", "unser", "es", "ich", "aber", "oder", "haben",
           "wird", "werden", "kunden", "sehr", "fuer", "dass", "bei", "noch", "nur", "an", "in", "im", "wie",
           "kleine", "was", "wenn", "mehr", "uns", "unsere", "kein", "keine", "viele"),
    "it": ("a", "i", "il", "lo", "gli", "e", "di", "che", "per", "con", "non", "sono", "una", "nostri",
           "nostro",
           "anche", "della", "delle", "degli", "molto", "ma", "questo", "sia", "abbiamo", "siamo", "loro",
           "del", "nel", "alla", "perche", "come", "piu", "tutti", "ha", "hanno"),
    "pt": ("a", "o", "os", "as", "e", "de", "que", "para", "com", "nao", "sao", "uma", "um", "nossos",
           "nosso",
           "muito", "mas", "tambem", "da", "do", "dos", "das", "em", "por", "voce", "eles", "temos",
           "somos", "isso", "ao", "mais", "seu", "sua", "todos", "porque"),
}
_STOP_INDEX: dict[str, list[str]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _STOP_INDEX.setdefault(_w, []).append(_lang)
DetectedLanguage = Literal["fr", "en", "other", "unknown"]
MIN_WORDS_FOR_LANGUAGE = 3
# Letters only some languages use: one vote each for them.
TELLING_LETTERS = {"de": "äöüß", "es": "ñ¿¡", "pt": "ãõ", "fr": "èêëàùûœ"}


def detect_language(text: str) -> DetectedLanguage:
    """"fr", "en", "other" (Spanish, German, Italian, Portuguese) or "unknown" (too short or unclear).

    Each stop word votes for the languages that use it, split evenly: shared words ("de", "que")
    count less than telling ones ("the", "les")."""
    toks = [t.norm for t in tokenise(text)]
    if len(toks) < MIN_WORDS_FOR_LANGUAGE:
        return "unknown"
    scores = dict.fromkeys(STOPWORDS, 0.0)
    for lang, letters in TELLING_LETTERS.items():
        scores[lang] += sum(1 for ch in text.lower() if ch in letters)
    for word in toks:
        langs = _STOP_INDEX.get(word, [])
        for lang in langs:
            scores[lang] += 1 / len(langs)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 1 or top < second * 1.3:
        return "unknown"
    if best == "fr":
        return "fr"
    return "en" if best == "en" else "other"


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
