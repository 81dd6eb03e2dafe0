"""Detectors about who plays which role: buyer and user conflated, one side of a platform forgotten."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.text.cues import contrast_after, negated_before
from assistant.text.patterns import Lexicon, compile_all, find, first_match
from assistant.text.tokens import Token, tokenise
from assistant.understanding.base import Detection, DetectionContext
from assistant.understanding.dont_know import is_dont_know
from assistant.understanding.exchange import GENERIC_GROUPS, provider_patterns, provides
from assistant.understanding.grammar_lists import grammar_lists, phrase_at
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import group_head, group_words, is_group_word, same_group
from assistant.understanding.platform import is_platform, names_both_sides, platform_sides
from assistant.understanding.rules import context_text, hit, scoped, whole

# --- buyer_user_confusion ----------------------------------------------------------------------------

# "Peu importe qui paie": who pays does not matter to the founder.
INDIFFERENCE_FR = ("peu importe qui ...2 paie|paye|payent|paient|achete|achetent|finance|financent",
                   "on s en fiche|fout|moque ...2 de qui", "qui paie|paye on verra",
                   "pas important de savoir qui", "n a pas d importance qui")
INDIFFERENCE_EN = ("do|does not matter who ...2 pays|pay|buys|buy|purchases", "who cares who ...2 pays|buys",
                   "whoever pays", "we do not care who ...2 pays|buys", "no matter who pays|buys")
# Buyer and user said to be one and the same.
SAME_PERSON_FR = ("{c est|ce sont} la|les meme* personne*", "la meme personne", "les memes personnes",
                  "c est pareil", "c est les memes", "ce sont les memes", "la meme chose", "identique*",
                  "pas de difference", "l|les utilisateur*|usager* ...2 paie|paye|payent|paient",
                  "l|les utilisateur*|usager* ...2 achete|achetent|finance|financent|regle*",
                  "paient|payent|paie|paye {eux memes|eux meme|elle meme|lui meme|elles memes}",
                  "de leur poche", "a la fois acheteur* et utilisateur*",
                  "achete|achetent|achetes et utilise*|utilisent",
                  "utilise*|utilisent et paie|paye|payent|paient|achete|achetent|achetes",
                  "acheteur est ...2 utilisateur", "utilisateur est ...2 acheteur|payeur",
                  "c est eux|lui|elle|elles qui ...8 paie|paye|payent|paient|achete|achetent|achetes",
                  "{ce sont|c est} eux|elles qui ...8 paie|paye|payent|paient|achetent", "le meme client",
                  "celui|celle|ceux|celles qui ...3 utilise*|utilisent ...3 qui ...2 "
                  "paie|paye|payent|paient|achete|achetent", "ils ...3 paient|payent eux memes",
                  "evidemment l utilisateur", "le meme")
SAME_PERSON_EN = ("same person|people|persons|thing", "they are the same", "it s|is the same",
                  "no difference", "the user* ...2 pay|pays|buy|buys", "users ...2 pay|buy",
                  "pay|pays ...2 themselves", "out of their own pocket", "out of pocket",
                  "both the? buyer and the? user", "buy|buys and use|uses", "use|uses and pay|pays|buy|buys",
                  "pay|pays and use|uses", "buyer is ...2 user", "user is ...2 buyer|payer",
                  "they are the ones {paying|who pay}", "the ones who pay", "same customer",
                  "they ...3 pay for it themselves", "obviously the user", "the same")
# The founder tells the two roles apart.
DIFFERENT_FR = ("different", "differents", "differente", "differentes", "separement", "distinct*",
                "pas la meme", "pas les memes", "tandis que", "alors que", "l acheteur|payeur|decideur c est",
                "les? utilisateurs? {c est|sont} ...2 les|des? collaborateur*|employe*", "quelqu un d autre",
                "d autres personnes", "pas eux qui", "pas lui qui", "pas elle qui")
DIFFERENT_EN = ("different", "differ", "differs", "separately", "distinct*", "not the same",
                "the buyer|payer is|are", "users? is|are ...2 the? employee*", "whereas", "someone else",
                "other people", "not the ones")
# In the pitch or earlier answers: someone other than the user usually pays.
PAYER_ROLES_FR = ("dsi", "drh", "daf", "achats", "service achats", "service informatique", "decideur*",
                  "mutuelle*|assurance*|secu|cpam ...3 paie|paye|rembours*", "pris en charge", "tiers payant",
                  "rembours*", "employeur*", "cadeau*", "offrir", "offert", "aidant*", "ehpad",
                  "famille paie|paye|finance", "parents paient|payent|paie", "budget formation",
                  "subvention*", "collectivite* finance*", "paye|payee|payes|finance|finances par")
PAYER_ROLES_EN = ("purchasing", "procurement", "it department", "decision maker*", "cfo", "cio", "covered by",
                  "insurer*|insurance ...3 pay|pays|paid|cover*", "reimburs*", "medicare", "medicaid",
                  "employer*", "gift*", "caregiver*", "parents pay|pays", "training budget", "grant*",
                  "paid by")
# Employees and teams: usually the company pays, unless the customer is a one-person business.
TEAM_USERS_FR = ("salaries", "employes", "collaborateurs", "leurs|ses|vos|nos|les|des equipes", "personnel",
                 "soignant*", "techniciens", "commerciaux", "infirmieres", "enseignants", "b2b",
                 "par utilisateur", "par poste", "licence*")
TEAM_USERS_EN = ("teams", "staff", "employee*", "workforce", "sales reps", "nurses", "teachers", "b2b",
                 "per seat", "license*")
CHILD_USERS_FR = ("pour|aux|destine* les|des? enfant*|bebe*|ados",
                  "pour|aux|destine* les|des? eleves|adolescent*",
                  "pour|aux|destine* les|des? collegien*|lyceen*|ecolier*",
                  "enfants apprennent|jouent|utilisent", "collegien*|lyceen*|ecolier*|eleves")
CHILD_USERS_EN = ("for|designed the? kid*|children|child|babies|teens|pupils|teenager*|toddler*",
                  "kids|children learn|play|use", "pupils|toddler*")
SOLO_FR = ("freelance*", "independant*", "auto entrepreneur*", "solo", "particuliers", "grand public",
           "une personne")
SOLO_EN = ("freelance*", "solo", "solopreneur*", "self employed", "consumer app", "individuals", "one person")
# Who does what in the buyer/user answer: "le DAF signe, les comptables utilisent".
PAY_VERBS_FR = ("paie", "paye", "payent", "paient", "signe", "signent", "decide", "decident", "achete",
                "achetent", "finance", "financent", "valide", "valident", "choisit")
PAY_VERBS_EN = ("pay", "pays", "paid", "signs", "sign", "decides", "buys", "buy", "approves", "approve",
                "chooses")
USE_VERBS_FR = ("utilise", "utilisent", "joue", "jouent", "consulte", "consultent", "envoie", "envoient",
                "font", "fait")
USE_VERBS_EN = ("use", "uses", "using", "play", "plays", "read", "reads", "send", "sends", "do", "does")
_PAY = Lexicon(PAY_VERBS_FR, PAY_VERBS_EN)
_USE = Lexicon(USE_VERBS_FR, USE_VERBS_EN)
_INDIFFERENCE = compile_all(INDIFFERENCE_FR, INDIFFERENCE_EN)
_SAME = compile_all(SAME_PERSON_FR, SAME_PERSON_EN)
_DIFFERENT = compile_all(DIFFERENT_FR, DIFFERENT_EN)
_PAYER_ROLES = compile_all(PAYER_ROLES_FR, PAYER_ROLES_EN)
_TEAM_USERS = compile_all(TEAM_USERS_FR, TEAM_USERS_EN)
_CHILD_USERS = compile_all(CHILD_USERS_FR, CHILD_USERS_EN)
_SOLO = compile_all(SOLO_FR, SOLO_EN)


def roles_likely_differ(text: str) -> bool:
    """Children, employees, insured patients, gifts, purchasing departments, platforms: someone other
    than the user often pays."""
    tokens = tokenise(text)
    if find(tokens, _CHILD_USERS) or find(tokens, _PAYER_ROLES) or is_platform(text):
        return True
    return find(tokens, _TEAM_USERS) is not None and find(tokens, _SOLO) is None


def _nearest_group_before(tokens: Sequence[Token], i: int) -> str:
    """The group word nearest before the verb at `i`, not the object of an earlier verb ("c'est eux qui
    paient leur mutuelle et qui l'utilisent": "mutuelle" is what they pay, not who uses)."""
    start = max(0, i - 6)
    words = set(group_words(tokens[start:i]))
    return next((tokens[j].norm for j in range(i - 1, start - 1, -1) if tokens[j].norm in words
                 and not any(t.norm in _PAY or t.norm in _USE for t in tokens[max(0, j - 2):j])), "")


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


def _named_groups(ctx: DetectionContext) -> list[str]:
    """The groups the founder has named as customers so far: in this answer, and in the canvas."""
    texts = [ctx.answer, *(f"{s.name}: {s.who}" for s in ctx.canvas.segments)]
    if ctx.question_id == "most_important":
        texts.append(ctx.answers.get("for_whom", ""))
    return [g for text in texts if text for g in split_groups(text)]


STEM = 5


def _stems(text: str) -> set[str]:
    return {t.norm[:STEM] for t in tokenise(text) if len(t.norm) >= STEM and not is_group_word(t.norm)}


def _side_story(context: str, side: str) -> set[str]:
    """What the session says of one side, as word stems: the clauses that name it ("les commerces du
    quartier mettent en vente leurs invendus" → invendus, vente, quartier). A group described with those
    words ("les boulangeries qui jettent des invendus") is that side under a more precise name."""
    tokens = tokenise(context)
    clauses = {t.clause for t in tokens if same_group(side, t.norm)}
    return {t.norm[:STEM] for t in tokens if t.clause in clauses and len(t.norm) >= STEM
            and not is_group_word(t.norm)}


def _names_side(group: str, side: str) -> bool:
    """"freelance designers who want steady clients" names the side "freelance"; a group named in the reason
    given ("…qui galèrent parce que les artisans répondent pas") is not named as a customer."""
    tokens = tokenise(group)
    norms = [t.norm for t in tokens]
    cut = next((i for i in range(len(norms)) if phrase_at(norms, i, grammar_lists().reasons)), len(norms))
    return any(same_group(side, t.norm) for t in tokens[:cut] if len(t.norm) > 2)


def _another_group_provides(group: str, side: str) -> bool:
    """"visitors…, and locals with a spare room who want some extra income": another clause of the group read
    describes someone by what they supply. The named side's own supply verbs, in its own clause ("makers who
    sell…"), do not count: that is the side named, not the other one."""
    tokens = tokenise(group)
    own = {t.clause for t in tokens if same_group(side, t.norm)}
    return first_match(tokens, provider_patterns(), lambda m: tokens[m.start].clause not in own) is not None


def pitch_sides(ctx: DetectionContext) -> list[str]:
    """The groups the session says the platform connects: read in what was said before this answer (the
    answer's own objects, "no time for a web shop", are not sides), else with the answer."""
    return platform_sides(context_text(ctx, with_answer=False)) or platform_sides(context_text(ctx))


def names_both_sides_of_the_pitch(ctx: DetectionContext) -> bool:
    """The founder has named, in this answer or the canvas, both groups the session says the platform
    connects (`platform_sides`)."""
    sides = pitch_sides(ctx)
    groups = _named_groups(ctx)
    return len(sides) >= 2 and all(any(_names_side(g, side) for g in groups) for side in sides)


def _sides_named(groups: list[str], sides: list[str], context: str) -> bool:
    """Both sides the pitch says the platform connects are among the groups named."""
    if len(sides) == 2 and sides[0] == sides[1]:
        # peers on both sides ("farmers list idle equipment, other farmers rent it"): both are named when one
        # group is told by what it supplies and another is not
        supplying = [provides(g) for g in groups]
        return any(supplying) and not all(supplying)
    # Another group counts as the missing side only when it is described by what it provides ("les étudiants
    # qui veulent garder des chiens"), not when it is one more group of the same side ("passengers and
    # companies that need rides").
    named = [side for side in sides if any(_names_side(g, side) for g in groups)]
    others = [g for g in groups if not any(_names_side(g, side) for side in sides)]
    missing = [side for side in sides if side not in named]
    told = [g for g in others if provides(g) or any(_stems(g) & _side_story(context, m) for m in missing)]
    # One group read where the founder named two ("visitors…, and locals with a spare room who want some extra
    # income"): the supply side is still told by what it provides.
    told += [g for g in groups if g not in others and len(named) == 1 and _another_group_provides(g, named[0])
             and not any(_names_side(g, m) for m in missing)]
    return len(named) + len(told) >= 2


@scoped("for_whom", "most_important")
def one_sided_platform(ctx: DetectionContext) -> Detection | None:
    context = context_text(ctx)
    linked = any(s.linked_segments for s in ctx.canvas.segments)
    if not (is_platform(context) or linked) or is_dont_know(ctx.answer) or names_both_sides(ctx.answer):
        return None
    groups = _named_groups(ctx)
    heads = [group_head(g) for g in groups]
    sides = pitch_sides(ctx)
    if sides and _sides_named(groups, sides, context):
        return None
    if not sides and len({h for h in heads if h not in GENERIC_GROUPS}) >= 2:
        return None
    reason = f"platform with sides {sides or '?'}, named only {sorted(heads)}"
    return whole("one_sided_platform", ctx.answer, reason)
