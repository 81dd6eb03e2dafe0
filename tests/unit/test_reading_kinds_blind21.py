"""Kinds the twenty-first blind set showed, each phrased anew here (none of these sentences is in
`evals/scenarios-blind21/`): a review planned at a date ("in March we look at the segments again") is no segments
set in stone; a group turned away whose reason is a trait of the underserved (informal settlements, seasonal
migrant workers); "everyone" as a sentence of its own is too broad in so many words; a user paying herself at a
price is no buyer/user confusion."""

from __future__ import annotations

from tests.contexts import context, read_flags, rule_flags


def test_a_review_at_a_date_is_no_segmentation_set_in_stone() -> None:
    answer = ("The shops first, I want 20 of them signed before any marketing. After the first full season, in "
              "October, we go through the sales data and look at the segments again.")
    assert "never_revisited" not in read_flags(context("priority", answer, "en"))
    answer = ("Les boulangeries d'abord. Après la première saison, en septembre, on reprend les chiffres et on "
              "revoit les segments.")
    assert "never_revisited" not in read_flags(context("priority", answer, "fr"))


def test_a_group_turned_away_for_an_underserved_trait_is_the_mistake() -> None:
    answer = ("The families in the settlements up on the hill, no. No pavement, no numbers on the doors, an hour "
              "of walking for one visit. Not worth it for us.")
    assert "ignores_underserved" in rule_flags(context("most_important", answer, "en"))
    answer = ("Pas les saisonniers agricoles des serres : ils repartent en octobre, ils ne votent pas ici. Ça ne "
              "vaut pas le coup pour nous.")
    assert "ignores_underserved" in rule_flags(context("for_whom", answer, "fr"))


def test_everyone_as_a_sentence_of_its_own_is_stated() -> None:
    answer = ("Frankly everyone. Cold doesn't care if you're rich or poor, the whole north is freezing from "
              "November to March.")
    assert "too_broad" in read_flags(context("for_whom", answer, "en"))
    assert "too_broad" in read_flags(context("for_whom", "Tout le monde, franchement. Le froid touche tous les "
                                                         "foyers du nord, riches ou pauvres.", "fr"))


def test_a_user_paying_herself_at_a_price_is_no_confusion() -> None:
    pitch = "Rain insurance for street vendors: a payout on rain days, sold with the union, the insurer covers it."
    answer = "The vendor pays herself, 20 rupees a week by UPI. She is covered and she gets the payout. Same person."
    assert "buyer_user_confusion" not in read_flags(context("buyer_user", answer, "en", pitch=pitch))
    # without a payment described, the same words in that session are still the confusion
    assert "buyer_user_confusion" in rule_flags(context("buyer_user", "Same person, the vendor.", "en", pitch=pitch))


def test_labelled_items_split_at_slashes_go_to_their_segment_without_the_label() -> None:
    from assistant.canvas import Canvas, Segment
    from assistant.understanding.extract import fields_from_answer

    canvas = Canvas(language="fr", segments=[Segment(name="Maraîchers du plateau"), Segment(name="Restaurateurs")])
    answer = ("maraîchers : vendre tout le panier / être payés à temps / moins de pertes. restaurateurs : du frais "
              "le matin / une seule facture / livré 24/7")
    jobs = {u.segment: u.jobs for u in fields_from_answer("jobs", answer, canvas, "fr", None)}  # type: ignore[arg-type]
    assert jobs == {"Maraîchers du plateau": ["vendre tout le panier", "être payés à temps", "moins de pertes"],
                    "Restaurateurs": ["du frais le matin", "une seule facture", "livré 24/7"]}
    # one slash is an alternative, and one segment's labels say whose item it is
    one = Canvas(language="en", segments=[Segment(name="Small water systems")])
    items = fields_from_answer("jobs", "Managers: produce the numbers for the annual audit / regulator", one, "en",
                               None)[0].jobs  # type: ignore[arg-type]
    assert items == ["Managers: produce the numbers for the annual audit / regulator"]
