"""Kinds of founder writing the twelfth blind set showed the reader getting wrong, each phrased anew here (none of
these sentences is in `evals/scenarios-blind12/`): a payer named in the pitch and the founder calling the users
the buyers, "Buyer = user" written with a sign, where the money goes through waved away, and a landscape of the
groups around a product listed before the founder turns to their own target."""

from __future__ import annotations

import pytest

from assistant.understanding.target_frame import without_landscape
from tests.contexts import context, read_flags, rule_flags

# --- buyer/user: a payer named before, the users called the buyers -------------------------------------------


@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    ("The property manager pays $4 per unit a month; residents book the laundry machines in the app.",
     "Residents. They book the machines, they top up, it's them in the end. Buyer = user.", "en"),
    ("C'est le club qui paie, 3 € par adhérent et par an ; pour les adhérents c'est gratuit.",
     "Pour moi nos vrais clients, c'est les adhérents : ils réservent, ils jouent. Donc acheteur et utilisateur, "
     "grosso modo la même personne.", "fr"),
])
def test_a_payer_named_in_the_pitch_makes_users_called_buyers_a_confusion(pitch: str, answer: str, lang: str) -> None:
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    # the payer named in the pitch is the group the answer opens on
    ("Freelance translators pay €12 a month for the glossary tool.",
     "Translators, same person: they buy it and use it every day.", "en"),
    # "la paie" is payroll, no payer: the craftsman does his own
    ("Un logiciel de paie en ligne pour les artisans du bâtiment.",
     "L'artisan, c'est la même personne : il l'achète et fait sa paie lui-même le dimanche soir.", "fr"),
])
def test_a_payer_who_is_the_user_or_a_payroll_noun_makes_no_confusion(pitch: str, answer: str, lang: str) -> None:
    assert "buyer_user_confusion" not in rule_flags(context("buyer_user", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("answer", "lang"), [
    ("The physios. The clinic's account gets charged, but it doesn't really matter whose account it comes out of.",
     "en"),
    ("Les joueurs. Ça passe sur le compte du club, mais peu importe sur quel compte, c'est eux nos clients.", "fr"),
])
def test_whose_card_or_account_said_not_to_matter_waves_the_payer_away(answer: str, lang: str) -> None:
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", answer, lang))


def test_the_account_named_as_mattering_is_no_confusion() -> None:
    answer = "The clinic pays from its training budget; whose budget it is matters a lot, so we pitch the manager."
    assert "buyer_user_confusion" not in rule_flags(context("buyer_user", answer, "en"))


# --- groups: a landscape, then the founder's own target ------------------------------------------------------


def _groups(answer: str) -> list[str]:
    from assistant.text.vectors import embed_queries
    from assistant.understanding.group_reader import read_group_list

    return read_group_list(answer, embed_queries).groups


@pytest.mark.parametrize(("answer", "target", "background"), [
    ("Around here pretty much everybody needs boats fixed: fishermen, marinas, yacht clubs, the ferry company. But "
     "the ones we're going after are the small marinas with under 50 berths.", "marinas", "ferry"),
    ("Dans le coin t'as les campings, les hôtels, les chambres d'hôtes, les résidences... ça en fait, du monde. "
     "Mais nous on vise les gîtes ruraux de moins de cinq chambres.", "gîtes", "campings"),
])
def test_groups_listed_as_a_landscape_before_the_founders_turn_are_not_targets(answer: str, target: str,
                                                                              background: str) -> None:
    groups = _groups(answer)
    assert len(groups) == 1 and target in groups[0]
    assert not any(background in g for g in groups)


@pytest.mark.parametrize("answer", [
    # the founder's own list: the first person is in its sentence
    "We work with gyms, yoga studios and climbing halls, but our first customers are the climbing halls.",
    # nothing named after the turn
    "Restaurants, cafés, hotels, food trucks. But we haven't decided yet.",
    # a single group before the turn is no list
    "Les kinés libéraux. Mais nous on vise surtout ceux qui font du domicile.",
])
def test_a_list_the_founder_owns_or_a_turn_naming_nothing_keeps_the_answer(answer: str) -> None:
    assert without_landscape(answer) == answer


# --- too_broad: a sweep whose ends are described, every one of a group the country over --------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("Honnêtement ? Du papi avec sa canne à pêche à la gamine de huit ans avec son épuisette.", "fr"),
    ("From the toddler in a pushchair to the grandpa with his walking frame, basically.", "en"),
])
def test_a_sweep_whose_two_ends_are_described_is_too_broad(answer: str, lang: str) -> None:
    assert "too_broad" in rule_flags(context("for_whom", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    # a path, not a sweep: a verb and a clause between the two ends
    ("We collect used coffee grounds from cafés in the old town and sell them to mushroom growers.", "en"),
    # "des" is an article after a verb there
    ("On vend des caisses de pommes en abonnement aux cantines scolaires du canton.", "fr"),
])
def test_a_long_path_between_two_groups_is_no_sweep(answer: str, lang: str) -> None:
    assert "too_broad" not in rule_flags(context("intake", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("Really any allotment holder and every seed swapper in the country, basically.", "en"),
    ("Tous les apiculteurs et tous les vergers du pays, en gros.", "fr"),
])
def test_every_one_of_a_group_the_country_over_is_too_broad(answer: str, lang: str) -> None:
    assert "too_broad" in rule_flags(context("most_important", answer, lang))


