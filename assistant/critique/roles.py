"""Detectors about who plays which role: buyer and user conflated, one side of a platform forgotten."""

from __future__ import annotations

from assistant.critique.base import Detection, DetectionContext
from assistant.critique.lists import split_groups
from assistant.critique.platform import is_platform, mentions, names_both_sides, platform_sides
from assistant.critique.rules import context_text, first_match, hit, scoped, segments_text, whole
from assistant.critique.text import contrast_after, is_dont_know, negated_before
from assistant.critique.tokens import compile_all, find, tokenise

# --- buyer_user_confusion ----------------------------------------------------------------------------

INDIFFERENCE = ("peu importe qui ...2 paie|paye|payent|paient|achete*|finance*",
                "on s en fiche|fout|moque ...2 de qui", "qui paie|paye on verra", "pas important de savoir qui",
                "don t|do not|doesn t|does not matter who ...2 pays|pay|buys|buy|purchases",
                "who cares who ...2 pays|buys", "whoever pays", "we don t|do not care who ...2 pays|buys",
                "n a pas d importance qui", "no matter who pays|buys")
SAME_PERSON = ("c est|ce sont la|les meme* personne*", "la meme personne", "les memes personnes",
               "c est pareil", "c est les memes", "ce sont les memes", "la meme chose", "identique*",
               "pas de difference", "same person|people|persons|thing", "they re|they are the same",
               "it s|it is the same", "no difference", "l|les utilisateur*|usager* ...2 paie|paye|payent|paient",
               "l|les utilisateur*|usager* ...2 achete*|finance*|regle*", "the user* ...2 pay|pays|buy|buys",
               "users ...2 pay|buy", "paient|payent|paie|paye eux memes|elle meme|lui meme|elles memes",
               "pay|pays ...2 themselves|for themselves", "de leur poche", "out of their own pocket",
               "out of pocket", "a la fois acheteur* et utilisateur*", "both the? buyer and the? user",
               "buy|buys and use|uses", "achete*|achetent et utilise*|utilisent", "utilise*|utilisent et "
               "paie|paye|payent|paient|achete*|achetent", "use|uses and pay|pays|buy|buys",
               "pay|pays and use|uses", "buyer is ...2 user", "user is ...2 buyer|payer", "acheteur est ...2 "
               "utilisateur", "utilisateur est ...2 acheteur|payeur", "c est lui|eux|elle|elles qui ...2 paie|"
               "paye|payent|paient|achete*", "they re the ones paying|who pay", "the ones who pay",
               "evidemment l utilisateur", "obviously the user", "le meme", "the same")
DIFFERENT = ("different*", "pas la meme", "pas les memes", "not the same", "tandis que", "alors que",
             "whereas", "quelqu un d autre", "someone else", "other people", "d autres personnes",
             "not the ones", "pas eux qui", "pas lui qui", "pas elle qui")
# In the pitch or earlier answers: signs the payer and the user are likely different people.
DIFFERENT_ROLES = ("salarie*", "employe*", "collaborateurs", "equipes", "teams", "staff", "employee*",
                   "workforce", "personnel", "soignant*", "dsi", "drh", "rh", "hr", "achats", "purchasing",
                   "procurement", "it department", "service informatique", "daf", "cfo", "cio",
                   "decideur*", "decision maker*", "mutuelle*", "assurance*", "insurer*", "insurance",
                   "secu", "securite sociale", "rembours*", "reimburs*", "medicare", "medicaid", "cpam",
                   "employeur*", "employer*", "cadeau*", "offrir", "gift*", "ecole*", "school*",
                   "universit*", "lycee*", "creche*", "hopita*", "hospital*", "mairie*", "collectivite*",
                   "municipalit*", "personnes agees", "ehpad", "aidant*", "caregiver*", "elderly", "b2b",
                   "saas", "per seat", "par utilisateur", "licence*", "license*")
CHILD_USERS = ("pour|for|aux|destine*|designed les|the? enfant*|kid*|children|child|bebe*|babies|ados|teens",
               "pour|for|aux les|the? eleves|pupils|students|adolescent*|teenager*|toddler*|tout petits",
               "enfants|kids|children apprennent|learn|jouent|play|utilisent|use")
SOLO = ("freelance*", "independant*", "auto entrepreneur*", "solo", "solopreneur*", "self employed",
        "particuliers", "consumer app", "grand public", "individuals")
_INDIFFERENCE = compile_all(INDIFFERENCE)
_SAME = compile_all(SAME_PERSON)
_DIFFERENT = compile_all(DIFFERENT)
_DIFFERENT_ROLES = compile_all(DIFFERENT_ROLES)
_CHILD_USERS = compile_all(CHILD_USERS)
_SOLO = compile_all(SOLO)


def roles_likely_differ(text: str) -> bool:
    """Children, employees, insured patients, gifts, institutions, platforms: someone else often pays."""
    tokens = tokenise(text)
    if find(tokens, _CHILD_USERS) or is_platform(text):
        return True
    return find(tokens, _DIFFERENT_ROLES) is not None and find(tokens, _SOLO) is None


@scoped("for_whom", "most_important", "buyer_user", "priority")
def buyer_user_confusion(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, _INDIFFERENCE, lambda m: not negated_before(tokens, m, 2))
    if m:
        return hit("buyer_user_confusion", ctx.answer, tokens, m, "who pays does not matter to the founder")
    if ctx.question_id != "buyer_user" or find(tokens, _DIFFERENT):
        return None
    m = first_match(tokens, _SAME, lambda m: not (negated_before(tokens, m, 3) or contrast_after(tokens, m)))
    if m is None or not roles_likely_differ(context_text(ctx, with_answer=False)):
        return None
    return hit("buyer_user_confusion", ctx.answer, tokens, m, "buyer and user said to be the same where they "
               "likely differ")


# --- one_sided_platform ------------------------------------------------------------------------------


@scoped("for_whom", "most_important")
def one_sided_platform(ctx: DetectionContext) -> Detection | None:
    context = context_text(ctx)
    linked = any(s.linked_segments for s in ctx.canvas.segments)
    if not (is_platform(context) or linked) or is_dont_know(ctx.answer) or names_both_sides(ctx.answer):
        return None
    named = "\n".join([ctx.answer, segments_text(ctx)])
    if ctx.question_id == "most_important":
        named += "\n" + ctx.answers.get("for_whom", "")
    sides = platform_sides(context)
    if sum(mentions(named, side) for side in sides) >= 2:
        return None
    groups = {g.lower() for g in split_groups(named) if g.strip()}
    if len(groups) >= 2:
        return None
    return whole("one_sided_platform", ctx.answer, f"platform, sides {sides or '?'}, named only: {sorted(groups)}")
