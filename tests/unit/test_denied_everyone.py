"""'Everyone' denied is a narrowing, not a target (issue 9, kind 6): "tout le monde n'a pas un animal... nos
clients, ce sont les foyers qui..." is not too broad; an 'everyone' still named plainly is. Phrasings written
for these tests, in no scenario or corpus file."""

from __future__ import annotations

import pytest

from tests.contexts import context, read_flags


def _flags(answer: str, lang: str, pitch: str) -> set[str]:
    return read_flags(context("for_whom", answer, lang, pitch))


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Une assurance pour velos electriques.", "Oui bon, tout le monde n'a pas de velo... Nos clients, ce "
     "sont les foyers qui ont un velo electrique et qui le laissent dehors la nuit, ceux qui ont deja eu un vol "
     "ou qui le redoutent."),
    ("fr", "Une appli de suivi de jardin potager.", "Bon, c'est vrai que tout le monde n'a pas de jardin. Nos "
     "clients ce sont les gens qui ont un potager de plus de 20 m2 et qui ratent leurs semis chaque printemps"),
    ("en", "A booking app for piano tuners.", "fair, not everyone owns a piano. the customer is the parent "
     "whose kid takes weekly lessons on an upright at home and who never remembers to book a tuning"),
])
def test_a_denied_everyone_followed_by_a_group_is_not_too_broad(lang: str, pitch: str, answer: str) -> None:
    assert "too_broad" not in _flags(answer, lang, pitch)


@pytest.mark.parametrize(("lang", "pitch", "answer"), [
    ("fr", "Une appli de suivi de jardin potager.", "pas tout le monde au debut, mais a terme tout le monde"),
    ("en", "A booking app for piano tuners.", "not everyone at first, but honestly anyone could use it"),
])
def test_an_everyone_still_named_plainly_is_too_broad(lang: str, pitch: str, answer: str) -> None:
    assert "too_broad" in _flags(answer, lang, pitch)
