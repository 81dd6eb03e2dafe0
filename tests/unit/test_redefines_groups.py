"""A follow-up answer at `for_whom` after a critique of the groups themselves names them anew (one rule, used by
the offline coach's preview and by the graph): after too broad or too many, whatever it names; after
demographics only, when it names a group the canvas does not hold (found on a blind scenario: "des adultes qui
ont fait un peu de musique ado…" stayed beside "Femmes de 35 à 50 ans"); an answer that only describes the
segment already there replaces nothing."""

from __future__ import annotations

import pytest

from assistant.analysis import Analysis, SegmentUpdate
from assistant.canvas import Canvas, Critique, Segment
from assistant.canvas.update import apply_analysis, redefines_groups


def _canvas(mistake: str) -> Canvas:
    return Canvas(segments=[Segment(name="Femmes de 35 à 50 ans", who="les femmes de 35 à 50 ans, cadres")],
                  critiques=[Critique(mistake_id=mistake, question_id="for_whom", message="m")])  # type: ignore[arg-type]


NEW = [SegmentUpdate(segment="Adultes qui reprennent la musique", who="des adultes qui ont fait de la musique ado")]
SAME = [SegmentUpdate(segment="Femmes de 35 à 50 ans", who="les femmes de 35 à 50 ans; elles jouaient ado")]


@pytest.mark.parametrize(("mistake", "updates", "follow_ups", "replaces"), [
    ("demographics_only", NEW, 1, True),
    ("demographics_only", SAME, 1, False),  # the segment described further: nothing replaced
    ("demographics_only", NEW, 0, False),  # not a follow-up
    ("too_broad", SAME, 1, True),
    ("too_many_segments", NEW, 1, True),
    ("assumes_homogeneous", NEW, 1, False),
])
def test_which_follow_ups_name_the_groups_anew(mistake: str, updates: list[SegmentUpdate], follow_ups: int,
                                              replaces: bool) -> None:
    assert redefines_groups("for_whom", follow_ups, _canvas(mistake), updates) is replaces


def test_the_demographic_segment_gives_way_to_the_group_told_by_what_it_does() -> None:
    canvas = _canvas("demographics_only")
    replace = redefines_groups("for_whom", 1, canvas, NEW)
    after = apply_analysis(canvas, Analysis(updates=NEW), replace_segments=replace)
    assert [s.name for s in after.segments] == ["Adultes qui reprennent la musique"]
