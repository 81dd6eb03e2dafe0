"""The offline mistake detectors, on answers written the way founders write them.

Each detector has French and English positives and near-miss negatives (negations, narrowed phrases,
real evidence...). A case is (question, answer) or (question, answer, context) where context gives the
pitch, earlier answers or canvas segments.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.canvas import Canvas, Segment
from assistant.domain import MISTAKE_IDS, Language
from assistant.understanding.base import DetectionContext
from assistant.understanding.mistakes import DETECTORS, detect

Case = tuple[Any, ...]


def make_ctx(question: str, answer: str, language: Language, context: dict[str, Any] | None = None
             ) -> DetectionContext:
    context = context or {}
    pitch = context.get("pitch", "")
    segments = [Segment(name=name, who=who) for name, who in context.get("segments", [])]
    canvas = Canvas(language=language, startup=pitch, segments=segments)
    answers = {"intake": pitch, **context.get("answers", {})} if pitch else dict(context.get("answers", {}))
    return DetectionContext(question_id=question, answer=answer, language=language, canvas=canvas,  # type: ignore[arg-type]
                            answers=answers)


def flags(mistake: str, language: Language, case: Case) -> bool:
    question, answer, *rest = case
    ctx = make_ctx(question, answer, language, rest[0] if rest else None)
    found = DETECTORS[mistake](ctx)  # type: ignore[index]
    if found is not None:
        assert found.mistake_id == mistake
        assert found.evidence and len(found.evidence) <= 200
    return found is not None


def cases(table: dict[str, dict[str, list[Case]]], kind: str) -> list[Any]:
    return [pytest.param(m, lang, c, id=f"{m}-{lang}-{i}")
            for m, by_lang in table.items() for lang, items in by_lang.items()
            for i, c in enumerate(items[kind] if isinstance(items, dict) else [])]


CLINIC_TEAMS = {"pitch": "Un logiciel de planning pour les équipes soignantes des cliniques privées"}
KIDS_APP = {"pitch": "Une appli éducative de maths pour les enfants de 6 à 10 ans, abonnement mensuel"}
HR_TOOL = {"pitch": "Un outil RH pour que les salariés posent leurs congés et notes de frais"}
GIFT_BOX = {"pitch": "Une box cadeau d'expériences bien-être à offrir"}
TELECONSULT = {"pitch": "Des téléconsultations de nutrition remboursées par la mutuelle"}
MEDITATION = {"pitch": "Une appli de méditation pour adultes stressés, 7€ par mois"}
ARTISAN_BANK = {"pitch": "Un compte pro pour les artisans indépendants qui travaillent seuls"}
SALES_SAAS = {"pitch": "Un SaaS de prospection pour les équipes commerciales des PME"}
NURSE_SCHEDULING = {"pitch": "Scheduling software for hospital nursing teams"}
KIDS_GAME = {"pitch": "A coding game for kids aged 8 to 11, on tablets"}
EXPENSES = {"pitch": "An expense tool for the employees of mid-size companies"}
NEW_PARENTS_GIFT = {"pitch": "A gift box for new parents, bought by friends and family"}
PHYSIO = {"pitch": "A physio exercise app reimbursed by insurers after knee surgery"}
FREELANCE_BUDGET = {"pitch": "A budgeting app for freelancers who get paid irregularly"}
MEAL_KIT = {"pitch": "Meal kits for busy couples who cook at home"}
KINE_PLATFORM = {"pitch": "Une plateforme qui met en relation des kinés et des patients à domicile"}
FARM_MARKET = {"pitch": "Une marketplace de produits fermiers entre petits producteurs et restaurateurs"}
CARPOOL = {"pitch": "Une appli de covoiturage entre conducteurs et passagers pour les trajets "
                    "domicile-travail"}
RENOVATION = {"pitch": "On connecte les artisans avec les particuliers qui ont des petits travaux"}
SECOND_HAND = {"pitch": "Une place de marché de vêtements d'occasion, on prend une commission sur chaque "
                        "vente"}
DOG_WALKING = {"pitch": "a marketplace connecting dog owners with local dog walkers"}
DESIGN_MATCH = {"pitch": "An app that matches freelance designers with small businesses"}
TUTORING = {"pitch": "A two-sided platform: tutors on one side, students on the other"}
PARKING = {"pitch": "Basically the Airbnb of parking spots, we take 15% of each booking"}
STAYS = {"pitch": "We take a commission on each booking between hosts and guests in the countryside"}
BAKERY_POS = {"pitch": "Un logiciel de caisse pour les boulangeries artisanales"}
NURSE_BUDGET = {"pitch": "a budgeting app for nurses who work night shifts"}

TABLE: dict[str, dict[str, dict[str, list[Case]]]] = {
    "too_broad": {
        "fr": {
            "pos": [
                ("for_whom", "Bah franchement tout le monde, tout le monde mange non ?"),
                ("for_whom", "Je dirais n'importe qui qui a un smartphone en fait"),
                ("intake", "On fait une appli de covoiturage pour les gens, tout simplement"),
                ("most_important", "Tous les Français à terme, c'est un besoin universel"),
                ("for_whom", "Notre cible c'est le grand public, on veut toucher un max de monde"),
                ("for_whom", "tt le monde en vrai, de 7 a 77 ans"),
                ("for_whom", "Les gens en général, monsieur et madame tout le monde"),
                ("for_whom", "Je pense que toutes les entreprises pourraient l'utiliser, des particuliers "
                             "jusqu'aux grands groupes"),
            ],
            "neg": [
                ("for_whom", "Pas tout le monde : les infirmières libérales qui font leurs tournées en "
                             "voiture"),
                ("for_whom", "Tout le monde n'est pas ma cible, je vise les kinés installés en libéral "
                             "depuis moins de 5 ans"),
                ("for_whom", "Les restaurateurs indépendants de Lyon qui font moins de 80 couverts"),
                ("most_important", "Au début je pensais que tout le monde serait intéressé, mais en fait ce "
                                   "sont surtout les parents d'enfants diabétiques"),
                ("for_whom", "Toutes les PME du BTP en Bretagne qui ont entre 5 et 20 salariés"),
                ("for_whom", "Les gens qui courent plus de 3 fois par semaine et se blessent souvent"),
                ("intake", "On aide les dentistes à gérer leurs rendez-vous, comme tout le monde on a "
                           "commencé petit"),
                ("jobs", "Tout le monde déteste attendre au téléphone"),
            ],
        },
        "en": {
            "pos": [
                ("for_whom", "honestly everyone, everybody needs to eat"),
                ("for_whom", "Anyone with a phone really"),
                ("for_whom", "I guess all SMEs, they all have this problem"),
                ("most_important", "People in general, we don't want to limit ourselves"),
                ("intake", "We're building an app that helps people save money."),
                ("for_whom", "basically evryone, from 18 to 80"),
                ("for_whom", "the general public, it's a mass product"),
                ("for_whom", "kids! all kids basically, any kid with a tablet"),
            ],
            "neg": [
                ("for_whom", "Not everyone - mostly independent dental practices in Ohio with 1 to 3 chairs"),
                ("for_whom", "Everyone who runs a dental practice in Lyon and still uses paper charts"),
                ("for_whom", "Busy parents of toddlers who work full time"),
                ("most_important", "At first we thought everyone, but actually it's freelance designers who "
                                   "bill by the hour"),
                ("for_whom", "We are not targeting the general public, only hospital pharmacists"),
                ("intake", "It schedules shifts and fills gaps before anyone has to call an agency"),
                ("for_whom", "Small e-commerce brands doing 10k to 100k a month on Shopify"),
                ("for_whom", "People who commute more than an hour by train every day"),
            ],
        },
    },
    "demographics_only": {
        "fr": {
            "pos": [
                ("characteristics", "Femmes 25-35 ans, CSP+, urbaines"),
                ("characteristics", "Des hommes entre 40 et 55 ans, cadres sup, plutôt en Île-de-France, "
                                    "revenus confortables"),
                ("characteristics", "Principalement des retraités de plus de 65 ans, vivant en zone rurale, "
                                    "revenus modestes"),
                ("for_whom", "Jeunes actifs de 25 à 30 ans, célibataires, habitant à Paris"),
                ("characteristics", "Ce sont des PME de 10 à 50 salariés, CA entre 1 et 5M€, secteur du BTP, "
                                    "en Bretagne"),
                ("characteristics", "Des mamans trentenaires, mariées, 2 enfants, classe moyenne, en "
                                    "banlieue"),
            ],
            "neg": [
                ("characteristics", "Femmes 25-35 ans qui courent 3 fois par semaine et se blessent souvent"),
                ("characteristics", "Des cadres parisiens qui n'ont pas le temps de cuisiner le soir et "
                                    "commandent 3 fois par semaine"),
                ("characteristics", "Retraités de plus de 65 ans qui veulent rester autonomes chez eux mais "
                                    "ont peur de tomber"),
                ("characteristics", "Ils jonglent entre deux boulots, paient leurs factures en retard et "
                                    "cherchent un moyen simple de suivre leur budget"),
                ("characteristics", "PME de 10 à 50 salariés qui perdent des heures chaque mois à relancer "
                                    "les impayés"),
                ("characteristics", "Des kinés libéraux, souvent seuls au cabinet, qui font eux-mêmes leur "
                                    "secrétariat le soir"),
            ],
        },
        "en": {
            "pos": [
                ("characteristics", "Women aged 25-35, high income, living in big cities"),
                ("characteristics", "men 40 to 55, mostly managers, based in london, earning 80k+"),
                ("characteristics", "Retired people over 65, rural areas, low income"),
                ("for_whom", "millennials, 25-34, urban, college educated"),
                ("characteristics", "Companies with 50-200 employees, revenue between 5 and 20M, "
                                    "manufacturing "
                                    "sector, in the Midwest"),
                ("characteristics", "married moms in their 30s, middle class, suburbs"),
            ],
            "neg": [
                ("characteristics", "Women 25-35 who run three times a week and keep getting injured"),
                ("characteristics", "Busy managers in London who skip lunch and order delivery most days"),
                ("characteristics", "Retirees over 65 who want to stay independent at home but are afraid "
                                    "of falling"),
                ("characteristics", "They hate spreadsheets, check their bank app every morning and worry "
                                    "about the tax bill"),
                ("characteristics", "50-200 employee manufacturers that lose hours every week chasing late "
                                    "invoices"),
                ("characteristics", "early adopters who already pay for two or three productivity apps"),
            ],
        },
    },
    "too_many_segments": {
        "fr": {
            "pos": [
                ("for_whom", "Les PME, les ETI, les grands comptes, les collectivités et les associations"),
                ("for_whom", "On vise tous les secteurs, vraiment, la santé, le retail, l'industrie..."),
                ("most_important", "Ils sont tous aussi importants les uns que les autres, on ne peut pas "
                                   "choisir"),
                ("priority", "On va attaquer les trois segments en même temps, pas le choix"),
                ("for_whom", "Des étudiants aux retraités en passant par les entreprises"),
                ("for_whom", "étudiants, jeunes parents, retraités, freelances et petites boîtes"),
            ],
            "neg": [
                ("for_whom", "Deux groupes : les kinés libéraux et les cliniques du sport"),
                ("priority", "On ne va pas tous les attaquer en même temps : d'abord les kinés, les "
                             "cliniques "
                             "ensuite"),
                ("for_whom", "Les commerçants indépendants du centre-ville : fleuristes, cavistes, épiceries "
                             "fines"),
                ("most_important", "Les restaurateurs indépendants, surtout ceux qui ont une terrasse, qui "
                                   "font "
                                   "entre 40 et 80 couverts et qui changent leur carte chaque semaine"),
                ("priority", "Les PME d'abord, les ETI plus tard quand on aura le produit"),
                ("for_whom", "Les femmes actives, urbaines et pressées qui commandent leurs courses en "
                             "ligne"),
            ],
        },
        "en": {
            "pos": [
                ("for_whom", "students, young professionals, retirees and small businesses"),
                ("most_important", "honestly they're all equally important, we can't pick one"),
                ("priority", "We'll go after all of them at once, no time to waste"),
                ("for_whom", "every industry really, healthcare, retail, logistics, finance"),
                ("for_whom", "everyone from students to retirees to companies"),
                ("priority", "all three at the same time, that's the plan"),
            ],
            "neg": [
                ("for_whom", "Two sides: independent restaurants and small farms within 90 minutes of town"),
                ("priority", "We won't go after all of them at once: dental practices first, accountants "
                             "in the fall"),
                ("for_whom", "Small professional offices around Denver with 5 to 30 people, mainly dental "
                             "practices and accounting firms"),
                ("most_important", "Busy parents, mainly moms, who work full time, live in the suburbs and "
                                   "shop online"),
                ("priority", "Start with hospitals, then clinics next year"),
                ("priority", "both at the same time, a marketplace needs both sides",
                 {"pitch": "a marketplace connecting drivers and riders"}),
            ],
        },
    },
    "not_validated": {
        "fr": {
            "pos": [
                ("evidence", "Pour l'instant rien de formel, mais je suis sûr qu'ils en ont besoin"),
                ("evidence", "On n'a pas encore parlé à des clients, on voulait d'abord finir le produit"),
                ("evidence", "C'est évident, tout le monde galère avec ça"),
                ("evidence", "Mes potes et ma famille adorent l'idée"),
                ("evidence", "Je le sais parce que je l'ai vécu moi-même pendant 10 ans"),
                ("evidence", "On va faire des interviews le mois prochain"),
                ("evidence", "je pense que oui, a priori ça devrait marcher"),
                ("most_important", "Les kinés, j'en suis convaincu, ils en ont forcément besoin"),
            ],
            "neg": [
                ("evidence", "On a fait 15 entretiens avec des restaurateurs et un pilote avec 3 "
                             "restaurants"),
                ("evidence", "300 réponses à notre sondage, et une liste d'attente de 200 personnes"),
                ("evidence", "Honnêtement au début c'était une intuition, mais depuis on a interviewé 22 "
                             "infirmières"),
                ("evidence", "On a 40 clients payants depuis janvier et un taux de rétention de 85%"),
                ("evidence", "J'en ai parlé à une vingtaine de gérants de salles de sport, dont quelques "
                             "amis"),
                ("pains", "Ils perdent un temps fou à tout ressaisir, c'est ce qui ressort de nos 12 "
                          "entretiens"),
            ],
        },
        "en": {
            "pos": [
                ("evidence", "Nothing yet honestly, but I'm pretty sure they need it"),
                ("evidence", "We haven't talked to any customers yet"),
                ("evidence", "my gut tells me this is huge"),
                ("evidence", "friends and family said they'd love it"),
                ("evidence", "From my own experience, I was one of them for years"),
                ("evidence", "We plan to run a survey next month"),
                ("evidence", "probably? I guess it makes sense"),
                ("most_important", "Dentists, obviously. I'm 100% sure they need this"),
            ],
            "neg": [
                ("evidence", "We ran 15 interviews and a 6-week pilot with 3 clinics"),
                ("evidence", "we have 40 paying users and a waitlist of 200"),
                ("evidence", "Survey of 300 parents, plus 12 in-depth calls"),
                ("evidence", "I was sure at first, but then we interviewed 25 owners and 18 confirmed the "
                             "problem"),
                ("evidence", "Pre-orders from 60 customers in the first week"),
                ("pains", "They lose hours every week chasing invoices"),
            ],
        },
    },
    "ignores_underserved": {
        "fr": {
            "pos": [
                ("most_important", "Les grands groupes, les petits ne nous intéressent pas"),
                ("most_important", "Ceux qui ne sont pas équipés ne comptent pas, on ne s'en occupe pas"),
                ("priority", "On va là où sont déjà les concurrents, c'est prouvé que ça marche"),
                ("for_whom", "Uniquement les gros cabinets, les petits on s'en fiche"),
                ("most_important", "Les personnes âgées c'est pas pour nous, elles sont pas à l'aise avec "
                                   "une appli"),
                ("priority", "Les indépendants sont trop petits pour nous"),
            ],
            "neg": [
                ("most_important", "Les petits cabinets d'abord : ils sont mal servis par les gros éditeurs"),
                ("most_important", "Les grands groupes ne nous intéressent pas, on vise les TPE"),
                ("priority", "Les petits commerces ruraux plus tard, quand on aura une version hors ligne"),
                ("characteristics", "Les petits restaurateurs ne comptent pas leurs heures et font tout "
                                    "eux-mêmes"),
                ("most_important", "On ne veut pas ignorer les non-équipés : on prévoit une version papier"),
                ("for_whom", "Les indépendants que les banques traditionnelles laissent de côté"),
            ],
        },
        "en": {
            "pos": [
                ("most_important", "We only care about the big established players"),
                ("most_important", "small shops don't matter, not worth our time"),
                ("priority", "No one else matters than the obvious market"),
                ("for_whom", "rural clinics? forget them, they'll never pay for software"),
                ("priority", "We'll go where the competitors already are, it's proven"),
                ("most_important", "Newcomers and tiny agencies aren't worth it, we focus on enterprise"),
            ],
            "neg": [
                ("most_important", "Small clinics first, they're ignored by the big vendors"),
                ("most_important", "Large enterprises don't matter to us right now, we focus on small shops"),
                ("priority", "We don't want to ignore rural users, so we're building an offline mode"),
                ("characteristics", "small farmers don't count their hours and do everything themselves"),
                ("priority", "Start with established practices, then newcomers once we have onboarding"),
                ("for_whom", "Freelancers that banks usually don't care about"),
            ],
        },
    },
    "assumes_homogeneous": {
        "fr": {
            "pos": [
                ("characteristics", "Ils ont tous les mêmes besoins, c'est simple"),
                ("characteristics", "Franchement ils sont tous pareils, un client c'est un client"),
                ("pains", "Ils veulent tous la même chose : payer moins cher"),
                ("most_important", "Un client type unique, tous identiques, pas besoin de segmenter"),
                ("jobs", "Qu'ils aient 20 ou 60 ans, c'est le même besoin"),
                ("characteristics", "Il n'y a pas de différence entre eux, ils fonctionnent tous de la même "
                                    "façon"),
            ],
            "neg": [
                ("characteristics", "Ils n'ont pas tous les mêmes besoins : certains veulent des graphiques, "
                                    "d'autres juste une alerte"),
                ("characteristics", "Ils ne sont pas tous pareils, les jeunes installés sont plus à l'aise "
                                    "avec "
                                    "le numérique"),
                ("pains", "Ils ont tous le même problème : ils perdent du temps à relancer les impayés"),
                ("characteristics", "Ils ont à peu près les mêmes besoins de base, mais leurs usages varient "
                                    "beaucoup"),
                ("priority", "On lance les deux en même temps"),
                ("gains", "Gagner du temps, comme leurs concurrents qui ont déjà le même outil"),
            ],
        },
        "en": {
            "pos": [
                ("characteristics", "All our customers are basically the same"),
                ("characteristics", "they all have the same needs honestly"),
                ("pains", "every customer is the same, they all want it cheaper"),
                ("characteristics", "a nurse is a nurse, one size fits all"),
                ("jobs", "No difference between them really, they all want the same thing"),
                ("most_important", "doesn't matter who they are, the same product works for everyone"),
            ],
            "neg": [
                ("characteristics", "They don't all have the same needs: some want reports, others just "
                                    "alerts"),
                ("characteristics", "Not all the same - new owners are far more digital than veterans"),
                ("pains", "They all share the same problem: chasing late payments"),
                ("characteristics", "Pretty similar core needs, but their habits differ a lot by age"),
                ("jobs", "Book a slot at the same time every week"),
                ("characteristics", "Some are lactose intolerant, others switched for climate reasons"),
            ],
        },
    },
    "never_revisited": {
        "fr": {
            "pos": [
                ("evidence", "On a fait notre segmentation il y a 3 ans et c'est bon, pas besoin d'y "
                             "revenir"),
                ("priority", "Nos segments ne changeront pas, le marché ne bouge pas"),
                ("priority", "Une fois définis, on ne reviendra pas dessus, nos segments c'est figé"),
                ("most_important", "C'est eux depuis le début et ça restera eux, le marché bouge pas"),
                ("evidence", "Nos cibles sont fixées une fois pour toutes"),
                ("priority", "la segmentation c'est définitif, on va pas la revoir tous les ans"),
            ],
            "neg": [
                ("priority", "On revoit nos segments tous les 6 mois avec les données d'usage"),
                ("evidence", "Le marché bouge vite, on devra sûrement revoir la cible l'an prochain"),
                ("characteristics", "Nos clients ne changent pas de fournisseur facilement, ils sont "
                                    "fidèles"),
                ("priority", "Rien n'est figé pour nos segments, on ajustera selon les retours"),
                ("pains", "Leur problème ne change pas d'une saison à l'autre"),
                ("priority", "Pour l'instant on garde ces deux segments, on verra après le pilote"),
            ],
        },
        "en": {
            "pos": [
                ("priority", "Our segments won't change, the market is stable"),
                ("evidence", "We did our segmentation 3 years ago and it still holds, no need to revisit it"),
                ("priority", "Once defined, we won't revisit our segments"),
                ("most_important", "it's locked in, no reason to keep rethinking the segment"),
                ("evidence", "Our target market doesn't move, it'll stay that way"),
                ("priority", "the segments are set in stone"),
            ],
            "neg": [
                ("priority", "We'll revisit the segments every quarter"),
                ("evidence", "The market is changing fast with the new regulation, so we keep an eye on it"),
                ("characteristics", "Customers rarely change suppliers once they're set up"),
                ("priority", "Nothing is set in stone for our segments, we'll adjust after the pilot"),
                ("evidence", "We interviewed 20 users last month and will redo it each quarter"),
                ("priority", "For now we stick with these two segments, we'll see after the pilot"),
            ],
        },
    },
    "buyer_user_confusion": {
        "fr": {
            "pos": [
                ("buyer_user", "C'est la même personne, évidemment", CLINIC_TEAMS),
                ("buyer_user", "C'est les mêmes, les enfants l'utilisent et ce sont eux qui "
                               "paient", KIDS_APP),
                ("buyer_user", "L'utilisateur paie, c'est logique", HR_TOOL),
                ("priority", "Peu importe qui paie, tant que ça tourne"),
                ("buyer_user", "pareil, c'est celui qui l'utilise qui l'achète", GIFT_BOX),
                ("buyer_user", "Le patient paie et utilise, c'est la même personne", TELECONSULT),
            ],
            "neg": [
                ("buyer_user", "C'est la même personne : l'utilisateur s'abonne et paie", MEDITATION),
                ("buyer_user", "Ce n'est pas la même personne : la direction achète, les infirmières "
                               "utilisent", CLINIC_TEAMS),
                ("buyer_user", "Les parents paient, les enfants utilisent", KIDS_APP),
                ("buyer_user", "C'est l'artisan lui-même, il paie et il utilise", ARTISAN_BANK),
                ("buyer_user", "Le directeur commercial achète, ses équipes l'utilisent au quotidien",
                 SALES_SAAS),
                ("most_important", "Les utilisateurs sont les caissiers, c'est le gérant qui paie"),
            ],
        },
        "en": {
            "pos": [
                ("buyer_user", "Same person, obviously", NURSE_SCHEDULING),
                ("buyer_user", "The user pays, obviously", KIDS_GAME),
                ("buyer_user", "users pay for it themselves", EXPENSES),
                ("priority", "doesn't matter who pays as long as they use it"),
                ("buyer_user", "they buy and use it themselves", NEW_PARENTS_GIFT),
                ("buyer_user", "the patient buys and uses it, no difference", PHYSIO),
            ],
            "neg": [
                ("buyer_user", "Same person, the freelancer pays and uses it", FREELANCE_BUDGET),
                ("buyer_user", "Not the same person: nurse managers use it, the hospital's purchasing team "
                               "pays", NURSE_SCHEDULING),
                ("buyer_user", "Parents pay, kids play", KIDS_GAME),
                ("buyer_user", "They buy it and cook it themselves", MEAL_KIT),
                ("buyer_user", "The buyer is the HR director; the users are the employees", EXPENSES),
                ("buyer_user", "owners pay per walk, walkers get paid weekly", DOG_WALKING),
            ],
        },
    },
    "one_sided_platform": {
        "fr": {
            "pos": [
                ("for_whom", "Les patients qui sortent d'une opération du genou", KINE_PLATFORM),
                ("for_whom", "Les restaurateurs du centre-ville qui veulent cuisiner local", FARM_MARKET),
                ("for_whom", "Les conducteurs qui font Lyon-Grenoble tous les jours", CARPOOL),
                ("for_whom", "Les particuliers propriétaires de maisons anciennes", RENOVATION),
                ("for_whom", "Les jeunes femmes qui achètent de la seconde main", SECOND_HAND),
            ],
            "neg": [
                ("for_whom", "Deux côtés : les kinés libéraux et les patients opérés du "
                             "genou", KINE_PLATFORM),
                ("for_whom", "Les restaurateurs qui veulent du local, et les petits producteurs qui veulent "
                             "vendre plus", FARM_MARKET),
                ("for_whom", "Les boulangeries artisanales", BAKERY_POS),
                ("for_whom", "je ne sais pas encore", KINE_PLATFORM),
                ("most_important", "Les patients", {**KINE_PLATFORM, "segments": [
                    ("Patients", "Patients opérés du genou"), ("Kinés", "Kinés libéraux")]}),
            ],
        },
        "en": {
            "pos": [
                ("for_whom", "Busy dog owners in the city", DOG_WALKING),
                ("for_whom", "small businesses that need a logo fast", DESIGN_MATCH),
                ("for_whom", "high school students struggling with maths", TUTORING),
                ("for_whom", "drivers looking for cheap parking downtown", PARKING),
                ("for_whom", "guests who want unique stays", STAYS),
            ],
            "neg": [
                ("for_whom", "Both sides: busy dog owners and students who want to earn money walking dogs",
                 DOG_WALKING),
                ("for_whom", "freelance designers who want steady clients, and small businesses that need a "
                             "logo", DESIGN_MATCH),
                ("for_whom", "night-shift nurses", NURSE_BUDGET),
                ("characteristics", "They book last minute", DOG_WALKING),
                ("for_whom", "Students struggling with maths and the tutors who want more evening hours",
                 TUTORING),
            ],
        },
    },
}


# More ways founders put it: a second set, written independently of the first.
MORE: list[tuple[Any, ...]] = [  # (flagged?, mistake, language, question, answer, context)
    (True, "too_broad", "fr", "for_whom", "Un peu tout le monde en fait, on n'a pas vraiment de cible "
     "précise", None),
    (True, "too_broad", "fr", "for_whom", "Toute personne qui a besoin de se déplacer", None),
    (True, "too_broad", "fr", "for_whom", "les particuliers et les pros, bref tout le monde", None),
    (True, "too_broad", "fr", "intake", "Une appli pour aider tout le monde à mieux dormir", None),
    (True, "too_broad", "fr", "most_important", "Je vois pas de client plus important, c'est pour tous les "
     "âges", None),
    (True, "too_broad", "fr", "for_whom", "Tous ceux qui veulent manger mieux", None),
    (False, "too_broad", "fr", "for_whom", "Les personnes âgées isolées qui vivent seules à domicile dans "
     "l'agglo", None),
    (False, "too_broad", "fr", "for_whom", "Les parents de jeunes enfants qui travaillent tous les deux à "
     "temps plein", None),
    (False, "too_broad", "fr", "for_whom", "On cible pas le grand public, plutôt les pros de la rénovation",
     None),
    (False, "too_broad", "fr", "most_important", "Ceux qui sont prêts à payer : les gens qui font déjà "
     "appel à un coach", None),
    (False, "too_broad", "fr", "for_whom", "Les indépendants, et surtout pas tout le monde", None),
    (True, "too_broad", "en", "for_whom", "Every small business out there, they all need bookkeeping", None),
    (True, "too_broad", "en", "most_important", "all of them honestly, it's for everyone", None),
    (True, "too_broad", "en", "for_whom", "consumers in general, it's a universal need", None),
    (True, "too_broad", "en", "for_whom", "Anyone, really. Young, old, it doesn't matter", None),
    (False, "too_broad", "en", "for_whom", "People with type 1 diabetes who use an insulin pump", None),
    (False, "too_broad", "en", "for_whom", "Anyone managing a team of field technicians in HVAC", None),
    (False, "too_broad", "en", "for_whom", "It's not for everyone: mid-size law firms with 20 to 100 lawyers",
     None),
    (False, "too_broad", "en", "for_whom", "Health-conscious consumers who already buy organic every week",
     None),
    (False, "too_broad", "en", "most_important", "the people who already pay for a gym membership but "
     "never go", None),
    (True, "demographics_only", "fr", "characteristics", "Hommes et femmes de 30 à 50 ans, plutôt aisés, "
     "en ville", None),
    (True, "demographics_only", "fr", "characteristics", "ce sont surtout des femmes, la quarantaine, "
     "cadres, souvent mariées avec enfants", None),
    (True, "demographics_only", "fr", "characteristics", "Des étudiants de 18 à 25 ans, à Paris et Lyon, "
     "petit budget", None),
    (True, "demographics_only", "fr", "characteristics",
     "Age : 35-50\nSexe : hommes\nRevenus : > 60k\nLieu : grandes villes", None),
    (False, "demographics_only", "fr", "characteristics", "Des femmes de 30-45 ans qui reprennent le sport "
     "après une grossesse et manquent de motivation", None),
    (False, "demographics_only", "fr", "characteristics", "Ils ont entre 40 et 60 ans, gèrent seuls leur "
     "exploitation et détestent la paperasse", None),
    (False, "demographics_only", "fr", "characteristics", "Des parents débordés, qui commandent leurs "
     "courses en ligne le dimanche soir", None),
    (False, "demographics_only", "fr", "characteristics", "Ils sont souvent seuls, stressés par la compta "
     "et font tout sur leur téléphone entre deux chantiers", None),
    (True, "demographics_only", "en", "characteristics", "Mostly women, 35 to 50, upper middle class, "
     "suburban", None),
    (True, "demographics_only", "en", "characteristics", "Age 18-24, students, urban, low income", None),
    (True, "demographics_only", "en", "characteristics", "Gen Z and millennials living in major US cities, "
     "household income above 75k", None),
    (False, "demographics_only", "en", "characteristics", "Women 35 to 50 who are going through "
     "perimenopause and feel dismissed by their doctor", None),
    (False, "demographics_only", "en", "characteristics", "Students 18-24 who cook on a tiny budget and "
     "hate wasting food", None),
    (False, "demographics_only", "en", "characteristics", "They check their phones constantly, compare "
     "prices before every purchase and trust reviews over ads", None),
    (True, "too_many_segments", "fr", "for_whom", "Les particuliers, les artisans, les agences "
     "immobilières, les syndics et les mairies", None),
    (True, "too_many_segments", "fr", "most_important", "Franchement ils comptent tous autant, on veut "
     "tous les servir", None),
    (True, "too_many_segments", "fr", "priority", "Tout en même temps, on ne veut rater personne", None),
    (True, "too_many_segments", "fr", "for_whom", "Tous types de clients : particuliers, PME, grands "
     "comptes, administrations", None),
    (False, "too_many_segments", "fr", "for_whom", "Les artisans du bâtiment qui travaillent seuls", None),
    (False, "too_many_segments", "fr", "priority", "D'abord les syndics, puis les agences l'an prochain",
     None),
    (False, "too_many_segments", "fr", "for_whom", "Les coiffeurs, barbiers et esthéticiennes indépendants "
     "de Bordeaux", None),
    (True, "too_many_segments", "en", "for_whom", "freelancers, agencies, startups, enterprises and "
     "universities", None),
    (True, "too_many_segments", "en", "most_important", "I can't really choose, they're all important to us",
     None),
    (True, "too_many_segments", "en", "priority", "We'll launch to all five segments simultaneously", None),
    (False, "too_many_segments", "en", "priority", "Agencies first, freelancers later", None),
    (False, "too_many_segments", "en", "for_whom", "Independent gyms, yoga studios and climbing halls in "
     "Berlin", None),
    (True, "not_validated", "fr", "evidence", "Aucune pour le moment, c'est surtout du feeling", None),
    (True, "not_validated", "fr", "evidence", "Bah j'en ai parlé autour de moi et tout le monde trouve ça "
     "génial", None),
    (True, "not_validated", "fr", "evidence", "On n'a pas fait d'étude mais c'est du bon sens", None),
    (True, "not_validated", "fr", "evidence", "pas encore, on comptait lancer un questionnaire bientôt",
     None),
    (True, "not_validated", "fr", "evidence", "Je connais bien le milieu, j'y ai bossé 8 ans", None),
    (False, "not_validated", "fr", "evidence", "jsp trop", None),  # "I don't know" is the coach's to handle
    (False, "not_validated", "fr", "evidence", "Une trentaine d'entretiens et 2 pilotes payants", None),
    (False, "not_validated", "fr", "evidence", "On a vendu 120 box en précommande sur Ulule", None),
    (False, "not_validated", "fr", "evidence", "On a mis une landing page : 450 inscrits en 3 semaines et "
     "12 % de conversion", None),
    (False, "not_validated", "fr", "evidence", "J'ai interrogé 40 agriculteurs sur des salons, et 9 "
     "testent le prototype", None),
    (True, "not_validated", "en", "evidence", "none yet tbh, it's more of a hunch", None),
    (True, "not_validated", "en", "evidence", "It just makes sense, everyone I know hates doing this", None),
    (True, "not_validated", "en", "evidence", "My mom and my sister both said they'd buy it", None),
    (True, "not_validated", "en", "evidence", "we're going to interview some users soon", None),
    (True, "not_validated", "en", "evidence", "dunno, we haven't really checked", None),
    (False, "not_validated", "en", "evidence", "12 customer interviews, a landing page with 300 signups "
     "and 4 letters of intent", None),
    (False, "not_validated", "en", "evidence", "We've sold 80 units through our Shopify store since March",
     None),
    (False, "not_validated", "en", "evidence", "Spoke with 30 restaurant owners; 11 joined the beta", None),
    (True, "ignores_underserved", "fr", "most_important", "Les grosses PME, les TPE on s'en fout, elles "
     "n'ont pas de budget", None),
    (True, "ignores_underserved", "fr", "priority", "Les nouveaux entrants ne valent pas le coup, on reste "
     "sur le marché établi", None),
    (True, "ignores_underserved", "fr", "most_important", "On ne s'intéresse qu'aux grandes enseignes, le "
     "reste ne compte pas", None),
    (False, "ignores_underserved", "fr", "most_important", "Les grandes enseignes d'abord, puis les "
     "indépendants quand on aura l'offre adaptée", None),
    (False, "ignores_underserved", "fr", "most_important", "Les petites exploitations, oubliées par les "
     "coopératives", None),
    (True, "ignores_underserved", "en", "most_important", "Only the big chains matter, mom-and-pop shops "
     "are a waste of time", None),
    (True, "ignores_underserved", "en", "priority", "Seniors won't use an app, so we don't bother with them",
     None),
    (False, "ignores_underserved", "en", "most_important", "Mom-and-pop shops first: nobody serves them well",
     None),
    (False, "ignores_underserved", "en", "priority", "Big chains later, they take forever to sign", None),
    (True, "assumes_homogeneous", "fr", "characteristics", "C'est tous des profils similaires, pas de "
     "grosse différence", None),
    (True, "assumes_homogeneous", "fr", "characteristics", "Tous nos clients se ressemblent, même âge, "
     "mêmes attentes", None),
    (True, "assumes_homogeneous", "fr", "pains", "Ils ont exactement les mêmes galères et les mêmes attentes",
     None),
    (False, "assumes_homogeneous", "fr", "characteristics", "Certains sont très à l'aise avec le "
     "numérique, d'autres pas du tout", None),
    (False, "assumes_homogeneous", "fr", "jobs", "Faire les mêmes démarches chaque mois sans y passer des "
     "heures", None),
    (True, "assumes_homogeneous", "en", "characteristics", "They're pretty much all alike, same age, same "
     "habits", None),
    (True, "assumes_homogeneous", "en", "characteristics", "our users are homogeneous, one persona is enough",
     None),
    (False, "assumes_homogeneous", "en", "characteristics", "Two types: the ones who want dashboards and "
     "the ones who just want a weekly email", None),
    (False, "assumes_homogeneous", "en", "gains", "Get the same quality as a big agency at half the price",
     None),
    (True, "never_revisited", "fr", "priority", "On a défini nos cibles au lancement et on ne compte pas y "
     "toucher", None),
    (True, "never_revisited", "fr", "evidence", "Nos clients resteront les mêmes, le secteur n'évolue pas",
     None),
    (False, "never_revisited", "fr", "priority", "On refera le point sur les segments après la saison", None),
    (False, "never_revisited", "fr", "characteristics", "Le marché évolue vite avec la réglementation", None),
    (True, "never_revisited", "en", "priority", "We picked our segments two years ago and haven't changed "
     "them, no reason to", None),
    (True, "never_revisited", "en", "evidence", "The market never changes, so the segments won't either",
     None),
    (False, "never_revisited", "en", "priority", "We'll re-check the segments after the first 50 customers",
     None),
    (False, "never_revisited", "en", "characteristics", "They never change their habits once a tool works",
     None),
    (True, "buyer_user_confusion", "fr", "buyer_user", "C'est pareil, le salarié utilise et paie",
     {"pitch": "Un outil de notes de frais pour les salariés des PME"}),
    (True, "buyer_user_confusion", "fr", "buyer_user", "Les élèves eux-mêmes, ce sont eux qui s'abonnent "
     "et paient", {"pitch": "Une appli de révisions pour les collégiens"}),
    (False, "buyer_user_confusion", "fr", "buyer_user", "Le collège paie la licence, les élèves et les "
     "profs l'utilisent", {"pitch": "Une appli de révisions pour les collégiens"}),
    (True, "buyer_user_confusion", "en", "buyer_user", "it's the same, the employee pays for it",
     {"pitch": "A wellbeing app for employees of large companies"}),
    (False, "buyer_user_confusion", "en", "buyer_user", "Same person - the solo photographer pays and uses "
     "it", {"pitch": "Invoicing for freelance photographers"}),
    (True, "one_sided_platform", "fr", "for_whom", "Les propriétaires de chiens qui partent en vacances",
     {"pitch": "On met en relation des propriétaires de chiens avec des pet-sitters de confiance"}),
    (False, "one_sided_platform", "fr", "for_whom", "Les propriétaires de chiens qui partent en vacances, "
     "et les étudiants qui veulent garder des chiens",
     {"pitch": "On met en relation des propriétaires de chiens avec des pet-sitters de confiance"}),
    (True, "one_sided_platform", "en", "for_whom", "Homeowners with small repair jobs",
     {"pitch": "A marketplace where homeowners post small repair jobs and local handymen bid on them"}),
    (False, "one_sided_platform", "en", "for_whom", "Homeowners with small repair jobs, and handymen "
     "looking to fill gaps in their week",
     {"pitch": "A marketplace where homeowners post small repair jobs and local handymen bid on them"}),
    # The supply side named with its own supply verbs is still one side (issue 9, kind 4).
    (True, "one_sided_platform", "en", "for_whom", "potters who sell bowls and mugs at weekend markets and have "
     "no time for a web shop", {"pitch": "a marketplace for pottery: potters list their work, people buy a "
                                          "one-off piece, we keep 8%"}),
    (True, "one_sided_platform", "fr", "for_whom", "les brodeuses qui vendent leurs pièces sur les marchés de Noël "
     "et n'ont pas de boutique en ligne", {"pitch": "une place de marché de broderie : les brodeuses publient "
                                                    "leurs pièces, les gens achètent un cadeau unique"}),
    # Three groups or more pursued all at once at for_whom (the mistake's "all of them at once, no priority").
    (True, "too_many_segments", "fr", "for_whom", "les boulangeries, les primeurs et les fromagers du quartier, "
     "on veut tous les signer en même temps dès le lancement", None),
    (False, "too_many_segments", "fr", "for_whom", "les boulangeries et les primeurs du quartier, on signe les "
     "deux en même temps", None),
    (True, "too_many_segments", "en", "for_whom", "dental practices, physio clinics and vet clinics, we go after "
     "all of them at the same time from day one", None),
    (False, "too_many_segments", "en", "for_whom", "gyms and physio clinics, both at the same time", None),
    # A side named only in the reason given is not named as a customer; peers need both roles named.
    (True, "one_sided_platform", "fr", "for_whom", "les locataires en ville qui galèrent à trouver un jardin "
     "parce que les propriétaires ne prêtent pas leur terrain", {"pitch": "Une plateforme où les propriétaires "
                                                                         "publient leur jardin inutilisé et les "
                                                                         "locataires le réservent"}),
    (True, "one_sided_platform", "en", "for_whom", "new beekeepers with 2 or 3 hives who can't afford an "
     "extractor", {"pitch": "Beekeepers list the gear they lend. Other beekeepers nearby rent it by the week."}),
    (False, "one_sided_platform", "en", "for_whom", "beekeepers with idle gear who want to earn something from "
     "it, and new beekeepers who need an extractor for a week",
     {"pitch": "Beekeepers list the gear they lend. Other beekeepers nearby rent it by the week."}),
    # A size class of firms with nothing that narrows it is broad; a size range narrows (issue 9, kinds 5 and 6).
    (True, "too_broad", "fr", "for_whom", "les TPE et PME, il y en a des centaines de milliers en France", None),
    (True, "too_broad", "en", "for_whom", "smbs basically, there are millions of them", None),
    (False, "too_broad", "fr", "for_whom", "les PME de la logistique de 20 a 200 salaries qui gerent leurs "
     "tournees sur Excel", None),
    (False, "too_broad", "en", "for_whom", "small businesses that sell handmade goods on Etsy", None),
    (False, "too_broad", "fr", "for_whom", "les cabinets d'architectes de 3 a 15 personnes", None),
    # A platform side described by what it does there is not "everyone" (issue 9, kind 6).
    (False, "too_broad", "en", "intake", "a marketplace for secondhand climbing gear: climbers list what they "
     "outgrew, people buy it at half price, we take 10%", None),
    (False, "too_broad", "fr", "intake", "une plateforme de location de matériel de camping : les campeurs "
     "publient leur tente, les gens réservent pour un week-end", None),
    (True, "too_broad", "en", "intake", "an app that helps people buy secondhand climbing gear", None),
    (False, "buyer_user_confusion", "en", "buyer_user", "farmers buy and use the maps themselves. at the "
     "insurers the claims director signs the contract and the adjusters use the reports",
     {"pitch": "drone maps for farmers and roof reports for insurers",
      "segments": [("Farmers", "row-crop farmers"), ("Insurers", "claims teams of insurers")]}),
]


@pytest.mark.parametrize(("flagged", "mistake", "language", "question", "answer", "context"), MORE,
                         ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(MORE)])
def test_more_founder_phrasings(flagged: bool, mistake: str, language: Language, question: str, answer: str,
                                context: dict[str, Any] | None) -> None:
    assert flags(mistake, language, (question, answer, context)) is flagged, answer


# Typos, missing accents and apostrophes, as founders type on a phone.
TYPOS: list[tuple[Any, ...]] = [
    ("too_broad", "fr", "for_whom", "tou le monde en vrai", None),
    ("too_broad", "fr", "for_whom", "tout le mondes, c'est universel", None),
    ("too_broad", "en", "for_whom", "everybdy, its for evryone", None),
    ("too_broad", "en", "for_whom", "anyone wiht a phone", None),
    ("too_broad", "fr", "for_whom", "le grand publique", None),
    ("not_validated", "fr", "evidence", "on a pas encor parler a des clients", None),
    ("not_validated", "fr", "evidence", "je suis sur qu'il en on besoin", None),
    ("not_validated", "en", "evidence", "havent talked to anyone yet tbh", None),
    ("not_validated", "en", "evidence", "im pretty sure they need it", None),
    ("assumes_homogeneous", "fr", "characteristics", "ils ont tous les memes besoin", None),
    ("assumes_homogeneous", "en", "characteristics", "theyre all basicaly the same", None),
    ("never_revisited", "fr", "priority", "nos segement ne changerons pas", None),
    ("never_revisited", "en", "priority", "our segmnets wont change", None),
    ("too_many_segments", "en", "most_important", "there all equaly important", None),
    ("too_many_segments", "fr", "most_important", "ils sont tous aussi importent", None),
    ("demographics_only", "fr", "characteristics", "femmes 25-35 ans, CSP+, urbaine", None),
    ("buyer_user_confusion", "fr", "buyer_user", "c la meme personne",
     {"pitch": "Un logiciel pour les équipes des cliniques"}),
    ("buyer_user_confusion", "fr", "buyer_user", "cest eux qui paient leur abonnement et qui l'utilisent, cest pareil",
     {"pitch": "Une appli de prévoyance que l'entreprise souscrit pour ses salariés"}),
    ("buyer_user_confusion", "en", "buyer_user", "its the same persn",
     {"pitch": "Scheduling for hospital nursing teams"}),
    ("one_sided_platform", "fr", "for_whom", "les propriétaires de chiens",
     {"pitch": "une plateforme qui met en relaton les propriétaires de chiens et les promeneurs"}),
]


@pytest.mark.parametrize(("mistake", "language", "question", "answer", "context"), TYPOS,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(TYPOS)])
def test_typos_and_missing_accents(mistake: str, language: Language, question: str, answer: str,
                                   context: dict[str, Any] | None) -> None:
    assert flags(mistake, language, (question, answer, context)), answer


@pytest.mark.parametrize(("mistake", "language", "case"), cases(TABLE, "pos"))
def test_detector_flags(mistake: str, language: Language, case: Case) -> None:
    assert flags(mistake, language, case), case[1]


@pytest.mark.parametrize(("mistake", "language", "case"), cases(TABLE, "neg"))
def test_detector_does_not_flag(mistake: str, language: Language, case: Case) -> None:
    assert not flags(mistake, language, case), case[1]


def test_every_mistake_has_a_detector_and_cases() -> None:
    assert set(DETECTORS) == set(MISTAKE_IDS)
    for mistake in MISTAKE_IDS:
        for language in ("fr", "en"):
            assert len(TABLE[mistake][language]["pos"]) >= 4
            assert len(TABLE[mistake][language]["neg"]) >= 4


CLEAN_FR = {
    "intake": "On développe une appli qui aide les kinés libéraux à suivre les exercices de leurs patients "
              "entre deux séances",
    "for_whom": "Les kinés libéraux installés en ville, surtout ceux qui suivent des patients après une "
                "opération du genou ou de l'épaule",
    "most_important": "Les kinés qui ont beaucoup de patients post-opératoires, parce qu'ils perdent le plus "
                      "de temps à réexpliquer les exercices",
    "characteristics": "Ils voient 25 à 30 patients par jour, impriment encore des fiches d'exercices et "
                       "regrettent de ne pas savoir si les patients font leurs exos à la maison",
    "jobs": "Suivre la progression de leurs patients entre les séances et adapter le programme",
    "pains": "Les patients oublient les exercices, les fiches papier se perdent, les séances servent à "
             "rattraper le retard",
    "gains": "Voir en un coup d'œil qui a fait ses exercices, gagner 10 minutes par séance",
    "buyer_user": "Le kiné paie l'abonnement et l'utilise ; ses patients utilisent l'appli gratuitement",
    "evidence": "On a fait 18 entretiens avec des kinés et un pilote de 2 mois avec 4 cabinets à Nantes",
    "priority": "D'abord les kinés en cabinet de groupe, ensuite les indépendants seuls",
}
CLEAN_EN = {
    "intake": "We build scheduling software for the nursing units of mid-size hospitals",
    "for_whom": "Nurse managers of med-surg and ICU units in hospitals with 200 to 500 beds",
    "most_important": "Units with high turnover that still build the schedule in Excel, because they lose "
                      "the most hours each month",
    "characteristics": "They spend 6 to 10 hours a week on the schedule, handle swaps by text message and "
                       "dread last-minute sick calls",
    "jobs": "Publish a fair schedule on time and fill open shifts without calling agencies",
    "pains": "Endless swap requests, agency costs, nurses burning out from unfair weekends",
    "gains": "A schedule done in one hour, fewer agency shifts, happier staff",
    "buyer_user": "The hospital's nursing director signs the contract and pays; nurse managers and nurses "
                  "use it every day",
    "evidence": "We interviewed 25 nurse managers and ran a 3-month pilot on 4 units in two hospitals",
    "priority": "Med-surg units first, because they have the most swaps; ICUs once we support 12-hour shifts",
}


@pytest.mark.parametrize(("language", "answers"), [("fr", CLEAN_FR), ("en", CLEAN_EN)])
def test_clean_session_raises_nothing(language: Language, answers: dict[str, str]) -> None:
    earlier: dict[str, str] = {}
    for question, answer in answers.items():
        ctx = make_ctx(question, answer, language, {"answers": earlier, "pitch": answers["intake"]})
        assert detect(ctx) == [], (question, [d.mistake_id for d in detect(ctx)])
        earlier[question] = answer


def test_detect_returns_at_most_one_detection_per_mistake() -> None:
    ctx = make_ctx("for_whom", "Tout le monde, n'importe qui, le grand public, les gens en général", "fr")
    found = detect(ctx)
    assert [d.mistake_id for d in found].count("too_broad") == 1


def test_evidence_quotes_the_founder() -> None:
    answer = "Honnêtement, je pense que tout le monde pourrait en avoir besoin un jour ou l'autre."
    found = DETECTORS["too_broad"](make_ctx("for_whom", answer, "fr"))
    assert found is not None and found.evidence in answer and "tout le monde" in found.evidence


def test_detectors_ignore_empty_answers_and_other_questions() -> None:
    assert detect(make_ctx("for_whom", "   ", "fr")) == []
    assert DETECTORS["too_broad"](make_ctx("gains", "Tout le monde veut gagner du temps", "fr")) is None
