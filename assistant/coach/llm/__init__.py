"""The LLM engine: the same `Coach` interface through any OpenAI-compatible server."""

from assistant.coach.llm.coach import LLMCoach, build_llm_coach

__all__ = ["LLMCoach", "build_llm_coach"]
