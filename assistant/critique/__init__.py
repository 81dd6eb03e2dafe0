"""Rule-based critique of founder answers: one detector per common mistake, French and English."""

from assistant.critique.base import Detection, DetectionContext, Detector
from assistant.critique.registry import DETECTORS, detect
from assistant.critique.text import (
    detect_language,
    is_dont_know,
    is_hedged,
    normalise,
    split_groups,
    split_items,
)

__all__ = [
    "DETECTORS",
    "Detection",
    "DetectionContext",
    "Detector",
    "detect",
    "detect_language",
    "is_dont_know",
    "is_hedged",
    "normalise",
    "split_groups",
    "split_items",
]