@pytest.mark.parametrize(("answer", "lang"), [
    ("The night-shift nurses at the two county hospitals. Those are the people we're building this for.", "en"),
    ("Everyone we interviewed was a night-shift nurse at one of the two county hospitals.", "en"),
])
def test_a_broad_word_before_the_founder_as_subject_is_no_target(answer: str, lang: str) -> None:
    assert "too_broad" not in rule_flags(context("for_whom", answer, lang))


# --- never_revisited: a rhetorical refusal to go back ---------------------------------------------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("We nailed the target market with our advisors in March. The trade hasn't moved in decades, so I don't see "
     "why we'd ever go back over it.", "en"),
    ("La cible, on l'a calée avec le comité l'an dernier. Franchement je vois pas pourquoi on y reviendrait.", "fr"),
])
def test_a_rhetorical_refusal_to_go_back_to_the_segments_is_never_revisited(answer: str, lang: str) -> None:
    assert "never_revisited" in rule_flags(context("priority", answer, lang))


def test_a_review_planned_after_the_question_why_is_no_refusal() -> None:
    answer = "Why would we change it? Because the route data moves, so we look at the segment again every quarter."
    assert "never_revisited" not in rule_flags(context("priority", answer, "en"))


# --- ignores_underserved: turned away for thin margins or cash dealings ---------------------------------------


@pytest.mark.parametrize(("answer", "lang"), [
    ("Market stalls in the townships? No. Cash only, margins are nil. Not our market.", "en"),
    ("Les petits garages de brousse : non. Tout en liquide, marge quasi nulle. Pas pour nous.", "fr"),
])
def test_a_group_turned_away_for_thin_margins_or_cash_ignores_the_underserved(answer: str, lang: str) -> None:
    assert "ignores_underserved" in rule_flags(context("most_important", answer, lang))


# --- one_sided_platform: the one side named as the one built for ----------------------------------------------


@pytest.mark.parametrize(("pitch", "answer", "lang"), [
    ("Like Airbnb for parking: homeowners list their empty driveways and commuters book a spot by the hour.",
     "Commuters who drive into the city centre every day and pay a fortune for parking, those are the people "
     "we are building this for", "en"),
    ("Une appli qui met en relation les propriétaires de jardins et les jardiniers sans terrain.",
     "Les jeunes des immeubles qui rêvent d'un potager, c'est pour eux.", "fr"),
])
def test_the_one_side_named_as_the_one_built_for_is_a_one_sided_platform(pitch: str, answer: str, lang: str) -> None:
    from assistant.understanding.side_asides import closes_on_one_customer

    assert closes_on_one_customer(answer)
    assert "one_sided_platform" in read_flags(context("for_whom", answer, lang, pitch=pitch))


# --- groups: a deferral inside the group's own words, a verb before its object, orphan continuations ----------


@pytest.mark.parametrize(("answer", "kept", "put_off"), [
    # a count of the audiences criticised before would open the put-off group as one of those announced
    ("Cinq publics pour deux personnes, c'est intenable. On garde les boulangeries de quartier. Les cantines "
     "peut-être plus tard.", "boulangeries", "cantines"),
    ("Right. We keep the corner bakeries. School canteens maybe later.", "bakeries", "canteens"),
])
def test_a_group_whose_own_words_end_on_a_deferral_is_put_off(answer: str, kept: str, put_off: str) -> None:
    from assistant.text.vectors import embed_queries
    from assistant.understanding.group_reader import read_group_list

    reading = read_group_list(answer, embed_queries)
    assert any(kept in g for g in reading.groups)
    assert not any(put_off in g for g in reading.groups)


def test_a_time_word_ending_a_clause_inside_a_group_puts_nothing_off() -> None:
    answer = "parents who can host kids on saturday mornings, other parents who need a sitter and can repay it later"
    assert len(_groups(answer)) == 2


def test_a_verb_before_its_object_pronoun_opens_no_noun_phrase() -> None:
    from assistant.understanding.group_check import opens_noun_phrase

    assert not opens_noun_phrase("lease them out to day-trippers in summer")
    assert opens_noun_phrase("people like them")


