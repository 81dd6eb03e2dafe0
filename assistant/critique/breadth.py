"""Detectors about the reach of the target: too broad, too many segments, the underserved ignored."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.critique.base import Detection, DetectionContext
from assistant.critique.grouping import listed_groups
from assistant.critique.groups import announced_count, is_group_word
from assistant.critique.patterns import Match, compile_all, find_all, first_match
from assistant.critique.platform import is_platform
from assistant.critique.rules import hit, scoped, whole
from assistant.critique.text import contrast_after, negated_after, negated_before, past_belief_before
from assistant.critique.tokens import Token, tokenise
from assistant.domain import MAX_SEGMENTS

# --- too_broad ---------------------------------------------------------------------------------------

# Pronoun-like heads: only a relative or prepositional clause can narrow them ("everyone who ...").
BROAD_PRONOUNS_FR = ("tout le monde", "tt le monde", "n importe qui", "quiconque", "tout un chacun",
                     "toute personne", "tout individu",
                     "tous ceux", "toutes celles", "monsieur et madame tout le monde", "chacun")
BROAD_PRONOUNS_EN = ("everyone", "everybody", "anyone", "anybody", "every one", "any one")
BROAD_GROUPS_FR = ("enfants|parents|familles|etudiants|femmes|hommes|seniors|jeunes|adultes|ados|gens|"
                   "personnes|consommateurs|utilisateurs|clients|boites|entreprises|societes|particuliers|"
                   "foyers")
BROAD_GROUPS_EN = ("kids|kid|children|child|parents|families|students|student|women|men|seniors|adults|teens|"
                   "people|consumers|users|customers|businesses|business|companies|company|households")
# Noun heads: an adjective or a clause can narrow them ("les gens pressés", "busy people").
BROAD_NOUNS_FR = ("les gens", "tous les gens", "toutes les personnes", "le grand public", "grand public",
                  "tout public", "tous publics", "toute la population", "la population", "le monde entier",
                  "tous les francais", "tous les particuliers", "tous les consommateurs", "les consommateurs",
                  "tous les individus", "tous les citoyens", "tous les internautes", "tous les utilisateurs",
                  "tous les clients", "toutes les entreprises", "toutes les societes", "toutes les pme|tpe",
                  "toutes les structures", "toutes les organisations", "n importe quelle entreprise|personne",
                  "n importe quelle societe|structure|organisation", "chaque personne|individu|entreprise",
                  "tous les menages|foyers|adultes",
                  "{tous les|toutes les|n importe quel|n importe quelle|chaque} " + BROAD_GROUPS_FR)
BROAD_NOUNS_EN = ("people", "all people", "all persons", "the general public", "general public",
                  "the whole world", "the entire world", "the whole population", "the population",
                  "all consumers", "consumers", "all individuals", "all customers", "all users", "all adults",
                  "all households", "all businesses", "all companies", "all smes|smbs", "all firms",
                  "all organizations|organisations", "any business|company|person|organization",
                  "every business|company|person|household|organization", "all americans|europeans",
                  "all|any|every small|smaller|little business|businesses|company|companies|firms",
                  "toutes les petites entreprises|societes|structures|boites",
                  "all|any|every " + BROAD_GROUPS_EN)
# Said as is, these are broad whatever follows.
BROAD_EXPLICIT = ("pas ...2 de cible|cibles precise|precises|particuliere|specifique",
                  "aucune cible precise|particuliere", "le plus large possible", "le plus de monde possible",
                  "cible tres? large", "tout le marche", "tous les ages", "tout age", "de tout age",
                  "petits et grands", "de 7 a 77 ans", "no specific|particular target",
                  "as many people as possible", "as wide as possible", "the whole market",
                  "the entire market", "all ages", "any age", "of all ages", "young and old",
                  "jeunes et moins jeunes", "jeunes et vieux", "hommes et femmes de tous",
                  "men and women of all", "whoever wants it")
# Words that do not narrow anything: "anyone with a phone", "les gens en général".
TRIVIAL = frozenset(
    "phone smartphone telephone portable mobile internet ordinateur computer email mail compte account "
    "banque bank besoin besoins need needs envie want wants wanting veut veulent interesse interesses "
    "interested aime aiment like likes love manger eat mange dormir sleep vivre vit vivent live lives "
    "respire breathe achete buy buys shop consomme consume utilise utilisent use uses age ages ans years "
    "old monde world france europe pays country planete planet terre earth general generale normal normaux "
    "normales ordinary ordinaires lambda regular basically everyday average moyen moyens tous toutes all "
    "any every sexe gender hommes femmes men women jeunes young vieux petits grands produit product "
    "service app application solution notre our nos ca it this cela fait most plupart many beaucoup "
    "simplement juste just really vraiment wifi connexion connection lit read ecrit write travaille work "
    "travaillent works small petites petits medium moyennes large grandes big gros grosses quelconque "
    "n'importe importe qui quoi souhaite wish bien well concerne concernes concerned deplacer bouger boire "
    "mieux move drink go".split()
)
STOP = frozenset(
    "le la les l un une des de du d a au aux en dans sur pour par avec sans qui que qu dont ou et est sont "
    "a ont the a an of in on for with to and or who that which whose is are have has be been ce cet cette "
    "ces se s il ils elle elles y on nous vous je j me m n ne pas not do does their leur leurs son sa ses "
    "my your its his her them they we you i".split()
)
NARROWERS = frozenset(
    "qui que dont ou ayant avec dans de du des d en sur chez parmi who that which whose where with having "
    "in at from of on among working vivant living based situes located travaillant exercant running owning"
    .split()
)
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
_EXPLICIT = compile_all(BROAD_EXPLICIT)
WIDE_AGE_SPAN = 40
_AGE_RANGE = compile_all(("de|from|between|entre|aged? # a|to|and|et? # ans|years|yo|old",))


def _content(tokens: Sequence[Token]) -> list[str]:
    return [t.norm for t in tokens if t.norm not in STOP and not t.norm.isdigit() and len(t.norm) > 1]


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
    if first in NARROWERS or participle or (adjectives_after and first not in STOP and first not in TRIVIAL):
        return any(w not in TRIVIAL for w in _content(after))
    return False


def _narrowed_before(tokens: Sequence[Token], m: Match) -> bool:
    """An adjective right before a bare head: "busy people", "eco-conscious consumers", "jeunes gens".
    Verbs are not adjectives: "helps people", "I guess all SMEs" stay broad."""
    if tokens[m.start].norm in QUANTIFIERS or m.start == 0:
        return False
    prev = tokens[m.start - 1]
    word = prev.norm
    if prev.clause != tokens[m.start].clause or word in STOP or word in TRIVIAL or word.isdigit():
        return False
    return word in PRE_ADJECTIVES or word.endswith(ADJECTIVE_ENDINGS)


def _not_a_target(tokens: Sequence[Token], m: Match) -> bool:
    """"comme tout le monde", "before anyone calls", "30 people": not the founder's target."""
    before = [t.norm for t in tokens[max(0, m.start - 2):m.start] if t.clause == tokens[m.start].clause]
    if not before:
        return False
    last = before[-1]
    return (last in COMPARATIVES or last in SUBORDINATORS or last.isdigit() or last in NUMBER_WORDS
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


@scoped("intake", "for_whom", "most_important", "priority")
def too_broad(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    french = ctx.language == "fr"

    def broad_pronoun(m: Match) -> bool:
        return not (_dismissed(tokens, m) or _narrowed_by_clause(tokens, m, adjectives_after=False))

    def broad_noun(m: Match) -> bool:
        narrowed = _narrowed_by_clause(tokens, m, adjectives_after=french) or _narrowed_before(tokens, m)
        return not (_dismissed(tokens, m) or narrowed)

    m = first_match(tokens, _PRONOUNS, broad_pronoun) or first_match(tokens, _NOUNS, broad_noun)
    m = m or first_match(tokens, _EXPLICIT, lambda m: not _dismissed(tokens, m)) or _wide_age_range(tokens)
    m = m or _sweeping_range(tokens, 2)
    if m is None:
        return None
    return hit("too_broad", ctx.answer, tokens, m, f"broad target '{m.pattern.source}' with no qualifier")


# --- too_many_segments -------------------------------------------------------------------------------

ALL_KINDS = ("tous les secteurs", "tous secteurs", "tous secteurs confondus", "toutes les industries",
             "tous les domaines", "tous les profils", "tous profils", "tous types d|de", "tout type d|de",
             "toutes sortes d|de", "quel que soit le secteur|profil|metier", "peu importe le secteur|metier",
             "every industry|sector|vertical", "all industries|sectors|verticals|profiles",
             "any industry|sector|vertical", "all kinds|types|sorts of", "whatever the industry|sector",
             "across all? industries|sectors|verticals", "b2b b2c et|and", "b2c b2b et|and")
RANGE_FROM = frozenset("des de du from".split())
RANGE_TO = frozenset("aux au a to".split())
REFUSALS = ("tous|toutes aussi importants|importantes", "aussi importants|importantes les uns|unes que",
            "tous|toutes importants|importantes", "impossible de choisir|prioriser|trancher",
            "on|je|nous ne|n? peut|peux|veut|veux|pouvons|voulons pas choisir|prioriser|trancher",
            "pas de priorite|priorites", "aucune priorite", "equally important", "all important",
            "just as important", "can? not|cannot choose|pick|prioriti*|prioritise|prioritize",
            "do not want to choose", "no priority|priorities", "will not choose|pick", "refuse to choose",
            "all of them equally", "{tous|toutes} autant", "comptent|compte tous|toutes autant",
            "tout prendre", "take everyone",
            "veut|veux|voulons|voudrait|voudrions ...2 tous|toutes les? servir|cibler|viser|garder|adresser",
            "want to ...2 serve|target|keep|address all|everyone|everybody", "all of them matter")
ALL_AT_ONCE = ("{tous|toutes|tout|chacun|les trois|les 3|les deux|all|both|every|each|all three} ...5 en "
               "meme temps",
               "{tous|toutes|les trois|les 3|les deux|all|both|all three} ...5 {simultanement|en "
               "parallele|d un coup}",
               "{tous|toutes|les trois|les 3|les deux|all|both|all three} ...5 {at once|simultaneously|in "
               "parallel}", "{tous|toutes|les trois|les 3|les deux|all|both|all three} ...5 at the same time",
               "go|going after|for all|every|each", "target|targeting|attack|address all of them",
               "on|nous va|vont|allons tous|toutes les cibler|viser|attaquer|adresser|servir")
_ALL_KINDS = compile_all(ALL_KINDS)
_REFUSALS = compile_all(REFUSALS)
_ALL_AT_ONCE = compile_all(ALL_AT_ONCE)
_RANGE = compile_all(("des|from ... aux|to",))[0]
_PAIR_WORDS = frozenset("deux both".split())


def _sweeping_range(tokens: Sequence[Token], min_groups: int) -> Match | None:
    """"des étudiants aux retraités", "from freelancers to large corporations": a sweep across groups."""
    for i, tok in enumerate(tokens):
        if tok.norm not in RANGE_FROM:
            continue
        for j in range(i + 2, min(len(tokens), i + 5)):
            if tokens[j].sentence != tok.sentence or tokens[j].norm not in RANGE_TO:
                continue
            tail = [t for t in tokens[j + 1:j + 8] if t.clause == tokens[j].clause]
            first = any(is_group_word(t.norm) for t in tokens[i + 1:j])
            if first and any(is_group_word(t.norm) for t in tail[:3]):
                if 1 + sum(is_group_word(t.norm) for t in tail) >= min_groups:
                    return Match(i, j + 1 + len(tail), _RANGE)
    return None


def _all_at_once(ctx: DetectionContext, tokens: Sequence[Token]) -> Match | None:
    pair_ok = is_platform(ctx.canvas.startup + "\n" + ctx.answers.get("intake", "") + "\n" + ctx.answer)

    def keep(m: Match) -> bool:
        if negated_before(tokens, m, 5):
            return False
        return not (pair_ok and tokens[m.start].norm in _PAIR_WORDS)

    return first_match(tokens, _ALL_AT_ONCE, keep)


@scoped("intake", "for_whom", "most_important", "priority")
def too_many_segments(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    if ctx.question_id in {"most_important", "priority"}:
        m = first_match(tokens, _REFUSALS, lambda m: not contrast_after(tokens, m))
        m = m or _all_at_once(ctx, tokens)
        if m:
            return hit("too_many_segments", ctx.answer, tokens, m, "refuses to choose among segments")
    m = first_match(tokens, _ALL_KINDS, lambda m: not negated_before(tokens, m)) or _sweeping_range(tokens, 3)
    if m:
        return hit("too_many_segments", ctx.answer, tokens, m, f"targets every kind: '{m.pattern.source}'")
    announced = announced_count(ctx.answer)
    if announced and announced > MAX_SEGMENTS:
        return whole("too_many_segments", ctx.answer, f"{announced} groups announced")
    groups = listed_groups(ctx.answer) if ctx.question_id != "intake" else []
    if len(groups) > MAX_SEGMENTS and not (announced and announced <= MAX_SEGMENTS):
        return whole("too_many_segments", ctx.answer, f"{len(groups)} groups listed: {groups}")
    return None


# --- ignores_underserved -----------------------------------------------------------------------------

SMALL_REFS = ("petit*", "small*", "tiny", "niche*", "nouveau*", "nouvel*", "nouvelle*", "new", "newcomer*",
              "emergent*", "emerging", "non equipe*", "pas equipe*", "sous equipe*", "mal servi*",
              "non servi*", "sous desservi*", "sous servi*", "underserved", "unserved", "under served",
              "ruraux", "rural*", "autres", "others", "rest", "reste", "else", "marginaux", "minoritaire*",
              "debutant*", "beginner*", "startup*", "jeunes entreprises", "modeste*", "low income",
              "faibles revenus", "tpe", "micro*", "mom and pop", "solo*", "indie*")
DISMISSALS = ("ne|n? nous|m interesse|interessent pas", "on s en fiche|fout|moque", "ils? ne valent pas",
              "ne vaut pas", "pas la peine", "pas interessant*", "aucun interet", "on les ignore",
              "on les oublie", "on laisse tomber", "on les? laisse {tomber|de cote}", "laisser de cote",
              "negligeable*", "sans interet", "do|does not matter", "not interested in",
              "not interesting", "do not care about", "not worth", "are not worth",
              "irrelevant", "do not bother", "waste of time", "perte de temps", "forget about",
              "{we ignore|ignore them}", "leave them aside", "not our problem", "pas notre probleme")
# Dismissals that carry their own object.
DISMISSAL_PHRASES = ("{no one|nobody|nothing} else matters", "personne d autre ne|n? {compte|nous interesse}",
                     "les autres ne comptent pas", "the rest does not matter", "trop petits? pour nous",
                     "too small {for us|to bother|to matter|to be worth}", "only care about",
                     "only interested in", "the only ones that|who matter",
                     "les seuls qui comptent|interessent", "on ne s interesse qu",
                     "seuls les gros|grands {comptent|nous interessent}",
                     "la ou {sont|il y a} deja? les? concurrents|concurrence", "la ou la concurrence",
                     "where the? competitors|competition are|is|already",
                     "same customers as our|the? competit*", "memes clients que nos|les concurrents",
                     "follow|copy the|our competit*", "suivre|copier les|nos concurrents", "only the obvious",
                     "que le marche evident", "marche evident et c est tout",
                     "only the? big|large|biggest|established ...2 matter|count",
                     "seuls les grands|gros ...2 comptent")
# Turning a group away ("c'est pas pour nous", "forget it"): a mistake when the reason given is what makes
# them underserved (age, low income, no smartphone, not at a desk, rural...).
GROUP_DISMISSALS = ("{c est|ce n est|c n est|ce est} pas pour nous", "pas pour nous", "not for us",
                    "not our market|target|customers", "pas notre marche|cible|clientele",
                    "forget {it|them|about them}", "on les? oublie", "perdre de|du temps avec",
                    "waste ...2 time on|with", "never bother",
                    "ne|n? ...2 paieront|utiliseront|achete* jamais", "will never|not pay|use|buy|bother",
                    "do|will not bother", "pas la peine de ...2 les|s en")
UNDERSERVED_TRAITS = ("smartphone*", "appli*", "app", "apps", "ordinateur*", "computer*", "numerique",
                      "digital", "internet", "desk", "pauvre*", "modeste*", "precaire*", "low income",
                      "faibles revenus", "can not afford", "agee*", "seniors", "elderly", "old", "vieux",
                      "rural*", "campagne", "frontline", "shift*", "non equipe*", "pas equipe*", "a l aise",
                      "comfortable", "illettr*", "handicap*", "isole*", "petit*", "small*", "tiny", "solo",
                      "seul*", "logement social", "social housing", "paieront jamais", "never pay")
# "ne comptent pas" must end the clause: "ils ne comptent pas leurs heures" is an idiom.
CLAUSE_END_DISMISSALS = ("ne|n? comptent|compte pas", "do|does not count")
_SMALL = compile_all(SMALL_REFS)
_DISMISSALS = compile_all(DISMISSALS)
_PHRASES = compile_all(DISMISSAL_PHRASES)
_CLAUSE_END = compile_all(CLAUSE_END_DISMISSALS)
_GROUP_DISMISSALS = compile_all(GROUP_DISMISSALS)
_TRAITS = compile_all(UNDERSERVED_TRAITS)
_TRAILING_OK = frozenset("pour nous vraiment really for us du tout at all".split())


def _ends_clause(tokens: Sequence[Token], m: Match) -> bool:
    return all(t.norm in _TRAILING_OK for t in tokens[m.end:] if t.clause == tokens[m.end - 1].clause)


def _small_dismissed(tokens: Sequence[Token], m: Match) -> bool:
    """The small or new group is what is dismissed: named before the dismissal in the sentence ("les
    petits ne nous intéressent pas"), or after it in the same clause ("on se fiche des petits")."""
    clause, sentence = tokens[m.start].clause, tokens[m.start].sentence
    for s in find_all(tokens, _SMALL):
        if m.start <= s.start < m.end:
            continue
        before = s.start < m.start and tokens[s.start].sentence == sentence
        if before or tokens[s.start].clause == clause:
            return True
    return False


def _underserved_reason(tokens: Sequence[Token], m: Match) -> bool:
    """A trait of underserved groups in the sentence or the one before ("rural clinics? forget them")."""
    sentence = tokens[m.start].sentence
    return any(tokens[t.start].sentence in {sentence, sentence - 1} and not (m.start <= t.start < m.end)
               for t in find_all(tokens, _TRAITS))


@scoped("intake", "for_whom", "most_important", "characteristics", "evidence", "priority")
def ignores_underserved(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, _PHRASES, lambda m: not negated_before(tokens, m, 2))
    m = m or first_match(tokens, _DISMISSALS, lambda m: _small_dismissed(tokens, m))
    m = m or first_match(tokens, _CLAUSE_END,
                         lambda m: _ends_clause(tokens, m) and _small_dismissed(tokens, m))
    m = m or first_match(tokens, _GROUP_DISMISSALS, lambda m: _underserved_reason(tokens, m)
                         and not negated_before(tokens, m, 2))
    if m is None or contrast_after(tokens, m):
        return None
    return hit("ignores_underserved", ctx.answer, tokens, m, f"dismisses smaller or new groups: "
               f"'{m.pattern.source}'")
