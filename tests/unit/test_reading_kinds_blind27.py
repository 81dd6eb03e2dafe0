"""Kinds of reading the twenty-seventh blind set showed, each phrased anew (no sentence of the set): a take rate
said bare or as a share of the price, a side after a modifier ("w export packhouses"), who one side sells to,
a landscape only in its own line, and a group named again with a pointing determiner."""

from __future__ import annotations

import pytest

from assistant.text.vectors import embed_queries
from assistant.understanding.group_reader import read_group_list
from assistant.understanding.mistakes import detect
from assistant.understanding.platform import is_platform, platform_sides
from tests.contexts import context, read_flags, rule_flags
from tests.fakes.heads import GuessingHeads


@pytest.mark.parametrize("pitch", [
    "salut! c une appli ou les campings peuvent réserver des animateurs indépendants pour l'été. le camping paie "
    "l'animation en ligne, l'animateur reçoit son cachet, nous on garde 18%",
    "We run a website where owners of private swimming pools in Seville rent the empty hours to families. The "
    "family pays online and we retain 12% of the price of the owner.",
    "Une plateforme où les propriétaires de salles de répétition louent les créneaux vides aux groupes amateurs ; "
    "nous retenons 10 % du prix.",
])
def test_a_take_rate_said_bare_or_on_the_price_is_a_platform(pitch: str) -> None:
    assert is_platform(pitch)


@pytest.mark.parametrize("text", [
    "The salon pays 10% of the price upfront and the rest on delivery.",
    "We offer 10% off the price for students.",
])
def test_a_share_of_a_price_with_no_take_is_no_platform(text: str) -> None:
    assert not is_platform(text)


def test_a_side_after_one_modifier_is_read() -> None:
    assert platform_sides("its an app connecting small cashew growers around mtwara w export ginneries.") == [
        "growers", "ginneries"]


def test_who_one_side_sells_to_is_no_other_side() -> None:
    pitch = ("its a platform connecting small fishers around kilifi n malindi w hotels. hotels book catch b4 "
             "landing, hotel pays us 50/kg")
    flags = read_flags(context("for_whom", "fishers. 1 boat, kilifi side mostly, the ones selling to dealers at "
                               "landing site for cash", "en", pitch=pitch))
    assert "one_sided_platform" in flags
    # the founder's own sale is another matter: "we sell to hotels" may name the other side
    assert "one_sided_platform" not in read_flags(context("for_whom", "fishers around kilifi, and we sell to "
                                                          "hotels too", "en", pitch=pitch))


def test_a_landscape_is_read_in_its_own_line_only() -> None:
    answer = ("Deux publics :\n- Clubs : les clubs de foot amateurs de Rennes, qui ont 3 à 8 équipes, souvent sans "
              "salarié.\n- Arbitres : les jeunes arbitres bénévoles, qui veulent des matchs près de chez eux.\n"
              "Ici tout le monde parle de foot, mais nos clients, c'est vraiment ces clubs-là.")
    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 2 and "clubs de foot" in groups[0] and "arbitres" in groups[1]


@pytest.mark.parametrize("answer", [
    "Les fromageries du Jura et les affineurs de Comté. Mais nos clients, c'est vraiment ces fromageries-là.",
    "Les écoles de musique de Lyon et les profs indépendants. Franchement ces écoles-là, c'est elles qui paient.",
])
def test_a_pointing_determiner_names_a_group_again(answer: str) -> None:
    assert len(read_group_list(answer, embed_queries).groups) == 2


@pytest.mark.parametrize(("answer", "flagged"), [
    ("ok. we look again every march after the long rains: who joined, prices, which hotels still book. fishers n "
     "hotels stay the focus for now", False),
    ("fishers, hotels, fishmongers in mombasa and the export agents, all at once this year", True),
])
def test_a_platforms_two_sides_are_not_too_many_segments(answer: str, flagged: bool) -> None:
    from assistant.understanding.reader import read_mistakes

    pitch = ("its a platform connecting small fishers around kilifi n malindi w hotels. hotels book catch b4 "
             "landing, hotel pays us 50/kg")
    found = read_mistakes(context("priority", answer, "en", pitch=pitch), embed_queries,
                          GuessingHeads("too_many_segments"))  # type: ignore[arg-type]
    assert ("too_many_segments" in {d.mistake_id for d in found}) is flagged


@pytest.mark.parametrize(("answer", "lang"), [
    ("Nos clientes, ce sont des femmes de 30 à 50 ans, de Thiès et Tivaouane, mariées avec plusieurs enfants, un "
     "niveau d'instruction secondaire, qui parlent wolof et pulaar.", "fr"),
    ("Our customers are men aged 30 to 50 from Kumasi and Obuasi, married with several children, primary schooling, "
     "who speak Twi and Fante.", "en"),
])
def test_schooling_and_languages_listed_are_demographics(answer: str, lang: str) -> None:
    ctx = context("for_whom", answer, lang, pitch="Motorbike leasing paid weekly by mobile money.")
    assert "demographics_only" in rule_flags(ctx) and "demographics_only" in read_flags(ctx)


