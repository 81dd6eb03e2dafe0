"""How much each model call may write, how long a founder turn may wait for the model, and the prompt
profile: what keeps a rambling or slow model from stalling a session."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.settings import Settings

COMPACT_CONTEXT = 8192  # tokens: servers with this much context or less get the compact prompts


@dataclass(frozen=True)
class Limits:
    """Output caps in tokens per kind of call, the turn deadline in seconds, the prompt profile."""

    analysis: int = 700  # the structured analysis: a few segments and findings as JSON
    reply: int = 160  # the reflection streamed to the founder: two or three sentences
    faq: int = 400  # a direct answer to a free question, with its source
    summary: int = 900  # the closing summary alone (streamed Markdown)
    closing: int = 1600  # the session's last call: the summary's sections and every persona, as JSON
    deadline_s: float = 45.0
    compact: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        """The defaults, each capped by COACH_MAX_TOKENS when set; compact prompts when asked for, or (auto)
        when the server's context (COACH_CONTEXT_SIZE) is small."""
        cap = settings.max_tokens
        defaults = cls()

        def capped(value: int) -> int:
            return min(value, cap) if cap else value

        compact = settings.prompt_profile == "compact" or (
            settings.prompt_profile == "auto" and settings.context_size is not None
            and settings.context_size <= COMPACT_CONTEXT)
        return cls(analysis=capped(defaults.analysis), reply=capped(defaults.reply), faq=capped(defaults.faq),
                   summary=capped(defaults.summary), closing=capped(defaults.closing),
                   deadline_s=settings.turn_deadline_seconds, compact=compact)
