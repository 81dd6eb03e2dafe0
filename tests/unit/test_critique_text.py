"""Text helpers of the offline coach: folding, tolerant matching, negation, hedges, lists, language."""

from __future__ import annotations

import pytest

from assistant.text.language import detect_language
from assistant.text.lists import split_items
from assistant.text.patterns import compile_all, expand, find, similar
from assistant.text.tokens import normalise, tokenise
from assistant.understanding.cues import contrast_after, excerpt, is_hedged, negated_after, negated_before
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.grouping import split_groups


def match(text: str, pattern: str):  # type: ignore[no-untyped-def]
    tokens = tokenise(text)
    return tokens, find(tokens, compile_all((pattern,)))


# --- normalisation and tokens --------------------------------------------------------------------------


def test_normalise_folds_case_accents_quotes_and_spaces() -> None:
    assert normalise("  Élève  DÉJÀ   “là”  l’École ") == 'eleve deja "la" l\'ecole'
    assert normalise("Cœur ŒUVRE") == "coeur oeuvre"


def test_tokens_keep_offsets_in_the_original_text() -> None:
    text = "Les élèves – déjà « motivés » ; cœur"
    for token in tokenise(text):
        assert normalise(text[token.start:token.end]) == token.norm


def test_tokens_expand_english_contractions() -> None:
    words = [t.norm for t in tokenise("We don't know, they're sure, I'm fine, it won't, dont care")]
    assert words == ["we", "do", "not", "know", "they", "are", "sure", "i", "am", "fine", "it", "will", "not",
                     "do", "not", "care"]


def test_french_dont_is_not_a_negation() -> None:
    assert [t.norm for t in tokenise("les PME dont le CA")] == ["les", "pme", "dont", "le", "ca"]


def test_clauses_and_sentences() -> None:
    tokens = tokenise("Pas tout le monde, seulement les kinés. Ensuite, 1,5 M€")
    assert tokens[0].clause != tokens[4].clause and tokens[0].sentence == tokens[4].sentence
    assert tokens[-1].sentence == 1
    assert [t.norm for t in tokens[-3:]] == ["1", "5", "m"] and tokens[-3].clause == tokens[-2].clause


# --- tolerant matching -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("token", "lemma", "expected"), [
    ("interveiws", "interview*", True),   # swapped letters in a stem
    ("entretiens", "entretien*", True),
    ("mond", "monde", True),              # a dropped letter
    ("evryone", "everyone", True),
    ("parce", "parle", False),            # a substitution in a short word is another word
    ("insurance", "injur*", False),       # short stems are matched exactly
    ("difference", "different", False),
    ("client", "client*", True),
    ("cat", "car", False),
])
def test_similar(token: str, lemma: str, expected: bool) -> None:
    assert similar(token, lemma) is expected


def test_pattern_syntax() -> None:
    assert match("on ne va pas tous les cibler", "on ne|n? va pas ...2 cibler")[1] is not None
    assert match("on va pas les cibler", "on ne|n? va pas ...2 cibler")[1] is not None
    assert match("25 à 35 ans", "# a # ans")[1] is not None
    assert expand("{no idea|dunno} yet") == ["no idea yet", "dunno yet"]
    assert match("we're pretty sure", "{i am|we are} pretty? sure")[1] is not None


# --- negation, hedges, contrast -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "pattern", "negated"), [
    ("Pas tout le monde, juste les kinés", "tout le monde", True),
    ("not everyone, only dentists", "everyone", True),
    ("On n'a pas encore fait d'interviews", "interviews", True),
    ("on a fait 30 interviews", "interviews", False),
    ("Non, tout le monde", "tout le monde", False),            # the comma ends the negation
    ("sans doute tout le monde", "tout le monde", False),      # an idiom, not a negation
    ("pas mal de gens", "gens", False),
    ("we did not talk to customers", "talk", True),
])
def test_negated_before(text: str, pattern: str, negated: bool) -> None:
    tokens, m = match(text, pattern)
    assert m is not None and negated_before(tokens, m) is negated


def test_negated_after_french_verb_frame() -> None:
    tokens, m = match("Tout le monde n'est pas ma cible", "tout le monde")
    assert m is not None and negated_after(tokens, m)


@pytest.mark.parametrize(("text", "hedged"), [
    ("Je pense que oui", True), ("sans doute les kinés", True), ("I guess so", True),
    ("probably the nurses", True), ("On a fait 15 entretiens", False), ("We interviewed 20 people", False),
])
def test_is_hedged(text: str, hedged: bool) -> None:
    assert is_hedged(text) is hedged


def test_contrast_after_needs_a_correction_not_a_filler() -> None:
    tokens, m = match("Tout le monde, mais en fait surtout les parents", "tout le monde")
    assert m is not None and contrast_after(tokens, m)
    tokens, m = match("Tout le monde en fait", "tout le monde")
    assert m is not None and not contrast_after(tokens, m)


