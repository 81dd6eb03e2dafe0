"""Detectors about what backs the segments: no real evidence, or segments treated as fixed forever."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.critique.base import Detection, DetectionContext
from assistant.critique.patterns import Lexicon, Match, compile_all, find, find_all, first_match
from assistant.critique.rules import ALL_QUESTIONS, hit, scoped, whole
from assistant.critique.text import contrast_after, is_dont_know, is_hedged, negated_before
from assistant.critique.tokens import Token, tokenise

# --- not_validated -----------------------------------------------------------------------------------

EVIDENCE_NOUNS = ("interview*", "entretien*", "entrevue*", "sondage*", "questionnaire*", "survey*",
                  "enquete*", "etude*", "test*", "prototype*", "mvp",
                  "donnees", "data", "analytics", "retention", "conversion*", "taux", "experiment*",
                  "landing", "demo", "demos", "observation*", "terrain", "shadowing", "focus", "retours",
                  "feedback*", "clients", "customers", "users", "utilisateurs", "calls", "appels", "reponses",
                  "responses", "answers", "repondants", "respondents", "discussions", "conversations",
                  "rendez", "meetings", "rencontres", "echanges", "inscrit*", "inscription*", "signup*",
                  "sign", "abonne*", "subscriber*", "commandes", "orders", "downloads", "telechargements",
                  "visites", "visits", "personnes", "people", "restaurateurs")
# Verbs of research count when they say with how many people: "interviewé 22 infirmières".
EVIDENCE_VERBS = ("interroge*", "interviewe*", "sonde", "sondes", "surveyed", "discute", "talked", "spoke",
                  "parle", "rencontre", "met", "asked", "demande", "appele", "called", "questionne*", "teste",
                  "tested")
# Strong on their own: money changed hands or a customer committed.
COMMITMENTS = ("pilot*", "pilote*", "poc", "beta*", "precommande*", "preorder*", "pre order*",
               "lettre* d intention", "loi", "lois", "letters of intent", "waitlist", "waiting list",
               "liste d attente", "payants", "paying", "mrr", "arr", "revenue", "chiffre d affaires",
               "contrats? signes", "signed", "paid", "payes", "paye", "nos|our ventes|sales",
               "we|on|nous ...3 sold|vendu", "clients actifs|recurrents", "active|repeat customers|users")
QUANTITIES = frozenset(
    "quelques plusieurs dizaine dizaines vingtaine trentaine quarantaine cinquantaine centaine centaines "
    "beaucoup nombreux nombreuses several few dozen dozens hundreds many multiple numerous une un a "
    "an".split()
)
PAST_ACTIONS = ("fait", "mene*", "realise*", "lance*", "interroge*", "interviewe*", "sonde*", "teste*",
                "conduit", "organise*", "did", "ran", "conducted", "interviewed", "surveyed", "tested",
                "launched", "piloted", "collected", "collecte*", "recueilli*", "obtenu*", "eu", "had", "got",
                "avons", "have", "we have", "parle", "talked", "spoke", "discute", "rencontre", "met",
                "asked", "demande")
FUTURE = ("va", "vont", "allons", "vais", "prevoi*", "prevu*", "compte", "comptons", "aimerai*", "voudrai*",
          "souhait*", "bientot", "prochain*", "will", "going", "gonna", "plan*", "soon", "next", "intend*",
          "would", "hope", "espere*", "esperons", "scheduled", "upcoming", "venir")
VAGUE_GAPS = ("pas encore", "rien pour {l instant|le moment}", "rien de concret", "rien encore",
              "pas de donnees|chiffres|preuves|preuve|validation|tests", "pas vraiment", "not yet",
              "nothing yet", "none yet", "no data", "no evidence", "no proof", "not really",
              "nothing concrete", "no real data|research|evidence", "pas eu le temps", "did not have time",
              "not had time", "rien", "nothing", "none", "aucune", "aucun")
# Said anywhere: the founder has not talked to or tested with customers.
RESEARCH_GAPS = ("pas encore ...3 parle|discute|interroge|rencontre|teste|valide|verifie|sonde|confronte",
                 "aucun|aucune|zero|0 interview*|entretien*|sondage*|test*",
                 "on|nous|j|je ne|n? ...2 pas ...2 valide|verifie|teste|interroge|demande|parle|sonde|fait d",
                 "have|has not ...3 talked|spoken|asked|interviewed|tested|validated|"
                 "surveyed|checked|met", "did not ...3 talk|ask|interview|test|validate|survey|check",
                 "no|zero|0 interviews|conversations|tests")
# Said at the evidence question: nothing to show.
EVIDENCE_GAPS = ("no|zero|0 customers|users|clients|data",
                 "pas de clients|interviews|entretiens|retours|utilisateurs", "rien de formel|formal",
                 "nothing formal", "pas d etude|entretien*|interview*")
CERTAINTY = ("je|on|nous|j suis|est|sommes|en assez|tres|vraiment|plutot|totalement|completement|bien? "
             "sur|sure|surs|sures|certain*|convaincu*|persuade*", "{j en suis|je suis} sur|sure|convaincu*",
             "{i am|we are} pretty|quite|really|very|totally|absolutely|fairly|so|100? "
             "sure|certain|convinced|positive", "{c est|il est} evident", "aucun doute",
             "100 sure|certain|percent", "je le sais", "je sais qu ils|elles|on|c", "tout le monde le? sait",
             "it s|is obvious", "obviously they", "no doubt", "my gut", "gut feeling", "i just know",
             "i know they", "we know they", "everyone knows", "no brainer", "ca se voit", "ca va de soi",
             "c est clair", "trust me", "ils en ont forcement besoin", "they definitely need")
INTUITION = ("evidemment", "bien sur", "obviously", "clearly", "of course", "intuition", "instinct",
             "feeling", "au pif", "mon experience", "ma propre experience", "mon vecu", "j ai vecu",
             "je l ai vecu", "moi meme", "bon sens", "c est logique",
             "je connais {bien|le secteur|le milieu}", "j ai travaille ...4 ans", "my own experience",
             "my experience", "personal experience", "i have been there", "i was one of them",
             "i know because|it|that", "we know that|it", "common sense", "self evident",
             "i have worked ...4 years", "i know the industry|market|sector", "i worked ...4 years", "gut",
             "logique", "logical", "personally", "personnellement", "it just? makes sense", "ca a du sens",
             "ca parait logique|evident")
FRIENDS = ("autour de moi", "dans mon entourage", "everyone|people|everybody i know",
           "les gens que je connais", "amis", "ami", "amie", "amies", "potes", "pote", "mates", "mate",
           "buddies", "pals", "voisin*", "neighbours", "neighbors", "copains", "copines", "famille",
           "proches", "entourage", "ma mere|soeur|femme|copine|cousine|voisine",
           "mon pere|frere|mari|copain|cousin|coloc", "friends", "friend", "family", "relatives",
           "my mom|mum|mother|dad|father|wife|husband|sister",
           "my brother|girlfriend|boyfriend|partner|roommate|cousin|neighbour|neighbor", "people around me",
           "mes proches")
_FUTURE = Lexicon(FUTURE)
_EVIDENCE = compile_all(EVIDENCE_NOUNS)
_EVIDENCE_VERBS = compile_all(EVIDENCE_VERBS)
_COMMITMENTS = compile_all(COMMITMENTS)
_PAST = compile_all(PAST_ACTIONS)
_VAGUE_GAPS = compile_all(VAGUE_GAPS, EVIDENCE_GAPS)
_RESEARCH_GAPS = compile_all(RESEARCH_GAPS)
_CERTAINTY = compile_all(CERTAINTY)
_INTUITION = compile_all(INTUITION)
_FRIENDS = compile_all(FRIENDS)
GENERIC_EVIDENCE = frozenset("clients customers users utilisateurs personnes people restaurateurs retours "
                             "feedback feedbacks".split())


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


SURE_FOLLOWERS = frozenset("que qu de d et a 100 of that about they it".split())


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


# --- never_revisited ---------------------------------------------------------------------------------

SUBJECTS = ("segment*", "segmentation*", "cible*", "ciblage", "target*", "marche", "market*", "client*",
            "customer*", "persona*", "profil*", "utilisateur*", "user*", "clientele")
FROZEN = ("ne|n? ...2 change*|bouge*|evolu*|varie* pas|jamais|plus", "change*|bouge*|evolu* jamais",
          "ne|n? va|vont|devrai*|doit pas|jamais change*|bouge*|evolu*", "toujours les memes",
          "restera|resteront|reste|restent ...2 {les "
          "memes|identiques|identique|stables|stable|figes|fige|comme ca|ainsi}",
          "restera|resteront eux|elles",
          "not ...3 change|changing|move|moving|evolve|evolving|shift|shifting", "not going anywhere",
          "never change*|move*|evolve*|shift*", "{stay|stays|remain|remains|will stay} the same",
          "always be the same", "how it will stay", "it will stay that way", "always been and")
NO_REVISIT = ("pas besoin de|d ...2 "
              "revoir|reviser|mettre|revenir|retoucher|changer|refaire|reevaluer|reconsiderer",
              "pas la peine de|d ...2 revoir|revenir|changer|reviser|actualiser",
              "se reposer|reposer la question",
              "ne|n? ...3 reviendr*|reverr*|revoir|retoucher|reviser|toucher pas|jamais|plus",
              "ne|n? va|vont|allons pas|jamais|plus ...2 "
              "revoir|reviser|revenir|changer|toucher|retoucher|actualiser", "no need to ...2 "
              "revisit|review|update|revise|change|redo|reassess|reconsider|touch|rethink|look",
              "not ...3 revisit*|review*|update*|revise*|redo*|reassess*|reconsider*|touch*|rethink*",
              "never ...2 revisit*|review*|update*|revise*|rethink*",
              "no point ...2 revisit*|review*|updat*|rethink*",
              "no reason to ...3 change|revisit|rethink*|review|update|revise|look",
              "pas de raison de|d ...2 changer|revoir", "aucune raison de|d ...2 changer|revoir|reviser",
              "rien a changer|revoir", "nothing to change|revisit",
              "ne|n? compte|comptons|veut|voulons pas ...2 toucher|retoucher|revoir|changer|revenir")
FIXED_IDIOMS = ("une fois pour toutes", "once and for all", "set in stone", "grave* dans le marbre",
                "c est regle", "done and dusted", "carved in stone", "ne|n? bouge pas", "does not move",
                "is what it is", "that s done", "it s done", "c est fait")
# Adjectives that only say "fixed" after a verb of being: "nos segments sont figés", "it's locked in".
FIXED_STATES = ("fige*", "definiti*", "immuable*", "stable*", "fixe", "fixes", "fixed", "locked",
                "verrouille*", "static")
COPULAS = frozenset("est sont c s is are be been sera seront will restent reste rester stay stays remain "
                    "remains considered".split())
STALE = ("il y a # ans|an", "# years ago", "depuis # ans", "years ago", "des annees")
STILL_FINE = ("c est bon", "toujours valable", "pas change", "toujours pareil", "toujours la meme",
              "on garde", "ca marche toujours", "still valid", "still works", "still good", "has not changed",
              "never changed", "have not changed", "same since", "still the same", "we keep", "pas bouge",
              "rien a changer", "nothing to change", "fine")
# After "won't change", these keep the claim about the segments ("... with time", "... ever").
TIME_WORDS = frozenset(
    "avec le la les temps dans prochaines prochains annees ans mois over time in the next years months soon "
    "avant longtemps long for a while ever jamais d ici de sitot demain tomorrow vraiment really nous us "
    "pour toujours always forever and et c est sur sure certain it them ca cela that".split()
)
TEMPORARY = ("pour l instant", "pour le moment", "for now", "at the moment", "at this stage", "a ce stade",
             "dans l immediat", "short term", "court terme", "beaucoup", "much", "tant que", "as long as")
_SUBJECTS = compile_all(SUBJECTS)
_FROZEN = compile_all(FROZEN)
_NO_REVISIT = compile_all(NO_REVISIT)
_FIXED_IDIOMS = compile_all(FIXED_IDIOMS)
_FIXED_STATES = compile_all(FIXED_STATES)
_STALE = compile_all(STALE)
_STILL_FINE = compile_all(STILL_FINE)
_TEMPORARY = compile_all(TEMPORARY)


def _about_segments(tokens: Sequence[Token], m: Match) -> bool:
    sentence = tokens[m.start].sentence
    return any(tokens[s.start].sentence in {sentence, sentence - 1} and s.start != m.start
               for s in find_all(tokens, _SUBJECTS))


def _claim_ends(tokens: Sequence[Token], m: Match) -> bool:
    clause = tokens[m.end - 1].clause
    return all(t.norm in TIME_WORDS for t in tokens[m.end:] if t.clause == clause)


def _qualified(tokens: Sequence[Token], m: Match) -> bool:
    sentence = tokens[m.start].sentence
    temporary = any(tokens[t.start].sentence == sentence for t in find_all(tokens, _TEMPORARY))
    return temporary or contrast_after(tokens, m)


def _fixed(tokens: Sequence[Token], m: Match, copula: bool) -> bool:
    if not _about_segments(tokens, m) or negated_before(tokens, m, 3):
        return False
    return not copula or any(t.norm in COPULAS for t in tokens[max(0, m.start - 2):m.start])


def _stale_and_fine(tokens: Sequence[Token]) -> Match | None:
    for stale in find_all(tokens, _STALE):
        sentence = tokens[stale.start].sentence
        if any(tokens[f.start].sentence == sentence for f in find_all(tokens, _STILL_FINE)):
            return stale
    return None


@scoped("for_whom", "most_important", "characteristics", "jobs", "pains", "gains", "buyer_user", "evidence",
        "priority")
def never_revisited(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, _FROZEN, lambda m: _about_segments(tokens, m) and _claim_ends(tokens, m))
    m = m or first_match(tokens, _NO_REVISIT, lambda m: _about_segments(tokens, m) or _claim_ends(tokens, m))
    m = m or first_match(tokens, _FIXED_IDIOMS, lambda m: _fixed(tokens, m, copula=False))
    m = m or first_match(tokens, _FIXED_STATES, lambda m: _fixed(tokens, m, copula=True))
    if m is None or _qualified(tokens, m):
        m = _stale_and_fine(tokens)
        if m is None or not _about_segments(tokens, m):
            return None
    return hit("never_revisited", ctx.answer, tokens, m, f"segments treated as fixed: '{m.pattern.source}'")

