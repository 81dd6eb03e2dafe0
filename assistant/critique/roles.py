"""Detectors about who plays which role: buyer and user conflated, one side of a platform forgotten."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.critique.base import Detection, DetectionContext
from assistant.critique.grouping import split_groups
from assistant.critique.groups import group_head, group_words
from assistant.critique.patterns import Lexicon, compile_all, find, first_match
from assistant.critique.platform import (
    GENERIC_GROUPS,
    is_platform,
    names_both_sides,
    platform_sides,
    same_group,
)
from assistant.critique.rules import context_text, hit, scoped, whole
from assistant.critique.text import contrast_after, is_dont_know, negated_before
from assistant.critique.tokens import Token, tokenise

# --- buyer_user_confusion ----------------------------------------------------------------------------

INDIFFERENCE = ("peu importe qui ...2 paie|paye|payent|paient|achete|achetent|finance|financent",
                "on s en fiche|fout|moque ...2 de qui", "qui paie|paye on verra",
                "pas important de savoir qui", "do|does not matter who ...2 pays|pay|buys|buy|purchases",
                "who cares who ...2 pays|buys", "whoever pays", "we do not care who ...2 pays|buys",
                "n a pas d importance qui", "no matter who pays|buys")
SAME_PERSON = ("{c est|ce sont} la|les meme* personne*", "la meme personne", "les memes personnes",
               "c est pareil", "c est les memes", "ce sont les memes", "la meme chose", "identique*",
               "pas de difference", "same person|people|persons|thing", "they are the same",
               "it s|is the same", "no difference", "l|les utilisateur*|usager* ...2 paie|paye|payent|paient",
               "l|les utilisateur*|usager* ...2 achete|achetent|finance|financent|regle*",
               "the user* ...2 pay|pays|buy|buys", "users ...2 pay|buy",
               "paient|payent|paie|paye {eux memes|eux meme|elle meme|lui meme|elles memes}",
               "pay|pays ...2 themselves", "de leur poche", "out of their own pocket", "out of pocket",
               "a la fois acheteur* et utilisateur*", "both the? buyer and the? user",
               "buy|buys and use|uses", "achete|achetent|achetes et utilise*|utilisent",
               "utilise*|utilisent et paie|paye|payent|paient|achete|achetent|achetes",
               "use|uses and pay|pays|buy|buys", "pay|pays and use|uses", "buyer is ...2 user",
               "user is ...2 buyer|payer", "acheteur est ...2 utilisateur",
               "utilisateur est ...2 acheteur|payeur",
               "c est lui|eux|elle|elles qui ...2 paie|paye|payent|paient|achete|achetent",
               "they are the ones {paying|who pay}", "the ones who pay",
               "c est eux|lui|elle|elles qui ...8 paie|paye|payent|paient|achete|achetent|achetes",
               "le meme client", "same customer", "they ...3 pay for it themselves",
               "{ce sont|c est} eux|elles qui ...8 paie|paye|payent|paient|achetent",
               "celui|celle|ceux|celles qui ...3 utilise*|utilisent ...3 qui ...2 "
               "paie|paye|payent|paient|achete|achetent", "ils ...3 paient|payent eux memes",
               "evidemment l utilisateur", "obviously the user", "le meme", "the same")
DIFFERENT = ("different", "differents", "differente", "differentes", "differ", "differs", "separement",
             "separately", "distinct*", "pas la meme", "pas les memes", "not the same", "tandis que",
             "alors que", "l|the acheteur|buyer|payeur|payer|decideur {c est|is|sont|are}",
             "utilisateurs|users|utilisateur|user {c est|is|sont|are} ...2 les|the|des? "
             "collaborateur*|employe*", "whereas", "quelqu un d autre", "someone else", "other people",
             "d autres personnes", "not the ones", "pas eux qui", "pas lui qui", "pas elle qui")
# In the pitch or earlier answers: someone other than the user usually pays.
PAYER_ROLES = ("dsi", "drh", "daf", "achats", "service achats", "purchasing", "procurement", "it department",
               "service informatique", "decideur*", "decision maker*", "cfo", "cio", "covered by",
               "mutuelle*|insurer*|insurance|assurance*|secu|cpam ...3 "
               "paie|paye|pay|pays|paid|cover*|rembours*", "pris en charge", "tiers payant", "rembours*",
               "reimburs*", "medicare", "medicaid", "employeur*", "employer*", "cadeau*", "offrir", "offert",
               "gift*", "aidant*", "caregiver*", "ehpad", "famille paie|paye|finance",
               "parents paient|payent|paie|pay|pays", "budget formation", "training budget", "subvention*",
               "grant*", "collectivite* finance*", "paid by", "paye|payee|payes|finance|finances par")
# Employees and teams: usually the company pays, unless the customer is a one-person business.
TEAM_USERS = ("salaries", "employes", "collaborateurs", "leurs|ses|vos|nos equipes", "teams", "staff",
              "employee*", "workforce", "personnel", "soignant*", "techniciens", "commerciaux", "sales reps",
              "nurses", "infirmieres", "enseignants", "teachers", "b2b", "per seat", "par utilisateur",
              "par poste", "licence*", "license*")
CHILD_USERS = ("pour|for|aux|destine*|designed les|the|des? "
               "enfant*|kid*|children|child|bebe*|babies|ados|teens",
               "pour|for|aux|destine*|designed les|the|des? eleves|pupils|adolescent*|teenager*|toddler*",
               "pour|for|aux|destine*|designed les|the|des? collegien*|lyceen*|ecolier*",
               "enfants|kids|children apprennent|learn|jouent|play|utilisent|use",
               "collegien*|lyceen*|ecolier*|eleves|pupils|toddler*")
SOLO = ("freelance*", "independant*", "auto entrepreneur*", "solo", "solopreneur*", "self employed",
        "particuliers", "consumer app", "grand public", "individuals", "one person", "une personne")
PAY_VERBS = ("paie", "paye", "payent", "paient", "pay", "pays", "paid", "signe", "signent", "signs", "sign",
             "decide", "decident", "decides", "achete", "achetent", "buys", "buy", "finance", "financent",
             "valide", "valident", "approves", "approve", "choisit", "chooses")
USE_VERBS = ("utilise", "utilisent", "use", "uses", "using", "joue", "jouent", "play", "plays", "consulte",
             "consultent", "read", "reads", "envoie", "envoient", "send", "sends", "do", "does", "font",
             "fait")
_PAY = Lexicon(PAY_VERBS)
_USE = Lexicon(USE_VERBS)
_INDIFFERENCE = compile_all(INDIFFERENCE)
_SAME = compile_all(SAME_PERSON)
_DIFFERENT = compile_all(DIFFERENT)
_PAYER_ROLES = compile_all(PAYER_ROLES)
_TEAM_USERS = compile_all(TEAM_USERS)
_CHILD_USERS = compile_all(CHILD_USERS)
_SOLO = compile_all(SOLO)


def roles_likely_differ(text: str) -> bool:
    """Children, employees, insured patients, gifts, purchasing departments, platforms: someone other
    than the user often pays."""
    tokens = tokenise(text)
    if find(tokens, _CHILD_USERS) or find(tokens, _PAYER_ROLES) or is_platform(text):
        return True
    return find(tokens, _TEAM_USERS) is not None and find(tokens, _SOLO) is None


def _nearest_group_before(tokens: Sequence[Token], i: int) -> str:
    words = set(group_words(tokens[max(0, i - 6):i]))
    return next((t.norm for t in reversed(tokens[max(0, i - 6):i]) if t.norm in words), "")


def roles_told_apart(tokens: Sequence[Token]) -> bool:
    """"the claims director signs, the adjusters use the reports": someone pays, someone else uses."""
    for sentence in {t.sentence for t in tokens}:
        idx = [i for i, t in enumerate(tokens) if t.sentence == sentence]
        payers = {_nearest_group_before(tokens, i) for i in idx if tokens[i].norm in _PAY} - {""}
        users = {_nearest_group_before(tokens, i) for i in idx if tokens[i].norm in _USE} - {""}
        if payers and users and not any(same_group(p, u) for p in payers for u in users):
            return True
    return False


@scoped("for_whom", "most_important", "buyer_user", "priority")
def buyer_user_confusion(ctx: DetectionContext) -> Detection | None:
    tokens = tokenise(ctx.answer)
    m = first_match(tokens, _INDIFFERENCE, lambda m: not negated_before(tokens, m, 2))
    if m:
        return hit("buyer_user_confusion", ctx.answer, tokens, m, "who pays does not matter to the founder")
    said_different = first_match(tokens, _DIFFERENT, lambda m: not negated_before(tokens, m))
    told_apart = said_different is not None or roles_told_apart(tokens)
    if ctx.question_id != "buyer_user" or told_apart:
        return None
    m = first_match(tokens, _SAME, lambda m: not (negated_before(tokens, m, 3) or contrast_after(tokens, m)))
    if m is None or not roles_likely_differ(context_text(ctx, with_answer=False)):
        return None
    return hit("buyer_user_confusion", ctx.answer, tokens, m, "buyer and user said to be the same where they "
               "likely differ")


# --- one_sided_platform ------------------------------------------------------------------------------


def _named_heads(ctx: DetectionContext) -> list[str]:
    """The groups the founder has named as customers so far: in this answer, and in the canvas."""
    texts = [ctx.answer, *(f"{s.name}: {s.who}" for s in ctx.canvas.segments)]
    if ctx.question_id == "most_important":
        texts.append(ctx.answers.get("for_whom", ""))
    return [group_head(g) for text in texts if text for g in split_groups(text)]


@scoped("for_whom", "most_important")
def one_sided_platform(ctx: DetectionContext) -> Detection | None:
    context = context_text(ctx)
    linked = any(s.linked_segments for s in ctx.canvas.segments)
    if not (is_platform(context) or linked) or is_dont_know(ctx.answer) or names_both_sides(ctx.answer):
        return None
    heads = _named_heads(ctx)
    sides = platform_sides(context)
    named = [side for side in sides if any(same_group(side, h) for h in heads)]
    if sides and len(named) >= 2:
        return None
    others = {h for h in heads if h not in GENERIC_GROUPS and not any(same_group(h, n) for n in named)}
    if len(named) + len(others) >= 2:
        return None
    reason = f"platform with sides {sides or '?'}, named only {sorted(heads)}"
    return whole("one_sided_platform", ctx.answer, reason)
