"""A group left out for a reason that is no dismissal: others of theirs already do the job ("their coaches already
plan their season"), or the group needs someone else's care first, or the law or its safety keeps it out ("they
need to see a dentist first", "safeguarding"), and a second group set aside for the same reason ("Les enfants non
plus"). The mistake ignores_underserved is a group dismissed as not worth serving (labelling guide); a classifier
guess of it below `CONFIDENT` needs a group turned away for good (`turns_a_group_away_for_good`), which these are
not, while the dismissals next to them still are. Sentences phrased anew, none from a scenario set."""

from __future__ import annotations

import pytest

from assistant.understanding.mistakes.aside import turns_a_group_away_for_good
from tests.contexts import context, read_flags

SET_ASIDE_FOR_A_REASON = [
    ("en", "Amateur triathletes who race twice a season and keep getting shin splints. Elite age-groupers I won't "
           "take on. Their coaches already plan their season."),
    ("fr", "Les triathlètes amateurs qui font deux courses par saison et se blessent aux tibias. Les élites, je ne "
           "les prends pas : leurs entraîneurs planifient déjà toute leur saison."),
    ("en", "Junior squads I won't take on, I can't do the safeguarding checks for under-18s properly."),
    ("fr", "Les juniors, je ne les prends pas, je ne peux pas assurer la protection des mineurs correctement."),
    ("en", "Adults who grind their teeth at night. Anyone whose jaw pain started last week I don't take: they need "
           "to see a dentist first, it could be an emergency. Children either, the exercises are not made for them."),
    ("fr", "Les adultes qui grincent des dents la nuit. Ceux qui ont mal à la mâchoire depuis une semaine, je ne les "
           "prends pas : ils doivent d'abord consulter un dentiste, cela peut être une urgence. Les enfants non plus, "
           "ce n'est pas mon métier."),
]


@pytest.mark.parametrize(("lang", "answer"), SET_ASIDE_FOR_A_REASON)
def test_a_group_left_out_for_its_care_or_served_elsewhere_is_not_turned_away_for_good(lang: str, answer: str
                                                                                       ) -> None:
    assert not turns_a_group_away_for_good(answer)
    assert "ignores_underserved" not in read_flags(context("most_important", answer, lang))


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Junior clubs I won't take on, too few of them and they never pay."),
    ("fr", "Les juniors, je ne les prends pas, ils ne paient jamais."),
    ("en", "Adults who grind their teeth at night. The rural practices I don't take, too far away. Children either."),
    ("fr", "Les adultes qui grincent des dents. Les petits cabinets ruraux, je ne les prends pas, trop loin. Les "
           "enfants non plus."),
])
def test_a_group_turned_away_with_no_such_reason_still_is(lang: str, answer: str) -> None:
    assert turns_a_group_away_for_good(answer)


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "Dentists in the city centre. The rural practices, forget them, not worth the drive. The tiny ones either."),
    ("fr", "Les cabinets du centre-ville. Les petits cabinets ruraux, pas la peine, ils n'ont pas d'argent. Les "
           "indépendants non plus."),
])
def test_a_dismissal_then_another_group_for_the_same_reason_is_the_mistake(lang: str, answer: str) -> None:
    assert "ignores_underserved" in read_flags(context("most_important", answer, lang))