def test_a_verb_before_its_object_pronoun_goes_on_with_the_relative_clause() -> None:
    answer = ("Boat owners in the harbour who keep 1 to 3 dinghies, rent them out to tourists in July, and lose a week "
              "every time an outboard dies.")
    groups = _groups(answer)
    assert len(groups) == 1 and "owners" in groups[0]


def test_a_premodifier_cut_off_by_and_opens_the_group_it_belongs_to() -> None:
    answer = ("Dairy and beef farmers with 100 to 400 head, calving in spring. Spring is where it all goes wrong: "
              "they're up all night in the sheds, then they drive to the mart exhausted.")
    groups = _groups(answer)
    assert len(groups) == 1 and "farmers" in groups[0]


@pytest.mark.parametrize(("answer", "labels", "expected"), [
    # impersonal "il faut" opens a group; "they're" is followed by a copula
    ("de l'autre côté il faut les familles qui cuisinent", ["new"], ["new"]),
    ("they're mostly night nurses", ["new"], ["new"]),
    # a personal pronoun's clause, no group open before it
    ("Spring is the worst: they're up all night, then they drive to the mart", ["none", "cont", "new"],
     ["none", "cont", "none"]),
])
def test_only_a_personal_pronoun_clause_with_no_group_open_is_no_group(answer: str, labels: list[str],
                                                                        expected: list[str]) -> None:
    from assistant.understanding.group_fragments import fragments
    from assistant.understanding.group_orphans import orphans_relabel

    frags = fragments(answer)
    assert len(frags) == len(labels)
    assert orphans_relabel(frags, labels) == expected


# --- buyer and user written as equations -----------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "roles"), [
    ("Took me a while. So: the gym owner = buyer, members = users.", ("the gym owner", "members")),
    ("Bref : le club = acheteur, les joueurs = utilisateurs.", ("le club", "les joueurs")),
    ("Buyer = the HR director. User = the night nurses.", ("the HR director", "the night nurses")),
])
def test_buyer_and_user_written_as_equations_are_read_as_written(answer: str, roles: tuple[str, str]) -> None:
    from assistant.text.vectors import embed_queries
    from assistant.understanding.reader import read_buyer_user

    assert read_buyer_user(answer, embed_queries) == roles


@pytest.mark.parametrize("answer", [
    "Residents. They book, they pay. Buyer = user. Simple.",
    "- membres : ils paient et ils jouent (acheteur = utilisateur) - carte cadeau : c'est l'offreur qui paie",
])
def test_buyer_equals_user_names_no_one_as_a_role(answer: str) -> None:
    from assistant.understanding.roles_reader import labelled_roles

    assert labelled_roles(answer) is None


# --- groups: kinds of the group named after a focus marker -----------------------------------------------------


@pytest.mark.parametrize(("answer", "head"), [
    ("It's for bike shops, mostly the repair-only places and the mobile mechanics who come to your door.", "bike"),
    ("C'est pour les boulangeries surtout les petites artisanales et les dépôts de pain des villages.", "boulangeries"),
])
def test_kinds_named_after_a_focus_marker_are_one_group(answer: str, head: str) -> None:
    groups = _groups(answer)
    assert len(groups) == 1 and head in groups[0].lower()


def test_a_focus_between_commas_inside_a_serial_list_is_no_item_of_its_own() -> None:
    groups = _groups("Les fromagers, surtout les affineurs, et les épiceries fines qui font du traiteur.")
    assert len(groups) == 2 and "fromagers" in groups[0] and "épiceries" in groups[1]


def test_a_focus_on_a_time_after_a_group_names_no_kind_of_it() -> None:
    answer = ("Les écoles primaires qui cherchent des sorties, et les clubs de rando qui cherchent des sorties le "
              "dimanche, surtout l'automne")
    groups = _groups(answer)
    assert len(groups) == 2 and not any("automne" in g for g in groups)


# --- segment names cut at their length limit -------------------------------------------------------------------


@pytest.mark.parametrize(("group", "name"), [
    ("Dairy and beef farms and milk tanker drivers on the night collection round", "Dairy and beef farms"),
    ("les guides de montagne indépendants ou en petite structure, dans les Alpes du Nord",
     "Guides de montagne indépendants"),
    # the cut falls on a noun, or before a relative clause: the name keeps it
    ("Owners of vans and trucks who drive for a living", "Owners of vans and trucks"),
    ("Ceux de seconde et première qui préparent le bac de français", "Ceux de seconde et première"),
    ("Employers in logistics and food processing around the port of Felixstowe",
     "Employers in logistics and food processing"),
])
def test_a_name_cut_just_after_a_conjunction_stops_before_it(group: str, name: str) -> None:
    from assistant.understanding.segment_names import segment_name

    assert segment_name(group) == name
