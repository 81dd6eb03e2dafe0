"""Coaching engines behind one interface (see base.Coach)."""

from assistant.coach.base import Analysis, Answer, Coach, Finding, SegmentUpdate, TurnContext, Usage

__all__ = ["Analysis", "Answer", "Coach", "Finding", "SegmentUpdate", "TurnContext", "Usage"]
