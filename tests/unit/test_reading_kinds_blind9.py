"""Reading kinds found while a ninth blind set was written and scored (evals/scenarios-blind9), each phrased
anew here: two groups in parallel ("X in A and Y in B"), a group put off with a return planned, a platform told
by its money and its exchange, a refusal to choose asked back, groups with specific needs written off, dividing
a segment waved away, a sweep qualified by a sweep, market figures offered as evidence, a review denied, a
platform's other side waved off."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.grouping import split_groups
from assistant.understanding.groups import announced_count
from assistant.understanding.platform import is_platform, platform_sides
from assistant.understanding.reader import read_groups
from tests.contexts import context, read_flags, rule_flags

# --- two groups in parallel ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "first", "second"), [
    ("Kennels in Ohio and pet groomers in Kentucky", "kennels", "pet groomers"),
    ("Marinas in Brittany and sailing schools in Normandy", "marinas", "sailing schools"),
    ("Des salles d'escalade à Lyon et des studios de danse à Grenoble", "salles d'escalade", "studios de danse"),
    ("Des chenils en Bretagne et des toiletteurs en Normandie", "chenils", "toiletteurs"),
])
def test_two_parallel_qualified_phrases_are_two_groups(answer: str, first: str, second: str) -> None:
    groups = read_groups(answer, embed_queries)
    assert len(groups) == 2, groups
    assert first in groups[0].lower() and second in groups[1].lower()


@pytest.mark.parametrize("answer", [
    "Families with two kids under 10 and a car they use every weekend",
    "Des artisans avec une camionnette et un devis toujours en retard",
])
def test_a_group_with_an_attribute_list_stays_one_group(answer: str) -> None:
    assert len(read_groups(answer, embed_queries)) == 1


def test_a_place_qualified_phrase_waits_for_no_shared_head() -> None:
    """"gyms in Austin" is complete: the rule reader does not glue it to the next group as a modifier would be
    ("full-time rideshare and delivery drivers")."""
    assert split_groups("full-time rideshare and delivery drivers") == ["full-time rideshare and delivery drivers"]
    answer = "Gyms in Austin and physio clinics in Dallas"
    assert answer not in split_groups(answer)


# --- a return planned is no segment left fixed ------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Vets first. Groomers aren't worth it yet, we'll circle back to them after the summer."),
    ("en", "Not worth the effort right now; we'll come back to that next year."),
    ("fr", "Les vétos d'abord. Les toiletteurs, pas la peine pour l'instant, on y reviendra l'an prochain."),
    ("fr", "Les écoles attendront, on en reparlera plus tard, une fois le pilote fini."),
])
def test_a_group_put_off_with_a_return_planned_is_not_never_revisited(lang: str, answer: str) -> None:
    ctx = context("priority", answer, lang, "Une appli de rendez-vous pour vétérinaires et toiletteurs."
                  if lang == "fr" else "A booking app for vets and pet groomers.")
    assert "never_revisited" not in read_flags(ctx)


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Vets, and that's it. No need to come back to it next year, the market won't change."),
    ("fr", "Les vétos, point. On ne reviendra pas dessus l'an prochain, notre cible ne changera pas."),
])
def test_a_return_refused_still_leaves_the_segments_fixed(lang: str, answer: str) -> None:
    ctx = context("priority", answer, lang, "Une appli de rendez-vous pour vétérinaires et toiletteurs."
                  if lang == "fr" else "A booking app for vets and pet groomers.")
    assert "never_revisited" in read_flags(ctx)


# --- a platform told by its money and its exchange ----------------------------------------------------------


@pytest.mark.parametrize("pitch", [
    "Retired sailors take families out on their boats for the afternoon; we keep fifteen percent off the top.",
    "Families book an afternoon on a retired sailor's boat. The sailor keeps the rest, we take our 15 on each trip.",
    "Les familles réservent une sortie en mer, on encaisse, puis on reverse tout au skipper moins notre part.",
    "Une appli de créneaux de pressage : on se fait payer des deux côtés, un peu par réservation et un abonnement.",
])
def test_a_platform_told_by_its_take_or_payout_is_a_platform(pitch: str) -> None:
    assert is_platform(pitch)


@pytest.mark.parametrize("pitch", [
    "A meal-planning app for busy parents; we charge 20 euros a month and keep it simple.",
    "Un logiciel de paie pour les artisans, 30 euros par mois, le reste du temps ils travaillent.",
])
def test_a_subscription_price_is_no_platform(pitch: str) -> None:
    assert not is_platform(pitch)


@pytest.mark.parametrize(("pitch", "sides"), [
    ("Village bakers host baking classes in their kitchens, tourists book a spot; we keep 18%.",
     {"bakers", "tourists"}),
    ("Retired fishermen host 2 to 6 visitors on their boats, tourists book a trip; we keep 15%.",
     {"fishermen", "tourists"}),
    ("Les voyageuses choisissent une date, trouvent un chauffeur local vérifié et paient en ligne ; on garde 10 %.",
     {"voyageuses", "chauffeur"}),
])
def test_the_sides_of_a_platform_are_who_supplies_and_who_takes(pitch: str, sides: set[str]) -> None:
    assert set(platform_sides(pitch, read_on=True)) == sides


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("en", "Dog owners find a vetted sitter nearby and pay on the app; we keep 20% and pay the sitter out.",
     "Dog owners in Leeds who travel for work. The sitters, honestly, they'll follow: if there are bookings they "
     "will come on their own, they're not who I mean when I say customer."),
    ("fr", "Les parents trouvent une nounou vérifiée près de chez eux et paient en ligne ; on reverse tout à la "
     "nounou en gardant 10 %.",
     "Les parents qui travaillent en horaires décalés à Lille. Les nounous, elles suivront, elles viendront "
     "d'elles-mêmes s'il y a des demandes."),
])
def test_a_side_named_only_to_be_waved_off_leaves_the_platform_one_sided(lang: str, pitch: str, answer: str) -> None:
    assert "one_sided_platform" in rule_flags(context("for_whom", answer, lang, pitch))


# --- a refusal to choose, asked back, or in a formal register ------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "All of them, why pick? Students, retirees, nurses, office workers, it's one launch."),
    ("fr", "Pourquoi choisir ? Les étudiants, les retraités, les infirmières, les bureaux, on lance tout."),
    ("fr", "Il convient de couvrir, sans ordre de priorité, les syndics, les bailleurs, les mairies et les "
           "associations ; nous n'entendons en négliger aucun."),
])
def test_a_refusal_to_choose_said_in_words_stands(lang: str, answer: str) -> None:
    ctx = context("most_important", answer, lang, "A booking app." if lang == "en" else "Une appli de réservation.")
    assert "too_many_segments" in read_flags(ctx)


def test_a_count_denied_or_a_rate_announces_no_segments() -> None:
    assert announced_count("Okay, nobody launches five markets at once. Couples first.") == 5
    assert "too_many_segments" not in read_flags(context(
        "most_important", "Okay, nobody launches five markets at once. Couples on a city break, that's the one.",
        "en", "A booking app for city breaks."))
    assert announced_count("Traders who do 4 to 12 fairs a year") is None
    assert announced_count("les artisans qui font trois salons par an") is None


# --- groups with specific needs written off -----------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Families first. People with food allergies or on a halal diet, no: for a set menu they're a lost "
           "cause, someone else can feed them."),
    ("en", "Regular riders first. The wheelchair users, honestly, we won't build around them, not our market."),
    ("fr", "Les familles d'abord. Les clients allergiques ou au régime sans gluten ne présentent guère "
           "d'intérêt pour un menu unique."),
])
def test_groups_with_specific_needs_written_off_ignore_the_underserved(lang: str, answer: str) -> None:
    ctx = context("priority", answer, lang, "A supper club app." if lang == "en" else "Une appli de tables d'hôtes.")
    assert "ignores_underserved" in read_flags(ctx)


# --- dividing a segment waved away --------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Once you've visited one municipal pool you've visited them all: same rules, same staff rota, so we "
           "pitch the same offer the same way to every one of them, no sense splitting them up."),
    ("fr", "Les piscines municipales ? Qui en a vu une les a toutes vues : mêmes règles, même planning. À quoi "
           "bon les découper, c'est la même chose pour toutes."),
])
def test_dividing_a_segment_waved_away_assumes_it_homogeneous(lang: str, answer: str) -> None:
    ctx = context("characteristics", answer, lang, "Pool scheduling software." if lang == "en"
                  else "Un logiciel de planning pour piscines.")
    assert "assumes_homogeneous" in rule_flags(ctx)


# --- a sweep qualified by a sweep ----------------------------------------------------------------------------


def test_anybody_doing_anything_is_too_broad() -> None:
    ctx = context("for_whom", "Retail. Anybody selling anything: shops, market stalls, online, whatever.", "en",
                  "A card reader for small sellers.")
    assert "too_broad" in read_flags(ctx)


def test_anybody_doing_something_specific_is_narrowed() -> None:
    ctx = context("for_whom", "Anybody selling handmade ceramics at weekend craft fairs in Oregon.", "en",
                  "A card reader for small sellers.")
    assert "too_broad" not in rule_flags(ctx)


# --- market figures offered as evidence ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "According to the census there are 40,000 dog-walking businesses in the UK; at £30 a month that's a "
           "£14m market. I can't see a walker saying no."),
    ("fr", "Selon l'INSEE il y a 12 000 boulangeries en Île-de-France ; à 40 € par mois, le calcul est vite fait."),
])
def test_market_figures_alone_are_not_validation(lang: str, answer: str) -> None:
    pitch = "Software for dog walkers." if lang == "en" else "Un logiciel pour boulangeries."
    ctx = context("evidence", answer, lang, pitch)
    assert "not_validated" in rule_flags(ctx)


def test_market_figures_next_to_interviews_are_evidence() -> None:
    answer = ("According to the census there are 40,000 dog walkers in the UK, and we interviewed 23 of them; 9 "
              "paid for the pilot.")
    assert "not_validated" not in rule_flags(context("evidence", answer, "en", "Software for dog walkers."))


# --- a review denied, a list said fixed --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Climbers first. That list is done, the sport hasn't changed in decades and we're not going to sit "
           "down and revisit it every quarter."),
    ("fr", "Les grimpeurs d'abord. Ma liste est faite depuis 2020 pis elle bougera pas, je vois pas pourquoi je "
           "me reposerais la question chaque année."),
])
def test_a_review_denied_leaves_the_segments_fixed(lang: str, answer: str) -> None:
    ctx = context("priority", answer, lang, "A booking app for climbing gyms." if lang == "en"
                  else "Une appli de réservation pour salles d'escalade.")
    assert "never_revisited" in read_flags(ctx)


# --- the payer denied the buyer's role ---------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("en", "A reading app for kids 6 to 10; parents pay $6 a month.",
     "Our customer is the kid, she picks the books. The mum just tops up the account, she's not really the one who "
     "decides."),
    ("fr", "Une appli de lecture pour les 6-10 ans ; les parents paient 6 € par mois.",
     "Notre client c'est l'enfant, c'est lui qui choisit. Le parent met l'argent, mais c'est pas vraiment lui le "
     "client."),
])
def test_a_payer_denied_the_buyers_role_is_a_buyer_user_confusion(lang: str, pitch: str, answer: str) -> None:
    ctx = context("buyer_user", answer, lang, pitch)
    assert "buyer_user_confusion" in read_flags(ctx)


# --- a founder's refusal of a thing turns no group away ------------------------------------------------------


@pytest.mark.parametrize(("answer", "aside"), [
    ("Franchement, on n'a pas besoin d'un sondage pour savoir que ça répond à quelque chose.", False),
    ("Honestly we don't need a survey to know the demand is there.", False),
    ("Les très petites crèches, on ne va pas y aller.", True),
    ("The walk-in clinics? We won't build for them.", True),
])
def test_a_founders_refusal_sets_a_group_aside_only_when_it_names_people(answer: str, aside: bool) -> None:
    from assistant.understanding.mistakes.aside import sets_a_group_aside

    assert sets_a_group_aside(answer) is aside


# --- a past belief denied in the next sentence -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "dropped"), [
    ("At first I thought every gym member. No: only the ones who train before work.", "every gym member"),
    ("Au début je pensais à tous les parents. Non : seulement ceux qui travaillent de nuit.", "tous les parents"),
])
def test_a_past_belief_denied_in_the_next_sentence_is_dropped(text: str, dropped: str) -> None:
    from assistant.understanding.cues import dropped_belief_spans

    spans = dropped_belief_spans(text)
    assert any(dropped in text[a:b] for a, b in spans)


def test_a_past_belief_kept_is_not_dropped() -> None:
    from assistant.understanding.cues import dropped_belief_spans

    assert dropped_belief_spans("At first I thought every gym member. Nowadays we still think so.") == []


# --- a group offered as a question --------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "group"), [
    ("Would it be the climbers who train three nights a week? I think so.",
     "the climbers who train three nights a week"),
    ("Could it be the caterers who deliver to offices? Probably.", "the caterers who deliver to offices"),
    ("Ce serait les traiteurs qui livrent les bureaux ? Je pense.", "les traiteurs qui livrent les bureaux"),
])
def test_a_group_offered_as_a_question_is_read_without_its_question(answer: str, group: str) -> None:
    assert read_groups(answer, embed_queries) == [group]


# --- who pays, as a label; "in the end" before the payer ------------------------------------------------------


@pytest.mark.parametrize(("answer", "buyer", "user"), [
    ("1. Who pays: the climber. 2. Who uses it: the climber. 3. The gym doesn't pay a cent.",
     "the climber", "the climber"),
    ("Qui paie : la mairie. Qui utilise : les agents du service des sports.",
     "la mairie", "les agents du service des sports"),
])
def test_who_pays_written_as_a_label_names_the_buyer(answer: str, buyer: str, user: str) -> None:
    from assistant.understanding.reader import read_buyer_user

    assert read_buyer_user(answer, embed_queries) == (buyer, user)


def test_in_the_end_is_no_part_of_the_payer() -> None:
    from assistant.understanding.reader import read_buyer_user

    got, _ = read_buyer_user("Les élèves l'utilisent, et au final c'est la mairie qui paie.", embed_queries)
    assert got == "la mairie"


# --- a past participle narrows a universal word --------------------------------------------------------------


def test_anyone_flagged_by_the_service_is_no_broad_target() -> None:
    pitch = ("Mobile hearing-test vans at factories: the employer pays per worker tested, and anyone flagged is "
             "booked straight into an audiologist.")
    assert "too_broad" not in rule_flags(context("intake", pitch, "en"))


# --- a frame after a preamble that names nobody ---------------------------------------------------------------


@pytest.mark.parametrize(("answer", "group"), [
    ("Is it silly to say it's for the beekeepers? They're who I think about all day.", "the beekeepers"),
    ("Bon, je sais pas, je dirais que nos clients ce sont les apiculteurs amateurs.", "les apiculteurs amateurs"),
])
def test_a_target_frame_after_a_preamble_reads_the_group_alone(answer: str, group: str) -> None:
    assert read_groups(answer, embed_queries) == [group]


# --- a sentence that opens on "and" adds groups -----------------------------------------------------------------


def test_a_sentence_opening_on_and_adds_its_groups() -> None:
    groups = read_groups("It's for the potters. And the gift shops and the craft fairs, of course.", embed_queries)
    assert groups[0] == "the potters" and any("gift shops" in g for g in groups[1:])


def test_a_bare_list_after_a_group_still_gives_its_examples() -> None:
    assert read_groups("Independent shops downtown. Clothes, shoes, delis.", embed_queries) == [
        "Independent shops downtown"]


# --- a refusal to look at the target again, said of it ----------------------------------------------------------


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Une plateforme de devis entre les familles et les marbriers indépendants du Cantal.",
     "Les familles du Cantal d'abord, l'Aveyron peut-être plus tard. Et franchement notre cible, je ne vais pas "
     "la remettre en cause chaque trimestre : des gens qui perdent un proche il y en aura toujours, on n'y "
     "reviendra pas."),
    ("en", "A quote platform between families and independent stonemasons in Vermont.",
     "Families in Vermont first, New Hampshire maybe later. And honestly our target, I'm not going to revisit it "
     "every quarter like the startup books say: people will always lose someone, so that's settled."),
])
def test_a_refusal_to_revisit_the_target_stands(lang: str, pitch: str, answer: str) -> None:
    ctx = context("priority", answer, lang, pitch)
    assert "never_revisited" in read_flags(ctx)
