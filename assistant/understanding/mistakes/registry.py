"""The detectors, one per mistake id, in the order the coach reports them."""

from __future__ import annotations

from assistant.domain import MistakeId
from assistant.understanding.base import Detection, DetectionContext, Detector
from assistant.understanding.mistakes.breadth import too_broad
from assistant.understanding.mistakes.focus import ignores_underserved, too_many_segments
from assistant.understanding.mistakes.profile import assumes_homogeneous, demographics_only
from assistant.understanding.mistakes.revisit import never_revisited
from assistant.understanding.mistakes.roles import buyer_user_confusion
from assistant.understanding.mistakes.sides import one_sided_platform
from assistant.understanding.mistakes.validation import not_validated

DETECTORS: dict[MistakeId, Detector] = {
    "too_broad": too_broad,
    "demographics_only": demographics_only,
    "too_many_segments": too_many_segments,
    "not_validated": not_validated,
    "ignores_underserved": ignores_underserved,
    "assumes_homogeneous": assumes_homogeneous,
    "never_revisited": never_revisited,
    "buyer_user_confusion": buyer_user_confusion,
    "one_sided_platform": one_sided_platform,
}


def detect(ctx: DetectionContext) -> list[Detection]:
    """Every mistake the answer shows, at most one detection per mistake id."""
    found = (detector(ctx) for detector in DETECTORS.values())
    return [d for d in found if d is not None]
