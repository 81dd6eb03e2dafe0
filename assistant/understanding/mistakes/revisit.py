"""The never_revisited detector: segments treated as fixed while markets move ("nos segments ne
changeront pas", "once defined, we won't revisit", "on a fait notre segmentation il y a 3 ans et c'est bon").
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.cues import contrast_after, negated_before
from assistant.text.patterns import Match, compile_all, find_all, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.grammar_lists import grammar_lists
from assistant.understanding.rules import hit, scoped

# What the claim must be about: the segments, the target, the market, the customers.
SUBJECTS_FR = ("segment*", "segmentation*", "cible*", "ciblage", "marche", "client*", "persona*", "profil*",
               "utilisateur*", "clientele")
SUBJECTS_EN = ("segment*", "segmentation*", "target*", "market*", "customer*", "persona*", "profile*",
               "user*")
FROZEN_FR = ("ne|n? ...2 change*|bouge*|evolu*|varie* pas|jamais|plus", "change*|bouge*|evolu* jamais",
             "ne|n? va|vont|devrai*|doit pas|jamais change*|bouge*|evolu*", "toujours les memes",
             "restera|resteront|reste|restent ...2 {les memes|identiques|identique|stables|stable|figes|fige|"
             "comme ca|ainsi}", "restera|resteront eux|elles")
FROZEN_EN = ("not ...3 change|changing|move|moving|evolve|evolving|shift|shifting", "not going anywhere",
             "never change*|move*|evolve*|shift*", "{stay|stays|remain|remains|will stay} the same",
             "always be the same", "how it will stay", "it will stay that way", "always been and")
NO_REVISIT_FR = ("pas besoin de|d ...2 "
                 "revoir|reviser|mettre|revenir|retoucher|changer|refaire|reevaluer|reconsiderer",
                 "pas la peine de|d ...2 revoir|revenir|changer|reviser|actualiser",
                 "se reposer|reposer la question",
                 "ne|n? ...3 reviendr*|reverr*|revoir|retoucher|reviser|toucher pas|jamais|plus",
                 "ne|n? va|vont|allons pas|jamais|plus ...2 "
                 "revoir|reviser|revenir|changer|toucher|retoucher|actualiser",
                 "pas de raison de|d ...2 changer|revoir", "aucune raison de|d ...2 changer|revoir|reviser",
                 "rien a changer|revoir",
                 "ne|n? compte|comptons|veut|voulons pas ...2 toucher|retoucher|revoir|changer|revenir")
NO_REVISIT_EN = (
    "no need to ...2 revisit|review|update|revise|change|redo|reassess|reconsider|touch|rethink|look",
    "not ...3 revisit*|review*|update*|revise*|redo*|reassess*|reconsider*|touch*|rethink*",
    "never ...2 revisit*|review*|update*|revise*|rethink*", "no point ...2 revisit*|review*|updat*|rethink*",
    "no reason to ...3 change|revisit|rethink*|review|update|revise|look", "nothing to change|revisit",
)
FIXED_IDIOMS_FR = ("une fois pour toutes", "grave* dans le marbre", "c est regle", "ne|n? bouge pas",
                   "c est fait")
FIXED_IDIOMS_EN = ("once and for all", "set in stone", "done and dusted", "carved in stone", "does not move",
                   "is what it is", "that s done", "it s done")
# Adjectives that only say "fixed" after a verb of being: "nos segments sont figés", "it's locked in".
FIXED_STATES_FR = ("fige*", "definiti*", "immuable*", "stable*", "fixe", "fixes", "verrouille*")
FIXED_STATES_EN = ("fixed", "locked", "static", "stable*", "definitive")
COPULAS = frozenset("est sont c s is are be been sera seront will restent reste rester stay stays remain "
                    "remains considered".split())
# "Our segmentation is three years old and still fine."
STALE_FR = ("il y a # ans|an", "depuis # ans", "des annees")
STALE_EN = ("# years ago", "years ago")
STILL_FINE_FR = ("c est bon", "toujours valable", "pas change", "toujours pareil", "toujours la meme",
                 "on garde", "ca marche toujours", "pas bouge", "rien a changer")
STILL_FINE_EN = ("still valid", "still works", "still good", "has not changed", "never changed",
                 "have not changed", "same since", "still the same", "we keep", "nothing to change", "fine")
# After "won't change", these keep the claim about the segments ("... with time", "... ever").
TIME_WORDS = frozenset(
    "avec le la les temps dans prochaines prochains annees ans mois over time in the next years months soon "
    "avant longtemps long for a while ever jamais d ici de sitot demain tomorrow vraiment really nous us "
    "pour toujours always forever and et c est sur sure certain it them ca cela that".split()
)
# "For now", "much": the founder is not claiming the segments are fixed for good.
TEMPORARY_FR = ("pour l instant", "pour le moment", "a ce stade", "dans l immediat", "court terme",
                "beaucoup", "tant que")
TEMPORARY_EN = ("for now", "at the moment", "at this stage", "short term", "much", "as long as")
# Words of time, change and decision: an answer with none of them says nothing about its segments staying
# fixed (a pitch that only says what the startup does), whatever the never_revisited head guesses.
CHANGE_FR = ("chang*", "revoir", "revu*", "reviser", "revisit*", "reconsider*", "rouvr*", "reouvr*", "repens*",
             "remett*", "toujours", "jamais", "fois", "fige*", "definiti*", "decid*", "rest*", "meme", "memes",
             "depuis", "ans", "annee*", "marbre", "verrouill*", "bouge*", "evolu*", "regle", "reglee", "regles",
             "fixe*", "defini*", "stable*", "pareil*", "valable", "point final", "pas question", "tranche*")
CHANGE_EN = ("chang*", "revisit*", "review*", "revis*", "reconsider*", "rethink*", "reopen*", "redo*", "forever",
             "always", "never", "once", "set", "fixed", "decid*", "stay*", "remain*", "same", "since", "year*",
             "ago", "stone", "concrete", "lock*", "move*", "moving", "evolv*", "shift*", "done", "good", "final",
             "settled", "static", "stable", "permanent*", "decade*", "day one")
_SUBJECTS = compile_all(SUBJECTS_FR, SUBJECTS_EN)
_CHANGE = compile_all(CHANGE_FR, CHANGE_EN)
_FROZEN = compile_all(FROZEN_FR, FROZEN_EN)
_NO_REVISIT = compile_all(NO_REVISIT_FR, NO_REVISIT_EN)
_FIXED_IDIOMS = compile_all(FIXED_IDIOMS_FR, FIXED_IDIOMS_EN)
_FIXED_STATES = compile_all(FIXED_STATES_FR, FIXED_STATES_EN)
_STALE = compile_all(STALE_FR, STALE_EN)
_STILL_FINE = compile_all(STILL_FINE_FR, STILL_FINE_EN)
_TEMPORARY = compile_all(TEMPORARY_FR, TEMPORARY_EN)


def speaks_of_time_or_change(answer: str) -> bool:
    """Whether the answer has any word of time, change or decision (`CHANGE_FR`, `CHANGE_EN`)."""
    return bool(find_all(tokenise(answer), _CHANGE))


# Nouns of change that a pitch may sell ("la révision", "le changement de plaquettes", "per review"): after an
# article they name the service, not a decision about segments.
_ARTICLES = frozenset("le la l les un une des du au aux a an the per each".split())
_SERVICE_NOUNS = ("chang", "revis", "review", "revue", "revu")


def _names_a_service(tokens: Sequence[Token], m: Match) -> bool:
    return m.start > 0 and tokens[m.start - 1].norm in _ARTICLES and tokens[m.start].norm.startswith(_SERVICE_NOUNS)


def speaks_of_the_target_over_time(answer: str) -> bool:
    """Whether a word of time, change or decision shares a sentence with the target (`SUBJECTS_FR`,
    `SUBJECTS_EN`: "c'est notre cible depuis 2018") or with the founder speaking of themselves (grammar lexicon
    `first_person`: "we picked that niche on day one"). A pitch's words of change often name the service
    itself ("59e la révision", "le changement de plaquettes"): those do not count, and a claim about segments
    staying fixed says whose they are."""
    tokens = tokenise(answer)
    changing = {tokens[m.start].sentence for m in find_all(tokens, _CHANGE) if not _names_a_service(tokens, m)}
    founder = grammar_lists().first_person
    subjects = {tokens[m.start].sentence for m in find_all(tokens, _SUBJECTS)}
    return bool(changing & (subjects | {t.sentence for t in tokens if t.norm in founder}))


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
