"""Detectors about how a segment is described: demographics only, or everyone assumed identical."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.text.cues import FUNCTION_WORDS, contrast_after, negated_after, negated_before
from assistant.text.patterns import Lexicon, Match, compile_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.groups import is_group_word
from assistant.understanding.rules import hit, scoped, whole

# --- demographics_only -------------------------------------------------------------------------------

# Who the customers are on paper, by kind of attribute. Two kinds or more, and nothing else, is the mistake.
DEMOGRAPHICS_FR: dict[str, tuple[str, ...]] = {
    "age": ("ans", "age", "ages", "agee", "agees", "trentenaire*", "quadra*", "quinqua*", "sexagenaire*", "jeune",
            "jeunes", "quadragenaires", "senior*", "retraite*", "adulte*", "ado", "ados", "adolescent*",
            "etudiant*", "generation*", "vingtaine", "trentaine", "quarantaine", "cinquantaine", "mineurs",
            "majeurs"),
    "gender": ("femme*", "homme*", "feminin*", "masculin*", "mixte", "sexe", "filles", "garcons", "mamans",
               "papas", "meres", "peres"),
    "income": ("csp", "csp+", "revenu*", "salaire*", "aise", "aises", "aisee*", "riche*", "classe", "classes",
               "keur", "euros", "eur", "pouvoir", "achat", "modeste*", "moyens", "moyen", "aisance", "haut",
               "hauts", "eleve*", "faible*", "ouvrier*", "moyenne", "superieure*", "pauvre*", "budget*"),
    "location": ("urbain*", "rural*", "ville*", "metropole*", "paris*", "parisien*", "lyon*", "marseille",
                 "bordeaux", "lille", "toulouse", "nantes", "londres", "france", "region*", "idf", "ile",
                 "habitant*", "habitent", "habite", "vivant", "vivent", "vit", "situe*", "centre", "banlieue*",
                 "periurbain*", "quartier*", "province*", "campagne", "europe*", "km", "departement*", "pays",
                 "citadin*", "belgique", "suisse", "quebec", "grandes", "sud", "nord", "est", "ouest", "zone*",
                 "installe*", "proprietaire*", "locataire*", "logement*", "maison*", "appartement*"),
    "occupation": ("cadre*", "manager*", "directeur*", "directrice*", "drh", "dirigeant*", "salarie*",
                   "fonctionnaire*", "profession*", "liberal*", "independant*", "freelance*", "poste", "metier*",
                   "diplome*", "bac", "master", "etudes", "niveau", "col", "blanc", "blancs", "ingenieur*",
                   "actif", "actifs", "active", "actives", "universitaire*", "gerant*", "bureau", "chomeur*"),
    "family": ("marie*", "celibataire*", "couple*", "enfant*", "famille*", "parents", "divorce*", "bebe*"),
    "firm": ("salaries", "employes", "collaborateurs", "effectif*", "ca", "chiffre", "affaires", "taille",
             "secteur*", "industrie*", "pme", "tpe", "eti", "b2b", "m", "meur", "millions", "million",
             "entreprise*", "societe*"),
}
DEMOGRAPHICS_EN: dict[str, tuple[str, ...]] = {
    "age": ("years", "year", "yo", "old", "age", "aged", "millennial*", "gen", "genz", "boomer*", "young",
            "senior*", "retired", "retiree*", "adult", "adults", "teen*", "student*", "generation*", "20s", "30s",
            "40s", "50s"),
    "gender": ("women", "woman", "men", "man", "female*", "male*", "gender", "girls", "boys", "mothers",
               "fathers", "moms", "dads"),
    "income": ("income*", "salary", "affluent", "wealthy", "rich", "middle", "class", "k", "dollars", "usd",
               "purchasing", "power", "low", "high", "upper", "budget*"),
    "location": ("urban", "rural*", "city", "cities", "metropolitan", "london", "york", "living", "live",
                 "lives", "based", "located", "downtown", "suburb*", "countryside", "country", "usa", "uk",
                 "canada", "metro", "big", "south", "north", "east", "west", "settled", "homeowner*", "renter*",
                 "own", "land", "household*", "housing", "house*", "flat*", "area*", "town*"),
    "occupation": ("manager*", "director*", "ceo", "cto", "cfo", "freelance*", "job", "title", "occupation*",
                   "degree", "graduate*", "employee*", "worker*", "executive*", "collar", "engineer*", "working",
                   "educated", "college", "university", "office", "retired", "unemployed", "profession"),
    "family": ("married", "single", "couple*", "kids", "children", "child", "family", "families", "parents",
               "divorce*", "baby", "babies"),
    "firm": ("employees", "staff", "headcount", "revenue", "turnover", "size", "sector*", "industry", "sme*",
             "smb*", "b2b", "m", "millions", "million", "companies", "company"),
}
# Needs, problems, habits, motivations: any of these makes a description more than demographics.
BEHAVIOUR_LEMMAS_FR = ("besoin*", "probleme*", "difficult*", "galere*", "mal", "frustr*", "peur*", "craign*",
                       "inquiet*", "stress*", "cherch*", "veul*", "veut", "voudrai*", "souhait*", "envie*",
                       "aime*", "aiment", "adore*", "deteste*", "prefer*", "habitude*", "utilis*", "achet*",
                       "commande*", "consomm*", "pratiqu*", "font", "courent", "cour*", "voyag*", "cuisin*",
                       "mang*", "lisent", "regard*", "sortent", "depens*", "frequent*", "regulier*",
                       "regulierement", "quotidien*", "hebdo*", "motiv*", "sensible*", "soucieu*",
                       "preoccup*", "attenti*", "passionn*", "engag*", "perd*", "gaspill*", "manqu*",
                       "oubli*", "bless*", "souffr*", "recherch*", "compar*", "teste*", "comportement*",
                       "usage*", "attente*", "valoris*", "objectif*", "doivent", "obliges", "contrainte*",
                       "gerent", "presse*", "connecte*", "sportif*", "digital*", "fois", "jours", "semaine*",
                       "fidel*", "reserv*", "jonglent", "epuise*", "deborde*", "economis*", "investi*",
                       "temps")
BEHAVIOUR_LEMMAS_EN = ("need*", "problem*", "struggl*", "hard", "frustrat*", "fear*", "worr*", "pain*",
                       "look*", "search*", "want*", "wish*", "like", "love*", "hate*", "habit*", "use",
                       "uses", "using", "buy*", "bought", "order*", "shop*", "consum*", "practic*", "run",
                       "runs", "running", "jog*", "train*", "exercis*", "travel*", "cook*", "eat*", "read*",
                       "watch*", "spend*", "often", "regular*", "every", "per", "times", "daily", "weekly",
                       "monthly", "care*", "conscious", "concern*", "passion*", "lose", "loses", "losing",
                       "waste*", "lack*", "forget*", "injur*", "suffer*", "behav*", "expect*", "value*",
                       "goal*", "must", "busy", "trying", "try", "tries", "tired", "juggl*", "commut*",
                       "switch*", "savvy", "early", "adopt*", "willing", "prefer*", "overwhelm*", "manage*",
                       "save*", "saving", "invest*", "time", "digital*")
# Words that carry no information either way: "surtout des hommes", "mostly married", "around 100k".
GLUE = frozenset(
    "surtout mostly plutot rather around environ general generale generalement generally typically "
    "typiquement "
    "souvent majoritairement principalement mainly usually often c ce sont tous all majority majorite "
    "moyenne average avg approx about roughly depuis since entre between aged agees type profil profile "
    "cible target segment clients customers personnes people gens quelques some plus more less moins than "
    "over under par per et and or ou with avec sans without".split()
)
# Verbs after "qui/who" that still describe demographics: "qui vivent à Lyon", "who earn 50k".
DEMOGRAPHIC_VERBS = frozenset(
    "vivent vit habitent habite ont a sont est gagnent gagne travaillent travaille earn earns live lives are "
    "is have has work works agees aged possedent own owns".split()
)
RELATIVES = frozenset("qui who that".split())
NOT_VERBS = frozenset("le la les l un une des de du d a au aux en y the an of in on for with to and or et ou "
                      "leur leurs their his her its ne n not pas se s".split())
LOCATION_PREPOSITIONS = frozenset("a in en dans sur near pres de around".split())
MIN_CATEGORIES = 2
MAX_UNEXPLAINED = 3
MAX_UNEXPLAINED_SHARE = 0.5

AMOUNT = re.compile(r"\d+(?:k|keur|m|meur|euros?)")
_CATEGORIES = {name: Lexicon(DEMOGRAPHICS_FR[name], DEMOGRAPHICS_EN[name]) for name in DEMOGRAPHICS_FR}
_BEHAVIOURS = Lexicon(BEHAVIOUR_LEMMAS_FR, BEHAVIOUR_LEMMAS_EN)

def _category(word: str) -> str | None:
    if AMOUNT.fullmatch(word):
        return "income"
    return next((name for name, lexicon in _CATEGORIES.items() if word in lexicon), None)

def _is_behaviour(tokens: Sequence[Token], i: int) -> bool:
    word = tokens[i].norm
    if word in _BEHAVIOURS:
        return True
    before = [t.norm for t in tokens[max(0, i - 2):i] if t.norm not in {"ne", "n"}]
    relative_verb = bool(before) and before[-1] in RELATIVES
    return relative_verb and word not in DEMOGRAPHIC_VERBS and word not in NOT_VERBS

def _is_place_name(text: str, tokens: Sequence[Token], i: int) -> bool:
    return i > 0 and tokens[i - 1].norm in LOCATION_PREPOSITIONS and text[tokens[i].start].isupper()

def demographic_profile(text: str, include_firm: bool = True) -> tuple[set[str], int, int, int]:
    """(demographic categories, behaviour cues, content words, unexplained words) of a description."""
    tokens = tokenise(text)
    categories: set[str] = set()
    behaviours = content = unexplained = 0
    for i, tok in enumerate(tokens):
        small = (tok.norm in FUNCTION_WORDS or tok.norm in GLUE or tok.norm.isdigit()
                 or (len(tok.norm) < 2 and tok.norm not in {"k", "m"}))
        category = None if small else "location" if _is_place_name(text, tokens, i) else _category(tok.norm)
        small = small or (category is None and is_group_word(tok.norm))
        if category is None and _is_behaviour(tokens, i):
            behaviours += 1
        if small:
            continue
        content += 1
        if category and (include_firm or category != "firm"):
            categories.add(category)
        elif category is None and not _is_behaviour(tokens, i):
            unexplained += 1
    return categories, behaviours, content, unexplained

@scoped("for_whom", "characteristics")
def demographics_only(ctx: DetectionContext) -> Detection | None:
    include_firm = ctx.question_id == "characteristics"
    categories, behaviours, content, unexplained = demographic_profile(ctx.answer, include_firm)
    if len(categories) < MIN_CATEGORIES or behaviours:
        return None
    if unexplained > MAX_UNEXPLAINED or unexplained > MAX_UNEXPLAINED_SHARE * content:
        return None
    return whole("demographics_only", ctx.answer, f"only demographics: {sorted(categories)}")

# --- assumes_homogeneous -----------------------------------------------------------------------------

SAMENESS_FR = ("tous|toutes ...2 pareil*|identique*|semblable*|similaire*|interchangeable*",
               "tous|toutes ...3 les|le|la memes? "
               "besoins|attentes|comportements|habitudes|profils?|envies|usages",
               "tous|toutes ...3 les|le|la memes? "
               "motivations|caracteristiques|gouts|problematiques|priorites", "les memes "
               "besoins|attentes|comportements|habitudes|usages|motivations|caracteristiques|profils",
               "le meme profil|comportement|type de client",
               "pas de|aucune difference* entre eux|elles|les|nos|ces", "se ressemblent",
               "tous|toutes ...3 se ressemblent",
               "memes besoins|attentes|habitudes|comportements|envies|usages|profils",
               "un seul profil|type de client", "profil unique", "client type unique", "homogene*",
               "dans le meme moule", "tous|toutes les memes",
               "veulent|veut|cherchent|attendent|demandent tous|toutes? la meme chose", "tous|toutes pareil",
               "c est le meme besoin|profil|client",
               "le meme accompagnement|produit|service|message|discours pour tous|toutes",
               "la meme offre|approche|solution pour {tous|toutes|tout le monde}",
               "on les traite ...3 {pareil|de la meme facon|de la meme maniere}",
               "traiter ...2 {tous pareil|toutes pareil|de la meme facon|de la meme maniere}",
               "fonctionnent|agissent|pensent|achetent ...2 de la meme facon|maniere",
               "pas la peine de|d ...2 distinguer|segmenter|separer|differencier",
               "pas besoin de|d ...2 distinguer|segmenter|separer|differencier",
               "peu importe qui ils|elles sont", "quel|quelle que soit ...6 meme",
               "qu ils|elles aient ...6 meme", "un seul et meme", "tous dans le meme sac",
               "un client reste un client", "ca marche pour {tous|toutes|tout le monde}")
SAMENESS_EN = ("all ...4 the same", "all alike", "all identical", "all similar",
               "basically|exactly|essentially the same", "pretty much the same",
               "the same needs|behaviours|behaviors|habits|profile|expectations|motivations",
               "same needs|behaviours|behaviors|habits|expectations|motivations",
               "identical needs|profiles|customers",
               "no difference* between them|our|the|these|customers|clients", "one size fits all",
               "homogeneous", "homogenous", "every customer|client|user|one is ...2 same|alike|identical",
               "one typical customer", "a single profile", "cookie cutter", "want|need|expect the same thing",
               "all want|need the same", "they are all ...2 same|alike|identical", "no real differences",
               "work|behave|think|act|buy|operate|function the same way", "treat them ...3 one|same|alike",
               "no point ...2 splitting|segmenting|separating|distinguishing",
               "no need to ...2 split|segment|separate", "does not matter who they are",
               "one version|size|product ...4 fits|suits all|every|everyone", "fits every|all",
               "regardless of ...6 same", "whether ...6 same", "no matter ...6 same", "same for everyone",
               "same product|offer|approach|message for everyone|all")
# "the same as Excel", "at the same time": comparisons, not sameness of customers.
NOT_SAMENESS_AFTER = frozenset(
    "as time que qu than temps moment way price prix problem problems probleme problemes pain pains issue "
    "issues douleur douleurs frustration frustrations".split()
)
_SAMENESS = compile_all(SAMENESS_FR, SAMENESS_EN)
_ARTICLES = frozenset("a an un une".split())
_TAUTOLOGY = compile_all(("un|a _ est|is un|a _",))[0]

def _tautology(tokens: Sequence[Token]) -> Match | None:
    """"A driver is a driver", "un client c'est un client": the founder says there is nothing to tell."""
    for i in range(len(tokens) - 4):
        det, noun, *verb, det2, noun2 = (t.norm for t in tokens[i:i + 5])
        if det in _ARTICLES and det2 in _ARTICLES and noun == noun2 and verb in (["is"], ["est"]):
            return Match(i, i + 5, _TAUTOLOGY)
        det, noun, c, est, det2 = (t.norm for t in tokens[i:i + 5])
        if i + 5 < len(tokens) and det in _ARTICLES and (c, est) == ("c", "est") and det2 in _ARTICLES \
                and tokens[i + 5].norm == noun:
            return Match(i, i + 6, _TAUTOLOGY)
    return None


def _is_sameness(tokens: Sequence[Token], m: Match) -> bool:
    nxt = tokens[m.end].norm if m.end < len(tokens) else ""
    if nxt in NOT_SAMENESS_AFTER:
        return False
    return not (negated_before(tokens, m, 5) or negated_after(tokens, m, 2) or contrast_after(tokens, m))

@scoped("for_whom", "most_important", "characteristics", "jobs", "pains", "gains", "priority")
def assumes_homogeneous(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, _SAMENESS, lambda m: _is_sameness(tokens, m)) or _tautology(tokens)
    if m is None:
        return None
    return hit("assumes_homogeneous", ctx.answer, tokens, m, f"everyone alike: '{m.pattern.source}'")

