"""Detectors about where the founder puts their focus: too many segments at once, and the small,
new or underserved groups dismissed out of hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain import MAX_SEGMENTS
from assistant.text.cues import contrast_after, is_negator, negated_before
from assistant.text.patterns import Match, compile_all, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.grammar_lists import contains, grammar_lists
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import announced_count, is_group_word
from assistant.understanding.listing import listed_groups, sweeping_range
from assistant.understanding.platform import is_platform
from assistant.understanding.rules import hit, scoped, whole

# --- too_many_segments -------------------------------------------------------------------------------

# "On vise tous les secteurs": every kind of customer at once.
ALL_KINDS_FR = ("tous les secteurs", "tous secteurs", "tous secteurs confondus", "toutes les industries",
                "tous les domaines", "tous les profils", "tous profils", "tous types d|de", "tout type d|de",
                "toutes sortes d|de", "quel que soit le secteur|profil|metier",
                "peu importe le secteur|metier", "b2b b2c et", "b2c b2b et")
ALL_KINDS_EN = ("every industry|sector|vertical", "all industries|sectors|verticals|profiles",
                "any industry|sector|vertical", "all kinds|types|sorts of", "whatever the industry|sector",
                "across all? industries|sectors|verticals", "b2b b2c and", "b2c b2b and")
# Asked which segment comes first, the founder will not choose.
REFUSALS_FR = ("tous|toutes aussi important*", "aussi important* les uns|unes que", "tous|toutes important*",
               "impossible de choisir|prioriser|trancher",
               "on|je|nous ne|n? peut|peux|veut|veux|pouvons|voulons pas choisir|prioriser|trancher",
               "pas de priorite|priorites", "aucune priorite", "{tous|toutes} autant",
               "comptent|compte tous|toutes autant", "tout prendre",
               "veut|veux|voulons|voudrait|voudrions ...2 tous|toutes les? "
               "servir|cibler|viser|garder|adresser")
REFUSALS_EN = ("equally important", "all important", "just as important",
               "can? not|cannot choose|pick|prioriti*|prioritise|prioritize", "do not want to choose",
               "no priority|priorities", "will not choose|pick", "refuse to choose", "all of them equally",
               "take everyone", "want to ...2 serve|target|keep|address all|everyone|everybody",
               "all of them matter")
ALL_AT_ONCE_FR = ("{tous|toutes|tout|chacun|les trois|les 3|les deux} ...5 {en meme temps|simultanement|"
                  "en parallele|d un coup}",
                  "on|nous va|vont|allons tous|toutes les cibler|viser|attaquer|adresser|servir")
ALL_AT_ONCE_EN = ("{all|both|every|each|all three} ...5 {at once|simultaneously|in parallel|at the same "
                  "time}", "go|going after|for all|every|each", "target|targeting|attack|address all of them")
_ALL_KINDS = compile_all(ALL_KINDS_FR, ALL_KINDS_EN)
_REFUSALS = compile_all(REFUSALS_FR, REFUSALS_EN)
_ALL_AT_ONCE = compile_all(ALL_AT_ONCE_FR, ALL_AT_ONCE_EN)
_PAIR_WORDS = frozenset("deux both".split())


def _all_at_once(ctx: DetectionContext, tokens: Sequence[Token]) -> Match | None:
    pair_ok = is_platform(ctx.canvas.startup + "\n" + ctx.answers.get("intake", "") + "\n" + ctx.answer)

    def keep(m: Match) -> bool:
        if negated_before(tokens, m, 5):
            return False
        return not (pair_ok and tokens[m.start].norm in _PAIR_WORDS)

    return first_match(tokens, _ALL_AT_ONCE, keep)


def all_groups_at_once(ctx: DetectionContext, groups: int) -> Detection | None:
    """At `for_whom`, `groups` groups (at least `MAX_SEGMENTS`) said to be pursued all at once ("…, les SSIAD,
    les HAD : on veut tous les avoir en même temps"): the mistake's "all of them at once, no priority"."""
    if ctx.question_id != "for_whom" or groups < MAX_SEGMENTS:
        return None
    tokens = tokenise(ctx.answer)
    m = _all_at_once(ctx, tokens)
    return hit("too_many_segments", ctx.answer, tokens, m, f"{groups} groups, all at once") if m else None


@scoped("intake", "for_whom", "most_important", "priority")
def too_many_segments(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    if ctx.question_id in {"most_important", "priority"}:
        m = first_match(tokens, _REFUSALS, lambda m: not contrast_after(tokens, m))
        m = m or _all_at_once(ctx, tokens)
        if m:
            return hit("too_many_segments", ctx.answer, tokens, m, "refuses to choose among segments")
    m = first_match(tokens, _ALL_KINDS, lambda m: not negated_before(tokens, m)) or sweeping_range(tokens, 3)
    if m:
        return hit("too_many_segments", ctx.answer, tokens, m, f"targets every kind: '{m.pattern.source}'")
    groups = listed_groups(ctx.answer) if ctx.question_id != "intake" else []
    found = all_groups_at_once(ctx, len(groups or split_groups(ctx.answer)))
    if found:
        return found
    announced = announced_count(ctx.answer)
    if announced and announced > MAX_SEGMENTS:
        return whole("too_many_segments", ctx.answer, f"{announced} groups announced")
    if len(groups) > MAX_SEGMENTS and not (announced and announced <= MAX_SEGMENTS):
        return whole("too_many_segments", ctx.answer, f"{len(groups)} groups listed: {groups}")
    return None


# --- ignores_underserved -----------------------------------------------------------------------------

# Small, new, unserved or "other" groups: those the mistake dismisses.
SMALL_REFS_FR = ("petit*", "niche*", "nouveau*", "nouvel*", "nouvelle*", "emergent*", "non equipe*",
                 "pas equipe*", "sous equipe*", "mal servi*", "non servi*", "sous desservi*", "sous servi*",
                 "ruraux", "rural*", "autres", "reste", "marginaux", "minoritaire*", "debutant*", "startup*",
                 "jeunes entreprises", "modeste*", "faibles revenus", "tpe", "micro*", "solo*")
SMALL_REFS_EN = ("small*", "tiny", "niche*", "new", "newcomer*", "emerging", "underserved", "unserved",
                 "under served", "rural*", "others", "rest", "else", "beginner*", "startup*", "low income",
                 "micro*", "mom and pop", "solo*", "indie*")
DISMISSALS_FR = ("ne|n? nous|m interesse|interessent pas", "on s en fiche|fout|moque", "ils? ne valent pas",
                 "ne vaut pas", "pas la peine", "pas interessant*", "aucun interet", "on les ignore",
                 "on les oublie", "on laisse tomber", "on les? laisse {tomber|de cote}", "laisser de cote",
                 "negligeable*", "sans interet", "perte de temps", "pas notre probleme")
DISMISSALS_EN = ("do|does not matter", "not interested in", "not interesting", "do not care about",
                 "not worth", "are not worth", "irrelevant", "do not bother", "waste of time", "forget about",
                 "{we ignore|ignore them}", "leave them aside", "not our problem")
# Dismissals that carry their own object.
DISMISSAL_PHRASES_FR = ("personne d autre ne|n? {compte|nous interesse}", "les autres ne comptent pas",
                        "trop petits? pour nous", "les seuls qui comptent|interessent",
                        "on ne s interesse qu", "seuls les gros|grands {comptent|nous interessent}",
                        "la ou {sont|il y a} deja? les? concurrents|concurrence", "la ou la concurrence",
                        "memes clients que nos|les concurrents", "suivre|copier les|nos concurrents",
                        "que le marche evident", "marche evident et c est tout",
                        "seuls les grands|gros ...2 comptent")
DISMISSAL_PHRASES_EN = ("{no one|nobody|nothing} else matters", "the rest does not matter",
                        "too small {for us|to bother|to matter|to be worth}", "only care about",
                        "only interested in", "the only ones that|who matter",
                        "where the? competitors|competition are|is|already",
                        "same customers as our|the? competit*", "follow|copy the|our competit*",
                        "only the obvious", "only the? big|large|biggest|established ...2 matter|count")
# Turning a group away ("c'est pas pour nous", "forget it"): a mistake when the reason given is what makes
# them underserved (age, low income, no smartphone, not at a desk, rural...).
GROUP_DISMISSALS_FR = ("{c est|ce n est|c n est|ce est} pas pour nous", "pas pour nous",
                       "pas notre marche|cible|clientele", "on les? oublie", "perdre de|du temps avec",
                       "ne|n? ...2 paieront|utiliseront|achete* jamais", "pas la peine de ...2 les|s en")
GROUP_DISMISSALS_EN = ("not for us", "not our market|target|customers", "forget {it|them|about them}",
                       "waste ...2 time on|with", "never bother", "will never|not pay|use|buy|bother",
                       "do|will not bother")
UNDERSERVED_TRAITS_FR = ("appli*", "ordinateur*", "numerique", "pauvre*", "modeste*", "precaire*",
                         "faibles revenus", "agee*", "vieux", "rural*", "campagne", "non equipe*",
                         "pas equipe*", "a l aise", "illettr*", "handicap*", "isole*", "petit*", "seul*",
                         "logement social", "paieront jamais")
UNDERSERVED_TRAITS_EN = ("smartphone*", "app", "apps", "computer*", "digital", "internet", "desk",
                         "low income", "can not afford", "seniors", "elderly", "old", "rural*", "frontline",
                         "shift*", "comfortable", "small*", "tiny", "solo", "social housing", "never pay")
# "ne comptent pas" must end the clause: "ils ne comptent pas leurs heures" is an idiom.
CLAUSE_END_DISMISSALS_FR = ("ne|n? comptent|compte pas",)
CLAUSE_END_DISMISSALS_EN = ("do|does not count",)
_SMALL = compile_all(SMALL_REFS_FR, SMALL_REFS_EN)
_DISMISSALS = compile_all(DISMISSALS_FR, DISMISSALS_EN)
_PHRASES = compile_all(DISMISSAL_PHRASES_FR, DISMISSAL_PHRASES_EN)
_CLAUSE_END = compile_all(CLAUSE_END_DISMISSALS_FR, CLAUSE_END_DISMISSALS_EN)
_GROUP_DISMISSALS = compile_all(GROUP_DISMISSALS_FR, GROUP_DISMISSALS_EN)
_TRAITS = compile_all(UNDERSERVED_TRAITS_FR, UNDERSERVED_TRAITS_EN)
_TRAILING_OK = frozenset("pour nous vraiment really for us du tout at all".split())


def _ends_clause(tokens: Sequence[Token], m: Match) -> bool:
    return all(t.norm in _TRAILING_OK for t in tokens[m.end:] if t.clause == tokens[m.end - 1].clause)


def _small_dismissed(tokens: Sequence[Token], m: Match) -> bool:
    """The small or new group is what is dismissed: named in the dismissal's clause ("les petits ne nous
    intéressent pas", "on se fiche des petits"), or in the clause just before when the dismissal names
    no group of its own: "les petits, on s'en fiche", not "les petits, les grands groupes on s'en fiche"."""
    clause = tokens[m.start].clause
    small = [s for s in find_all(tokens, _SMALL) if not m.start <= s.start < m.end]
    if any(tokens[s.start].clause == clause for s in small):
        return True
    own_group = any(is_group_word(t.norm) for t in tokens if t.clause == clause)
    previous = clause - 1
    return not own_group and any(tokens[s.start].clause == previous and s.start < m.start for s in small)


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


# Negations that describe a group rather than turn one away ("students without a car", "ni les épiceries").
_DESCRIBING_NEGATORS = frozenset("sans without ni nor neither".split())
_VERB_NEGATION = frozenset("ne n".split())  # French negates a verb with ne ... pas
# After a negation that opens a clause, the group refused ("not the solo ones", "pas les grands groupes"); any
# other word describes ("not very comfortable with apps").
_REFUSED_GROUP_OPENERS = frozenset(
    "the those these them any a an our les le la l des ces ceux celles eux un une nos notre".split())


def _verbless(clause: Sequence[Token], verbs: frozenset[str]) -> bool:
    """A clause ending on its negation with no verb negated: "retirees, no" (not "ils ne conduisent pas",
    "they do not")."""
    return not any(t.norm in _VERB_NEGATION for t in clause) and not (len(clause) > 1 and clause[-2].norm in verbs)


def sets_a_group_aside(answer: str) -> bool:
    """Whether the founder turns some group away in `answer`, the act ignores_underserved is about (the reference
    text's mistake: small, new or underserved groups left aside without a look). Either words that turn a
    group away (grammar lexicon `dismissal`, `turning_away`: "forget them", "on les zappe", "hopeless"), or a
    negation of the founder's own: in a clause where they speak of themselves ("we won't build for them",
    "on va pas y aller"), or standing alone at a clause's edge ("seniors, no", "not the solo accountants").

    A negation inside a description of the target is none of these: "students without a car", "ceux qui n'ont
    pas le temps", "the jobs non pourvus", "their broker ignores them" (someone else leaves them unserved).
    """
    tokens = tokenise(answer)
    norms = [t.norm for t in tokens]
    words = grammar_lists()
    if contains(norms, words.dismissal) is not None or contains(norms, words.turning_away) is not None:
        return True
    for i, token in enumerate(tokens):
        if token.norm in _DESCRIBING_NEGATORS or not is_negator(tokens, i):
            continue
        clause = [t for t in tokens if t.clause == token.clause]
        if token.norm == "non" and clause[-1] is not token:
            continue  # "non pourvus", "non équipés": a word's prefix, not a founder's refusal
        refused = (clause[-1] is token and _verbless(clause, words.clause_verbs)
                   or clause[0] is token and len(clause) > 1 and clause[1].norm in _REFUSED_GROUP_OPENERS)
        if refused or any(t.norm in words.first_person for t in clause):
            return True
    return False
