"""The nine common-mistake detectors, one module per family, and `detect` that runs them all."""

from assistant.understanding.base import Detection, DetectionContext, Detector
from assistant.understanding.mistakes.registry import DETECTORS, detect

__all__ = ["DETECTORS", "Detection", "DetectionContext", "Detector", "detect"]
