"""The not_validated detector: segments resting on conviction, intuition, friends or plans rather than
customer research. Real evidence (a number of interviews, a pilot, pre-orders, paying users) clears it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from assistant.text.cues import is_hedged, negated_before
from assistant.text.patterns import Lexicon, Match, compile_all, find, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.rules import ALL_QUESTIONS, hit, scoped, whole

# Research a founder can report; it counts with a number ("15 entretiens") or a verb in the past.
EVIDENCE_NOUNS_FR = ("entretien*", "entrevue*", "sondage*", "questionnaire*", "enquete*", "etude*", "test*",
                     "prototype*", "donnees", "taux", "demo", "demos", "observation*", "terrain", "retours",
                     "clients", "utilisateurs", "appels", "reponses", "repondants", "discussions",
                     "rendez", "rencontres", "echanges", "inscrit*", "inscription*", "abonne*", "commandes",
                     "telechargements", "visites", "personnes", "restaurateurs")
EVIDENCE_NOUNS_EN = ("interview*", "survey*", "test*", "prototype*", "mvp", "data", "analytics", "retention",
                     "conversion*", "experiment*", "landing", "demo", "demos", "observation*", "shadowing",
                     "focus", "feedback*", "customers", "users", "calls", "responses", "answers",
                     "respondents", "conversations", "meetings", "signup*", "sign", "subscriber*", "orders",
                     "downloads", "visits", "people")
# Verbs of research count when they say with how many people: "interviewé 22 infirmières".
EVIDENCE_VERBS_FR = ("interroge*", "interviewe*", "sonde", "sondes", "discute", "parle", "rencontre",
                     "demande", "appele", "questionne*", "teste")
EVIDENCE_VERBS_EN = ("interviewed", "surveyed", "talked", "spoke", "met", "asked", "called", "tested")
# Strong on their own: money changed hands or a customer committed.
COMMITMENTS_FR = ("pilote*", "poc", "beta*", "precommande*", "lettre* d intention", "liste d attente",
                  "payants", "chiffre d affaires", "contrats? signes", "payes", "paye", "nos ventes",
                  "on|nous ...3 vendu", "clients actifs|recurrents")
COMMITMENTS_EN = ("pilot*", "poc", "beta*", "preorder*", "pre order*", "loi", "lois", "letters of intent",
                  "waitlist", "waiting list", "paying", "mrr", "arr", "revenue", "signed", "paid",
                  "our sales", "we ...3 sold", "active|repeat customers|users")
QUANTITIES_FR = ("quelques", "plusieurs", "dizaine", "dizaines", "vingtaine", "trentaine", "quarantaine",
                 "cinquantaine", "centaine", "centaines", "beaucoup", "nombreux", "nombreuses", "une", "un")
QUANTITIES_EN = ("several", "few", "dozen", "dozens", "hundreds", "many", "multiple", "numerous", "a", "an")
QUANTITIES = frozenset(QUANTITIES_FR + QUANTITIES_EN)
PAST_ACTIONS_FR = ("fait", "mene*", "realise*", "lance*", "interroge*", "interviewe*", "sonde*", "teste*",
                   "conduit", "organise*", "collecte*", "recueilli*", "obtenu*", "eu", "avons", "parle",
                   "discute", "rencontre", "demande")
PAST_ACTIONS_EN = ("did", "ran", "conducted", "interviewed", "surveyed", "tested", "launched", "piloted",
                   "collected", "had", "got", "have", "we have", "talked", "spoke", "met", "asked")
FUTURE_FR = ("va", "vont", "allons", "vais", "prevoi*", "prevu*", "compte", "comptons", "aimerai*",
             "voudrai*", "souhait*", "bientot", "prochain*", "espere*", "esperons", "venir")
FUTURE_EN = ("will", "going", "gonna", "plan*", "soon", "next", "intend*", "would", "hope", "scheduled",
             "upcoming")
# Said at the evidence question: nothing to show.
VAGUE_GAPS_FR = ("pas encore", "rien pour {l instant|le moment}", "rien de concret", "rien encore",
                 "pas de donnees|chiffres|preuves|preuve|validation|tests", "pas vraiment", "pas eu le temps",
                 "rien", "aucune", "aucun", "pas de clients|interviews|entretiens|retours|utilisateurs",
                 "rien de formel", "pas d etude|entretien*|interview*", "aucun|aucune|zero|0 test*")
VAGUE_GAPS_EN = ("not yet", "nothing yet", "none yet", "no data", "no evidence", "no proof", "not really",
                 "nothing concrete", "no real data|research|evidence", "did not have time", "not had time",
                 "nothing", "none", "no|zero|0 customers|users|clients|data", "nothing formal")
# Said anywhere: the founder has not talked to or tested with customers.
RESEARCH_GAPS_FR = ("pas encore ...3 parle|discute|interroge|rencontre|teste|valide|verifie|sonde|confronte",
                    "aucun|aucune|zero|0 interview*|entretien*|sondage*",
                    "on|nous|j|je ne|n? ...2 pas ...2 "
                    "valide|verifie|teste|interroge|demande|parle|sonde|fait d")
RESEARCH_GAPS_EN = ("have|has not ...3 talked|spoken|asked|interviewed|tested|validated|surveyed|checked|met",
                    "did not ...3 talk|ask|interview|test|validate|survey|check",
                    "no|zero|0 interviews|conversations|tests")
# Conviction stated as fact.
CERTAINTY_FR = ("je|on|nous|j suis|est|sommes|en assez|tres|vraiment|plutot|totalement|completement|bien? "
                "sur|sure|surs|sures|certain*|convaincu*|persuade*",
                "{j en suis|je suis} sur|sure|convaincu*", "{c est|il est} evident", "aucun doute",
                "tout le monde le? sait", "ils en ont forcement besoin")
CERTAINTY_EN = ("{i am|we are} pretty|quite|really|very|totally|absolutely|fairly|so|100? "
                "sure|certain|convinced|positive", "100 sure|certain|percent", "it s|is obvious", "no doubt",
                "my gut", "gut feeling", "i just know", "everyone knows", "no brainer", "trust me",
                "they definitely need")
# Intuition and the founder's own story offered as evidence.
INTUITION_FR = ("je le sais", "je sais qu ils|elles|on|c", "ca se voit", "ca va de soi", "c est clair",
                "evidemment", "bien sur", "intuition", "instinct", "feeling", "au pif", "mon experience",
                "ma propre experience", "mon vecu", "j ai vecu", "je l ai vecu", "moi meme", "bon sens",
                "c est logique", "je connais {bien|le secteur|le milieu}", "j ai travaille ...4 ans",
                "logique", "personnellement", "ca a du sens", "ca parait logique|evident")
INTUITION_EN = ("i know they", "we know they", "obviously", "clearly", "of course", "intuition", "instinct",
                "feeling", "my own experience", "my experience", "personal experience", "i have been there",
                "i was one of them", "i know because|it|that", "we know that|it", "common sense",
                "self evident", "i have worked ...4 years", "i know the industry|market|sector",
                "i worked ...4 years", "gut", "logical", "personally", "it just? makes sense")
# Friends and family: weak evidence on its own.
FRIENDS_FR = ("autour de moi", "dans mon entourage", "les gens que je connais", "amis", "ami", "amie",
              "amies", "potes", "pote", "voisin*", "copains", "copines", "famille", "proches", "entourage",
              "ma mere|soeur|femme|copine|cousine|voisine", "mon pere|frere|mari|copain|cousin|coloc",
              "mes proches")
FRIENDS_EN = ("everyone|people|everybody i know", "mates", "mate", "buddies", "pals", "neighbours",
              "neighbors", "friends", "friend", "family", "relatives",
              "my mom|mum|mother|dad|father|wife|husband|sister",
              "my brother|girlfriend|boyfriend|partner|roommate|cousin|neighbour|neighbor",
              "people around me")
GENERIC_EVIDENCE = frozenset("clients customers users utilisateurs personnes people restaurateurs retours "
                             "feedback feedbacks".split())
# French "sûr" folds to "sur" (on): only these after it make it "sure".
SURE_FOLLOWERS = frozenset("que qu de d et a 100 of that about they it".split())
_FUTURE = Lexicon(FUTURE_FR, FUTURE_EN)
_EVIDENCE = compile_all(EVIDENCE_NOUNS_FR, EVIDENCE_NOUNS_EN)
_EVIDENCE_VERBS = compile_all(EVIDENCE_VERBS_FR, EVIDENCE_VERBS_EN)
_COMMITMENTS = compile_all(COMMITMENTS_FR, COMMITMENTS_EN)
_PAST = compile_all(PAST_ACTIONS_FR, PAST_ACTIONS_EN)
_VAGUE_GAPS = compile_all(VAGUE_GAPS_FR, VAGUE_GAPS_EN)
_RESEARCH_GAPS = compile_all(RESEARCH_GAPS_FR, RESEARCH_GAPS_EN)
_CERTAINTY = compile_all(CERTAINTY_FR, CERTAINTY_EN)
_INTUITION = compile_all(INTUITION_FR, INTUITION_EN)
_FRIENDS = compile_all(FRIENDS_FR, FRIENDS_EN)


def _planned(tokens: Sequence[Token], m: Match) -> bool:
    clause = tokens[m.start].clause
    near = [t for t in tokens[max(0, m.start - 6):m.end + 3] if t.clause == clause]
    return any(t.norm in _FUTURE for t in near)


def _quantified(tokens: Sequence[Token], m: Match) -> bool:
    before = [t.norm for t in tokens[max(0, m.start - 3):m.start] if t.sentence == tokens[m.start].sentence]
    if any(w in {"0", "zero"} for w in before):
        return False
    return any(w.isdigit() or w in QUANTITIES for w in before)


def _counts(tokens: Sequence[Token], m: Match) -> bool:
    """An evidence word that reports research done (not negated, not planned)."""
    if negated_before(tokens, m, 5) or _planned(tokens, m):
        return False
    if tokens[m.start].norm in GENERIC_EVIDENCE:
        return _quantified(tokens, m) and not _friends_near(tokens, m)
    sentence = tokens[m.start].sentence
    past = any(tokens[p.start].sentence == sentence and p.start != m.start for p in find_all(tokens, _PAST))
    return _quantified(tokens, m) or past


def _research_done(tokens: Sequence[Token], m: Match) -> bool:
    """"On a interviewé 22 infirmières", "talked to a dozen owners": a research verb with a number."""
    if negated_before(tokens, m, 5) or _planned(tokens, m) or _friends_near(tokens, m):
        return False
    after = [t.norm for t in tokens[m.end:m.end + 5] if t.sentence == tokens[m.start].sentence]
    return any(w.isdigit() and w != "0" or w in QUANTITIES - {"une", "un", "a", "an"} for w in after)


def _friends_near(tokens: Sequence[Token], m: Match) -> bool:
    return any(abs(f.start - m.start) <= 4 for f in find_all(tokens, _FRIENDS))


def strong_evidence(tokens: Sequence[Token]) -> Match | None:
    """Real research or a customer commitment reported in these words, if any."""
    commit = first_match(tokens, _COMMITMENTS,
                         lambda m: not (negated_before(tokens, m, 5) or _planned(tokens, m)))
    return (commit or first_match(tokens, _EVIDENCE, lambda m: _counts(tokens, m))
            or first_match(tokens, _EVIDENCE_VERBS, lambda m: _research_done(tokens, m)))


def _is_certainty(tokens: Sequence[Token], m: Match) -> bool:
    """French "sûr" folds to "sur" (on): "on est sur le marché" is not a claim of certainty."""
    if tokens[m.end - 1].norm != "sur" or m.end == len(tokens):
        return True
    nxt = tokens[m.end]
    return nxt.clause != tokens[m.end - 1].clause or nxt.norm in SURE_FOLLOWERS


def _certain(tokens: Sequence[Token], negation_ok: bool) -> Match | None:
    return first_match(tokens, _CERTAINTY, lambda m: _is_certainty(tokens, m)
                       and (negation_ok or not negated_before(tokens, m, 3)))


def _evidence_gap(tokens: Sequence[Token]) -> Match | None:
    return (find(tokens, _RESEARCH_GAPS) or find(tokens, _VAGUE_GAPS) or _certain(tokens, negation_ok=True)
            or find(tokens, _INTUITION) or find(tokens, _FRIENDS))


@scoped(*ALL_QUESTIONS)
def not_validated(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    if strong_evidence(tokens):
        return None
    if ctx.question_id == "evidence":
        m = _evidence_gap(tokens)
        if m:
            return hit("not_validated", ctx.answer, tokens, m, f"no real evidence: '{m.pattern.source}'")
        if is_hedged(tokens) and not is_dont_know(ctx.answer) or _only_plans(tokens):
            return whole("not_validated", ctx.answer, "no evidence given")
        return None
    if ctx.question_id == "intake":
        return None
    m = find(tokens, _RESEARCH_GAPS) or _certain(tokens, negation_ok=False)
    if m is None:
        return None
    return hit("not_validated", ctx.answer, tokens, m, f"certainty without evidence: '{m.pattern.source}'")


def _only_plans(tokens: Sequence[Token]) -> bool:
    mentions = find_all(tokens, _EVIDENCE + _COMMITMENTS + _EVIDENCE_VERBS)
    return bool(mentions) and all(_planned(tokens, m) or negated_before(tokens, m, 5) for m in mentions)


def evidence_level(answer: str) -> Literal["assumption", "partially_validated", "validated"]:
    """How far an answer's evidence goes, on the source's three levels (valider-ses-segments,
    « Ce qui compte comme validé »): a customer commitment (pilot, pre-orders, paying users, signed
    contracts) is validated; research reported with a number or done ("22 entretiens", "interviewed a
    dozen owners") is partially validated; conviction, friends, plans or nothing is an assumption."""
    tokens = tokenise(answer)
    if first_match(tokens, _COMMITMENTS, lambda m: not (negated_before(tokens, m, 5) or _planned(tokens, m))):
        return "validated"
    if strong_evidence(tokens):
        return "partially_validated"
    return "assumption"


def plans_research(answer: str) -> bool:
    """The answer announces research to come ("je vais interroger 20 voyageurs") and reports none."""
    tokens = tokenise(answer)
    return strong_evidence(tokens) is None and _only_plans(tokens)
