"""The too_broad detector: "everyone is my customer", said plainly or with a qualifier that narrows
nothing ("anyone with a phone"), unless negated, narrowed ("everyone who runs a dental practice") or
given up ("at first we thought everyone, but...").
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.lexicon import all_grammar_words
from assistant.text.cues import FUNCTION_WORDS, contrast_after, negated_after, negated_before, past_belief_before
from assistant.text.patterns import Match, compile_all, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.exchange import exchange_verb_at
from assistant.understanding.listing import sweeping_range
from assistant.understanding.platform import is_platform
from assistant.understanding.rules import context_text, hit, scoped

# Pronoun-like heads: only a relative or prepositional clause can narrow them ("everyone who ...").
BROAD_PRONOUNS_FR = ("tout le monde", "tt le monde", "n importe qui", "quiconque", "tout un chacun",
                     "toute personne", "tout individu", "tous ceux", "toutes celles",
                     "monsieur et madame tout le monde", "chacun")
BROAD_PRONOUNS_EN = ("everyone", "everybody", "anyone", "anybody", "every one", "any one")
# Groups so wide that "all of them" is no target.
BROAD_GROUPS_FR = ("enfants|parents|familles|etudiants|femmes|hommes|seniors|jeunes|adultes|ados|gens|"
                   "personnes|consommateurs|utilisateurs|clients|boites|entreprises|societes|particuliers|"
                   "foyers")
BROAD_GROUPS_EN = ("kids|kid|children|child|parents|families|students|student|women|men|seniors|adults|teens|"
                   "people|consumers|users|customers|businesses|business|companies|company|households")
# Noun heads: an adjective or a clause can narrow them ("les gens pressés", "busy people").
BROAD_NOUNS_FR = ("les gens", "tous les gens", "toutes les personnes", "le grand public", "grand public|publique",
                  "tout public", "tous publics", "toute la population", "la population", "le monde entier",
                  "tous les francais", "tous les particuliers", "tous les consommateurs", "les consommateurs",
                  "tous les individus", "tous les citoyens", "tous les internautes", "tous les utilisateurs",
                  "tous les clients", "toutes les entreprises", "toutes les societes", "toutes les pme|tpe",
                  "toutes les structures", "toutes les organisations", "n importe quelle entreprise|personne",
                  "n importe quelle societe|structure|organisation", "chaque personne|individu|entreprise",
                  "tous les menages|foyers|adultes",
                  "toutes les petites entreprises|societes|structures|boites",
                  # a size class of firms with nothing that narrows it: "les PME", "les TPE et PME"
                  "les pme|tpe|eti|pmi", "pme|tpe", "les petites et moyennes entreprises",
                  "{tous les|toutes les|n importe quel|n importe quelle|chaque} " + BROAD_GROUPS_FR)
BROAD_NOUNS_EN = ("people", "all people", "all persons", "the general public", "general public",
                  "the whole world", "the entire world", "the whole population", "the population",
                  "all consumers", "consumers", "all individuals", "all customers", "all users", "all adults",
                  "all households", "all businesses", "all companies", "all smes|smbs", "all firms",
                  "all organizations|organisations", "any business|company|person|organization",
                  "every business|company|person|household|organization", "all americans|europeans",
                  "all|any|every small|smaller|little business|businesses|company|companies|firms",
                  # a size class of firms with nothing that narrows it: "SMEs", "small and medium businesses"
                  "smes|smbs", "small and medium businesses|enterprises|companies", "small businesses",
                  "all|any|every " + BROAD_GROUPS_EN)
# Said as is, these are broad whatever follows.
BROAD_EXPLICIT_FR = ("pas ...2 de cible|cibles precise|precises|particuliere|specifique",
                     "aucune cible precise|particuliere", "le plus large possible",
                     "le plus de monde possible", "cible tres? large", "tout le marche", "tous les ages",
                     "tout age", "de tout age", "petits et grands", "de 7 a 77 ans", "jeunes et moins jeunes",
                     "jeunes et vieux", "hommes et femmes de tous")
BROAD_EXPLICIT_EN = ("no specific|particular target", "as many people as possible", "as wide as possible",
                     "the whole market", "the entire market", "all ages", "any age", "of all ages",
                     "young and old", "men and women of all", "whoever wants it")
# Words that do not narrow anything: "anyone with a phone", "les gens en général".
TRIVIAL_FR = (
    "telephone portable mobile internet ordinateur mail compte banque besoin besoins envie veut veulent "
    "interesse interesses aime aiment manger mange dormir vivre vit vivent respire achete consomme utilise "
    "utilisent age ages ans monde france europe pays planete terre general generale normal normaux normales "
    "ordinaires lambda moyen moyens tous toutes sexe hommes femmes jeunes vieux petits grands produit "
    "service "
    "application solution notre nos ca cela fait plupart beaucoup simplement juste vraiment connexion lit "
    "ecrit travaille travaillent petites moyennes grandes gros grosses quelconque importe qui quoi souhaite "
    "bien concerne concernes deplacer bouger boire mieux vrai bref realite somme clair"
).split()
TRIVIAL_EN = (
    "phone smartphone computer email account bank need needs want wants wanting interested like likes love "
    "eat sleep live lives breathe buy buys shop consume use uses years old world country planet earth "
    "general normal ordinary regular basically everyday average all any every gender men women young "
    "product service app our it this most many just really wifi connection read write work works small "
    "medium large big wish well concerned move drink go eats drinks sleeps breathes owns has have"
).split()
TRIVIAL = frozenset(TRIVIAL_FR + TRIVIAL_EN)
# Words that open a clause narrowing the head: "everyone who ...", "les gens ayant ...".
NARROWERS_FR = tuple("qui que dont ou ayant avec dans de du des d en sur chez parmi vivant situes "
                     "travaillant exercant".split())
NARROWERS_EN = tuple("who that which whose where with having in at from of on among working living based "
                     "located running owning".split())
NARROWERS = frozenset(NARROWERS_FR + NARROWERS_EN)
COMPARATIVES = frozenset("comme like than".split())
QUANTIFIERS = frozenset("all any every tous toutes tout chaque n les the le la".split())
# Adjectives that can come before the noun they narrow.
PRE_ADJECTIVES = frozenset(
    "busy young old elderly rich poor wealthy active sick injured single new local urban rural jeunes vieux "
    "vieilles nouveaux nouvelles riches pauvres actifs actives".split()
)
ADJECTIVE_ENDINGS = ("y", "ed", "ing", "al", "ive", "ous", "ful", "ic", "ent", "ant", "ish", "less", "able",
                     "ible", "ary", "conscious", "minded", "savvy", "aware")
# "before anyone calls an agency": the pronoun is inside a subordinate clause, not the target.
SUBORDINATORS = frozenset(
    "before after if unless until whether when once so avant apres si lorsque quand".split()
)
SUBORDINATOR_PAIRS = (["pour", "que"], ["afin", "que"], ["so", "that"], ["sans", "que"])
NUMBER_WORDS = frozenset(
    "one two three four five ten dozen hundred un deux trois quatre cinq dix cent".split()
)
_PRONOUNS = compile_all(BROAD_PRONOUNS_FR, BROAD_PRONOUNS_EN)
_NOUNS = compile_all(BROAD_NOUNS_FR, BROAD_NOUNS_EN)
_EXPLICIT = compile_all(BROAD_EXPLICIT_FR, BROAD_EXPLICIT_EN)
WIDE_AGE_SPAN = 40
_AGE_RANGE = compile_all(("de|from|between|entre|aged? # a|to|and|et? # ans|years|yo|old",))


def _content(tokens: Sequence[Token]) -> list[str]:
    return [t.norm for t in tokens
            if t.norm not in FUNCTION_WORDS and not t.norm.isdigit() and len(t.norm) > 1]


def _clause_after(tokens: Sequence[Token], m: Match, limit: int = 10) -> list[Token]:
    clause = tokens[m.end - 1].clause
    return [t for t in tokens[m.end:m.end + limit] if t.clause == clause]


def _narrowed_by_clause(tokens: Sequence[Token], m: Match, adjectives_after: bool) -> bool:
    """"everyone who runs a dental practice", "les gens pressés" (French adjectives follow the noun)."""
    after = _clause_after(tokens, m)
    if not after:
        return False
    first = after[0].norm
    participle = len(first) > 4 and first.endswith(("ing", "ant")) and first not in TRIVIAL
    adjective = adjectives_after and first not in FUNCTION_WORDS and first not in TRIVIAL
    if first in NARROWERS or participle or adjective:
        return any(w not in TRIVIAL for w in _content(after))
    return False


def _narrowed_before(tokens: Sequence[Token], m: Match) -> bool:
    """An adjective right before a bare head: "busy people", "eco-conscious consumers", "jeunes gens".
    Verbs are not adjectives: "helps people", "I guess all SMEs" stay broad."""
    if tokens[m.start].norm in QUANTIFIERS or m.start == 0:
        return False
    prev = tokens[m.start - 1]
    word = prev.norm
    if prev.clause != tokens[m.start].clause or word in FUNCTION_WORDS or word in TRIVIAL or word.isdigit():
        return False
    return word in PRE_ADJECTIVES or word.endswith(ADJECTIVE_ENDINGS)


def _not_a_target(tokens: Sequence[Token], m: Match) -> bool:
    """"comme tout le monde", "before anyone calls", "30 people", "millions of people": not the founder's
    target."""
    before = [t.norm for t in tokens[max(0, m.start - 2):m.start] if t.clause == tokens[m.start].clause]
    if not before:
        return False
    last = before[-1]
    # "millions of people", "des milliers de personnes": a number before the word is a size, not a target
    number = before[-2] if last in ("of", "de", "d") and len(before) == 2 else last
    return (last in COMPARATIVES or last in SUBORDINATORS or number.isdigit() or number in NUMBER_WORDS
            or number in all_grammar_words().quantities
            or before[-2:] in (["plus", "que"], ["mieux", "que"], *SUBORDINATOR_PAIRS))


def _dismissed(tokens: Sequence[Token], m: Match) -> bool:
    """The founder negates it, compares with it, or says it was an early belief they have dropped."""
    return (negated_before(tokens, m) or negated_after(tokens, m) or _not_a_target(tokens, m)
            or past_belief_before(tokens, m) or contrast_after(tokens, m))


def _wide_age_range(tokens: Sequence[Token]) -> Match | None:
    for m in find_all(tokens, _AGE_RANGE):
        ages = [int(t.norm) for t in tokens[m.start:m.end] if t.norm.isdigit()]
        if len(ages) == 2 and ages[1] - ages[0] >= WIDE_AGE_SPAN:
            return m
    return None


def people_only_as_exchange_sides(ctx: DetectionContext) -> bool:
    """Every broad word of the answer is a platform side described by what it does there ("makers list
    their pieces, people find a gift"): the answer names nobody as a target in general."""
    tokens = tokenise(ctx.answer)
    found = [*find_all(tokens, _PRONOUNS), *find_all(tokens, _NOUNS)]
    return bool(found) and is_platform(context_text(ctx)) and all(exchange_verb_at(tokens, m.end) for m in found)


@scoped("intake", "for_whom", "most_important", "priority")
def too_broad(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    french = ctx.language == "fr"

    def broad_pronoun(m: Match) -> bool:
        return not (_dismissed(tokens, m) or _narrowed_by_clause(tokens, m, adjectives_after=False))

    platform = is_platform(context_text(ctx))

    def broad_noun(m: Match) -> bool:
        narrowed = _narrowed_by_clause(tokens, m, adjectives_after=french) or _narrowed_before(tokens, m)
        # "makers list their pieces, people find a gift": one side of the exchange the platform runs,
        # described by what it does there, not a claim that everyone is the customer.
        side = platform and exchange_verb_at(tokens, m.end)
        return not (_dismissed(tokens, m) or narrowed or side)

    m = first_match(tokens, _PRONOUNS, broad_pronoun) or first_match(tokens, _NOUNS, broad_noun)
    m = m or first_match(tokens, _EXPLICIT, lambda m: not _dismissed(tokens, m)) or _wide_age_range(tokens)
    m = m or sweeping_range(tokens, 2)
    if m is None:
        return None
    return hit("too_broad", ctx.answer, tokens, m, f"broad target '{m.pattern.source}' with no qualifier")