def test_excerpt_is_the_founders_sentence() -> None:
    text = "On a un super produit. Franchement tout le monde en a besoin, vraiment. Voilà."
    tokens, m = match(text, "tout le monde")
    assert m is not None and excerpt(text, tokens, m) == "Franchement tout le monde en a besoin, vraiment"


# --- lists and groups ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "items"), [
    ("Gagner du temps et réduire les erreurs, éviter les oublis; mieux dormir",
     ["Gagner du temps", "réduire les erreurs", "éviter les oublis", "mieux dormir"]),
    ("- R&D\n- 1,5 M€ de CA\n* les restaurateurs, qui manquent de temps",
     ["R&D", "1,5 M€ de CA", "les restaurateurs, qui manquent de temps"]),
    ("save time and money", ["save time and money"]),
    ("1. Less admin\n2. Paid faster (within 7 days, not 60)", ["Less admin", "Paid faster (within 7 days, "
                                                                             "not 60)"]),
    ("Entre 25 et 35 ans, urbaines et actives", ["Entre 25 et 35 ans", "urbaines et actives"]),
])
def test_split_items(text: str, items: list[str]) -> None:
    assert split_items(text) == items


@pytest.mark.parametrize(("text", "groups"), [
    ("Les PME, les ETI, les grands comptes, les collectivités et les associations",
     ["Les PME", "les ETI", "les grands comptes", "les collectivités", "les associations"]),
    ("students, young professionals, retirees and companies",
     ["students", "young professionals", "retirees", "companies"]),
    ("Nos clients sont les restaurateurs indépendants et les traiteurs",
     ["les restaurateurs indépendants", "les traiteurs"]),
    ("Les commerçants indépendants du centre : fleuristes, cavistes, épiceries fines",
     ["Les commerçants indépendants du centre : fleuristes, cavistes, épiceries fines"]),
    ("Restaurateurs indépendants à Lyon, surtout ceux qui ont une terrasse",
     ["Restaurateurs indépendants à Lyon, surtout ceux qui ont une terrasse"]),
    ("Readers: residents of small towns. Advertisers: local shops and restaurants",
     ["Readers: residents of small towns", "Advertisers: local shops and restaurants"]),
    ("Deux publics : les familles qui prennent un panier, et les restaurateurs et traiteurs de l'agglo",
     ["les familles qui prennent un panier", "les restaurateurs et traiteurs de l'agglo"]),
    ("We connect small business owners with freelance accountants",
     ["small business owners", "freelance accountants"]),
    ("je ne sais pas", ["je ne sais pas"]),
])
def test_split_groups(text: str, groups: list[str]) -> None:
    assert split_groups(text) == groups


# --- language and "I don't know" ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "language"), [
    ("Nous aidons les restaurateurs à réduire le gaspillage", "fr"),
    ("on a fait des interviews avec des early adopters", "fr"),
    ("We help restaurants cut their food waste", "en"),
    ("honestly the nurses, they hate the schedule", "en"),
    ("Ayudamos a los restaurantes a reducir el desperdicio", "other"),
    ("Wir helfen Restaurants, weniger Lebensmittel zu verschwenden", "other"),
    ("Aiutiamo i ristoranti a ridurre gli sprechi", "other"),
    ("Ajudamos os restaurantes a reduzir o desperdício de comida", "other"),
    ("ok", "unknown"),
    ("PME B2B", "unknown"),
])
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(("text", "expected"), [
    ("je ne sais pas", True), ("Je sais pa trop", True), ("aucune idée honnêtement", True), ("jsp", True),
    ("j'en sais rien", True), ("idk lol", True), ("no idea yet, sorry", True), ("dunno", True),
    ("I don't know really", True), ("Not sure", True), ("no clue tbh", True), ("Pas d'avis la-dessus", True),
    ("Je n'ai pas encore la réponse, je vous dirai.", True),
    ("I'd need to check before answering that.", True),
    ("not sure, haven't thought about that", True), ("I couldn't tell you yet, love.", True),
    ("Je préfère ne pas m'avancer là-dessus", True), ("on verra", True),
    ("Je ne sais pas encore, il faudrait que j'en parle au bureau de l'association.", True),
    ("je sais pas, les restaurateurs ?", False), ("Not sure, but we did about 20 interviews", False),
    ("Je ne sais pas exactement, mais je dirais les restaurateurs", False),
    ("Je ne sais pas si les kinés paieraient, mais ils adorent la démo", False),
    ("I don't know the exact number but we did about 20 interviews", False),
    ("Les kinés", False),
])
def test_is_dont_know(text: str, expected: bool) -> None:
    assert is_dont_know(text) is expected