@pytest.mark.parametrize(("answer", "lang", "pitch", "flagged"), [
    ("Buyer = the worker. User = the worker. It's his eyes, so he is the customer.", "en",
     "An eye-test van parked at the factory gate. The factory pays 250 rupees per worker tested.", True),
    ("Buyer = the worker. User = the worker. It's his eyes, so he is the customer.", "en",
     "An eye-test van parked at the market. Each worker pays 250 rupees for his test.", False),
    ("Acheteur : le patient. Utilisateur : le patient. C'est sa peau, donc c'est lui le client.", "fr",
     "Un dépistage des grains de beauté en pharmacie. La mutuelle paie 30 euros par patient dépisté.", True),
])
def test_one_person_labelled_both_roles_against_the_sessions_payer(answer: str, lang: str, pitch: str,
                                                                   flagged: bool) -> None:
    flags = read_flags(context("buyer_user", answer, lang, pitch=pitch))
    assert ("buyer_user_confusion" in flags) is flagged


@pytest.mark.parametrize(("answer", "lang", "pitch", "broad"), [
    ("Alors, je dirais... un peu tout le monde qui a un chat, en fait. Il y en a des millions en France.", "fr",
     "Je propose de la garde de chats à domicile pendant les vacances, à Nantes.", True),
    ("Hmm, I'd say basically anyone who has a car, really. There are millions of them.", "en",
     "A mobile car repair service that comes to your driveway in Leeds.", True),
    ("Anyone who has a warehouse with at least ten forklifts.", "en",
     "Forklift safety training delivered on site in Leeds.", False),
])
def test_owning_what_the_product_serves_narrows_nothing(answer: str, lang: str, pitch: str, broad: bool) -> None:
    assert ("too_broad" in rule_flags(context("for_whom", answer, lang, pitch=pitch))) is broad


@pytest.mark.parametrize(("answer", "lang", "certain"), [
    ("Ohrid is small, everyone knows everyone, so we will sell to the hotels, the cafés and the shops at once.", "en",
     False),
    ("Everyone knows they need it, honestly, no need to ask.", "en", True),
    ("Ici c'est petit, tout le monde connaît tout le monde, donc on vise les cafés et les hôtels.", "fr", False),
])
def test_people_knowing_one_another_is_no_certainty(answer: str, lang: str, certain: bool) -> None:
    flags = rule_flags(context("for_whom", answer, lang, pitch="Energy audits for small businesses."))
    assert ("not_validated" in flags) is certain


def test_a_sweep_said_in_so_many_words_stands_beside_a_broad_pronoun() -> None:
    # "anyone with a boat" is read first; "every marina and every skipper in the country" says the sweep outright
    answer = ("Honestly, anyone with a bit of coastline and anyone with a boat. For a marketplace the more listings "
              "the better, so every marina and every skipper in the country, basically.")
    pitch = "A marketplace for mooring spots: marinas list empty berths, skippers book them by the night."
    found = [d for d in detect(context("most_important", answer, "en", pitch=pitch)) if d.mistake_id == "too_broad"]
    assert found and found[0].stated


@pytest.mark.parametrize(("answer", "lang", "pitch"), [
    ("Fair enough, 'anyone with a bike' means nothing, it's what we say at the shop. The ones who actually come are "
     "commuters in Ghent whose bike was just stolen and who need one by Monday.", "en",
     "We sell refurbished city bikes with a 6-month warranty in Ghent."),
    ("D'accord, « tout le monde qui a un vélo », ça ne veut rien dire. Ceux qui viennent vraiment, ce sont les "
     "navetteurs de Gand qui se sont fait voler leur vélo.", "fr", "On vend des vélos de ville reconditionnés à Gand."),
])
def test_broad_words_quoted_to_be_disowned_name_no_target(answer: str, lang: str, pitch: str) -> None:
    assert "too_broad" not in rule_flags(context("for_whom", answer, lang, pitch=pitch))


def test_kinds_said_not_to_matter_beside_anyone_is_said_in_so_many_words() -> None:
    answer = ("Every bakery in Lyon, honestly. Sourdough place, pastry shop, hotel bakery, supermarket counter, "
              "doesn't matter. Anybody with an oven in a commercial kitchen is a customer.")
    found = [d for d in detect(context("for_whom", answer, "en", pitch="We service and repair ovens for bakeries."))
             if d.mistake_id == "too_broad"]
    assert found and found[0].stated


@pytest.mark.parametrize(("answer", "lang", "head"), [
    ("Fair. The people I really do this for are the ones who just bought an old sailing boat and can't fix it.",
     "en", "the ones who just bought"),
    ("Bon, d'accord. Les gens pour qui je fais vraiment ça, ce sont les retraités qui viennent d'acheter un vieux "
     "voilier.", "fr", "les retraités"),
])
def test_the_people_i_do_this_for_frames_the_group(answer: str, lang: str, head: str) -> None:
    from assistant.understanding.segment_names import segment_name

    groups = read_group_list(answer, embed_queries).groups
    assert len(groups) == 1 and groups[0].lower().startswith(head.lower())
    assert not segment_name(answer.split(". ", 1)[1]).lower().startswith(("gens pour", "people i"))


def test_everyone_else_put_off_is_no_sweep() -> None:
    answer = ("bakeries around the old town first, cafés second. caterers, hotels, schools, everyone else can wait "
              "till we nail lyon.")
    found = [d for d in detect(context("priority", answer, "en", pitch="An app that plans bread orders for bakeries."))
             if d.mistake_id == "too_broad"]
    assert not any(d.stated for d in found)
    assert "too_broad" not in read_flags(context("priority", answer, "en", pitch="An app that plans bread orders."))
