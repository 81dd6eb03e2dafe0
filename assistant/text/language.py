"""Which language a founder writes in: French, English, another one, or too short to tell."""

from __future__ import annotations

from typing import Literal

from assistant.text.tokens import tokenise

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
