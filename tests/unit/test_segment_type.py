"""The segment type classifier: five types, French and English, with a rationale in the session language."""

from __future__ import annotations

import pytest

from assistant.canvas import Segment
from assistant.domain import SEGMENT_TYPES
from assistant.understanding.segment_type import classify


def seg(name: str, who: str = "", jobs: tuple[str, ...] = (), pains: tuple[str, ...] = (),
        gains: tuple[str, ...] = (), linked: tuple[str, ...] = ()) -> Segment:
    return Segment(name=name, who=who, jobs=list(jobs), pains=list(pains), gains=list(gains),
                   linked_segments=list(linked))


CASES = [
    # --- multi-sided: platform signals, or segments linked to each other
    ("multi_sided", "fr", "Une plateforme qui met en relation des kinés libéraux et des patients opérés",
     {"for_whom": "Les patients qui sortent d'une opération du genou"}, [seg("Patients")]),
    ("multi_sided", "fr", "Une place de marché de paniers fermiers : on prend 10 % de commission sur chaque "
                          "vente",
     {"for_whom": "Les producteurs bio du Gers et les familles de Toulouse"},
     [seg("Producteurs"), seg("Familles")]),
    ("multi_sided", "fr", "Une appli pour les étudiants qui veulent garder des enfants",
     {"for_whom": "Les étudiants et les parents"},
     [seg("Étudiants", linked=("Parents",)), seg("Parents", linked=("Étudiants",))]),
    ("multi_sided", "en", "A marketplace connecting dog owners with local dog walkers",
     {"for_whom": "busy dog owners and students who walk dogs"}, [seg("Dog owners"), seg("Walkers")]),
    ("multi_sided", "en", "It's a free news app; it's two-sided, readers get it free and local businesses "
                          "pay "
     "to advertise", {"for_whom": "Readers in small towns"}, [seg("Readers"), seg("Advertisers")]),
    ("multi_sided", "en", "Like Uber for trucks: we match shippers with owner-operators",
     {"for_whom": "small shippers and owner-operator truckers"}, []),
    # --- diversified: unrelated offers and needs
    ("diversified", "fr", "Un atelier d'impression 3D : prototypes pour les bureaux d'études, et modèles "
     "dentaires pour les labos", {"for_whom": "Deux types de clients qui n'ont rien à voir : les bureaux "
                                              "d'études "
                                              "et les labos dentaires"},
     [seg("Bureaux d'études"), seg("Labos dentaires")]),
    ("diversified", "fr", "Une ferme qui vend des paniers et loue sa chambre froide",
     {"for_whom": "Les familles pour les paniers, les restaurateurs pour le stockage"},
     [seg("Familles", jobs=("Manger des légumes de saison",), pains=("Supermarché fade", "Pas de temps"),
          gains=("Panier prêt", "Recettes simples")),
      seg("Restaurateurs", jobs=("Stocker au froid leurs livraisons",), pains=("Chambre froide trop petite",
                                                                                 "Pannes l'été"),
          gains=("Location à la semaine", "Accès 24h/24"))]),
    ("diversified", "fr", "On a deux activités complètement différentes : une boulangerie et un logiciel",
     {}, [seg("Clients de la boulangerie"), seg("Boulangeries clientes du logiciel")]),
    ("diversified", "en", "A drone service that maps crops for farmers and inspects roofs for insurers",
     {"for_whom": "Two separate groups: row-crop farmers and property insurers"},
     [seg("Farmers", jobs=("Spot crop stress early",), pains=("Walking fields for hours", "Late disease"),
          gains=("Maps within 24h", "Higher yields")),
      seg("Insurers", jobs=("Settle hail claims faster",), pains=("Adjusters on ladders", "Claim backlog"),
          gains=("Roof reports", "Fewer site visits"))]),
    ("diversified", "en", "We run a neighbourhood bakery and sell pre-order software to other bakeries",
     {"for_whom": "Two completely different businesses: our bread customers and independent bakeries"},
     [seg("Bread customers"), seg("Bakeries using the software")]),
    ("diversified", "en", "A cloud company that also runs an online bookshop, a bit like Amazon",
     {}, [seg("Readers"), seg("Developers")]),
    # A second business run on the side, and groups said to be different markets (phrasings written for the tests)
    ("diversified", "en", "A sleep-tracking ring for people, and separately we sell the anonymised sleep data to "
                          "insurers",
     {"for_whom": "new parents who sleep badly, and health insurers' actuarial teams"},
     [seg("New parents who sleep badly"), seg("Health insurers' actuarial teams")]),
    ("diversified", "fr", "Un pilulier connecté, vendu aux patients et loué aux EHPAD",
     {"for_whom": "les particuliers sous traitement long, et les EHPAD de 40 à 120 lits"},
     [seg("Particuliers sous traitement long"), seg("EHPAD de 40 à 120 lits")]),
    ("diversified", "en", "Humidity sensors for wine cellars and for museum storage rooms",
     {"for_whom": "small wineries and regional museums. different buyers, different reasons, same sensor"},
     [seg("Small wineries"), seg("Regional museums")]),
    ("diversified", "fr", "Des capteurs d'humidité pour caves et réserves de musées",
     {"for_whom": "les caves coopératives et les musées régionaux, pas du tout le même métier, même capteur"},
     [seg("Caves coopératives"), seg("Musées régionaux")]),
    # --- segmented: one offer, related but different needs
    ("segmented", "fr", "Un compte pro pour les indépendants, avec une version adaptée à chaque métier",
     {"for_whom": "Les artisans du bâtiment et les commerçants des marchés"},
     [seg("Artisans du bâtiment"), seg("Commerçants des marchés")]),
    ("segmented", "fr", "Une appli de rééducation à domicile", {"for_whom": "Les sportifs blessés et les "
                                                                             "seniors après une prothèse"},
     [seg("Sportifs blessés", jobs=("Refaire leurs exercices correctement à la maison",),
          pains=("Oublier les mouvements", "Ne pas savoir s'ils font bien"), gains=("Revenir au sport "
                                                                                    "vite",)),
      seg("Seniors après prothèse", jobs=("Faire leurs exercices correctement sans aide",),
          pains=("Oublier les mouvements", "Peur de mal faire"), gains=("Rester autonomes",))]),
    ("segmented", "fr", "Des spectacles pour enfants de 3 à 10 ans",
     {"for_whom": "Les écoles et les familles, le même spectacle avec une formule adaptée pour chacun"},
     [seg("Écoles"), seg("Familles")]),
    ("segmented", "en", "A cybersecurity service for small offices, same product with a version per trade",
     {"for_whom": "Small dental practices and small accounting firms"},
     [seg("Dental practices"), seg("Accounting firms")]),
    ("segmented", "en", "A mental health benefit for employees",
     {"for_whom": "Office employees and frontline shift workers"},
     [seg("Office employees", jobs=("Get quick support for stress during the work week",),
          pains=("Long waits for therapy", "Sleep problems"), gains=("Private sessions",)),
      seg("Frontline workers", jobs=("Get quick support for stress between shifts",),
          pains=("No time during shifts", "Sleep problems"), gains=("Private sessions on mobile",))]),
    # needs that differ are not enough: the segmented type has them too
    ("segmented", "en", "A wellbeing benefit for employers",
     {"for_whom": "office employees and warehouse shift workers, with different needs: mobile only, short slots"},
     [seg("Office employees"), seg("Warehouse shift workers")]),
    ("segmented", "en", "A dog-walking app with a plan per kind of dog",
     {"for_whom": "owners of big working dogs and owners of old dogs, similar needs, different plans"},
     [seg("Owners of big working dogs"), seg("Owners of old dogs")]),
    ("segmented", "en", "Banking app with a retail tier and a premium wealth tier",
     {"for_whom": "everyday savers and wealthier clients, slightly different needs"},
     [seg("Everyday savers"), seg("Wealth clients")]),
    # --- mass market: one very large group with shared needs
    ("mass_market", "fr", "Une assurance santé pour chiens et chats, tout en ligne",
     {"most_important": "Les propriétaires de chiens et de chats qui vont chez le véto, à peu près 60% des "
                        "foyers qui ont un animal, leur besoin de fond est assez proche"},
     [seg("Propriétaires de chiens et chats", "Foyers qui vont chez le vétérinaire une fois par an")]),
    ("mass_market", "fr", "Une appli qui explique la conso électrique du foyer",
     {"for_whom": "Les foyers équipés d'un Linky qui trouvent leur facture trop chère, des millions de "
                  "foyers"},
     [seg("Foyers Linky", "Foyers qui trouvent leur facture d'électricité trop chère")]),
    ("mass_market", "fr", "Une lessive écologique vendue en grande distribution",
     {"for_whom": "Les ménages qui font une lessive par semaine, un besoin commun à tous",
      "most_important": "Les familles qui achètent leur lessive au supermarché, la moitié des foyers"},
     [seg("Familles", "Ménages qui achètent leur lessive en supermarché")]),
    ("mass_market", "en", "Oat milk priced like dairy, sold in the big supermarkets",
     {"for_whom": "UK households that buy plant milk every week, roughly a third of households"},
     [seg("Plant-milk buyers", "Households buying plant milk weekly")]),
    ("mass_market", "en", "A cheap countertop water filter",
     {"most_important": "households that buy bottled water for the taste, a lot of households in uk cities"},
     [seg("City households", "Households in UK cities buying bottled water")]),
    ("mass_market", "en", "Affordable wireless earbuds for everyday use",
     {"for_whom": "Consumers who want decent earbuds without paying premium prices, millions of people",
      "characteristics": "They buy at big retailers and grocery chains"},
     [seg("Everyday earbud buyers", "Consumers buying earbuds at big retailers")]),
    # a sweep across kinds of consumers with one behaviour is a very large group, whatever its share says
    ("mass_market", "en", "A free app that teaches you to cook in ten minutes a day, premium at 5 dollars",
     {"most_important": "the ones who cook every evening, they're 70% of our recipes viewed. on paper they're "
                        "nothing alike, students, parents, retirees, but they all do the same thing"},
     [seg("Everyday home cooks", "People who cook every evening")]),
    # --- niche market: one specialised, specific group
    # a first answer's sweep ("babies to teenagers") narrowed later, and one person's attributes, are no size claim
    ("niche_market", "en", "Swimming lessons at home pools",
     {"for_whom": "all kids, babies, toddlers, children, teenagers, everyone should swim",
      "most_important": "kids aged 4 to 7 who are scared of the water and whose parents have a pool"},
     [seg("Water-shy kids aged 4 to 7", "Kids aged 4 to 7 scared of water, with a pool at home")]),
    ("niche_market", "en", "Ready-made low-salt meals delivered weekly",
     {"most_important": "women over 75, retired, widowed, living alone, who just came back from hospital; they "
                        "all do the same thing: skip meals"},
     [seg("Women over 75 back from hospital", "Retired widowed women living alone, just out of hospital")]),
    # a percentage that names an offer is no size claim (third blind set, 2026-12-02)
    ("niche_market", "fr", "Un opticien itinérant dans les villages du Cantal, lunettes 100 % Santé remboursées",
     {"for_whom": "Les retraités des villages du Cantal qui ne conduisent plus et n'ont pas d'opticien à moins "
                  "de 40 minutes"},
     [seg("Retraités des villages du Cantal", "Retraités qui ne conduisent plus")]),
    ("niche_market", "fr", "Des balances connectées pour ruches",
     {"for_whom": "Les apiculteurs professionnels qui font de la transhumance"},
     [seg("Apiculteurs transhumants", "Apiculteurs professionnels avec plus de 200 ruches")]),
    ("niche_market", "fr", "Un outil de collecte de pièces comptables",
     {"for_whom": "Les cabinets comptables indépendants de 5 à 20 salariés"},
     [seg("Cabinets comptables", "Cabinets indépendants de 5 à 20 salariés")]),
    ("niche_market", "fr", "Une boulangerie bio qui livre le matin à Nantes",
     {"most_important": "Les familles avec enfants des quartiers du centre qui n'ont pas le temps le matin"},
     [seg("Familles urbaines pressées", "Familles du centre de Nantes sans temps le matin")]),
    ("niche_market", "en", "Scheduling software for hospital nursing units",
     {"for_whom": "Nurse managers of med-surg units in mid-size hospitals"},
     [seg("Med-surg units", "Nurse managers in 200-500 bed hospitals")]),
    ("niche_market", "en", "An online menopause clinic",
     {"for_whom": "Working women in perimenopause whose GP dismissed their symptoms"},
     [seg("Women let down by their GP", "Working women in perimenopause")]),
    ("niche_market", "en", "An app that turns gig earnings into a weekly paycheck",
     {"for_whom": "Full-time rideshare and delivery drivers working 35+ hours across two apps"},
     [seg("Full-time gig drivers", "Drivers working 35+ hours a week")]),
]


