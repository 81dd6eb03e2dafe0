"""A product sold to one business on a subscription, that the business uses with its own customers ("an app for
bike shops so they can rent bikes to tourists; the shop pays us 49 dollars a month"), is that business's tool: its
customers are no second side of a platform, and a founder who names only them is no one-sided platform. Called a
platform, or with a marketplace's marker, it still is one. Sentences phrased anew, none from a scenario set."""

from __future__ import annotations

import pytest

from assistant.understanding.platform import is_platform
from tests.contexts import context, read_flags

TOOLS = [
    ("en", "we made an app for bike shops in porto so they can sell day passes to tourists. the shop sets the price, "
           "the tourist gets a QR code and pays at the desk. each shop pays us 49 euros a month"),
    ("fr", "on a fait une appli pour les boulangeries de Lille pour qu'elles vendent des paniers aux familles du "
           "quartier. La boulangerie fixe le prix, la famille reçoit un SMS et paie au comptoir. La boulangerie paie "
           "29 € par mois."),
    ("en", "An app for piano teachers: their pupils book lessons and get reminders. The teacher pays a subscription."),
    ("fr", "Une appli pour les auto-écoles : les élèves réservent leurs heures de conduite. L'auto-école paie un "
           "abonnement."),
]


@pytest.mark.parametrize(("lang", "pitch"), TOOLS)
def test_a_tool_one_business_subscribes_to_is_no_platform(lang: str, pitch: str) -> None:
    assert not is_platform(pitch)


@pytest.mark.parametrize(("lang", "pitch"), TOOLS[:2])
def test_naming_the_tools_end_customers_alone_is_no_one_sided_platform(lang: str, pitch: str) -> None:
    answer = {"en": "basically anyone who visits porto and wants to ride, tourists mostly",
              "fr": "Les familles du quartier, en gros tout le monde qui achète du pain"}[lang]
    assert "one_sided_platform" not in read_flags(context("for_whom", answer, lang, pitch=pitch))


@pytest.mark.parametrize(("lang", "pitch"), [
    ("en", "A platform that connects bike rental shops with tourists; each shop pays a subscription of 49 euros a "
           "month."),
    ("fr", "Une plateforme qui met en relation les salons de coiffure et les clientes ; le salon paie un abonnement."),
    ("en", "A marketplace where bike shops rent e-bikes to tourists, shops pay us 49 euros a month."),
])
def test_a_platform_or_marketplace_on_a_subscription_is_still_a_platform(lang: str, pitch: str) -> None:
    assert is_platform(pitch)