@pytest.mark.parametrize(("expected", "language", "pitch", "answers", "segments"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_classify(expected: str, language: str, pitch: str, answers: dict[str, str],
                  segments: list[Segment]) -> None:
    kind, rationale = classify(pitch, answers, segments, language)
    assert kind == expected, rationale
    assert rationale and rationale.count(".") <= 3


def test_every_type_has_three_cases_per_language() -> None:
    for kind in SEGMENT_TYPES:
        for language in ("fr", "en"):
            assert sum(1 for c in CASES if c[0] == kind and c[1] == language) >= 3


@pytest.mark.parametrize(("language", "words"), [
    ("fr", ("« Foyers »", "grand groupe", "électronique grand public")),
    ("en", ("“Households”", "large group", "consumer electronics")),
])
def test_rationale_is_in_the_session_language_and_cites_the_definition(language: str,
                                                                       words: tuple[str, ...]) -> None:
    _, rationale = classify("", {"for_whom": "millions de foyers" if language == "fr" else "millions of "
                                                                                           "households"},
                            [seg("Foyers" if language == "fr" else "Households", "grand public, des millions "
                                 "de foyers" if language == "fr" else "millions of households, mass market")],
                            language)
    for word in words:
        assert word in rationale


def test_rationale_names_the_segments() -> None:
    _, rationale = classify("Une plateforme qui met en relation des kinés et des patients", {},
                            [seg("Kinés"), seg("Patients")], "fr")
    assert "Kinés" in rationale and "Patients" in rationale and "Uber" in rationale


def test_works_before_any_segment_exists() -> None:
    kind, rationale = classify("", {"for_whom": "Les PME, les ETI et les collectivités"}, [], "fr")
    assert kind in SEGMENT_TYPES and rationale
