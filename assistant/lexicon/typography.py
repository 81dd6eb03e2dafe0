"""The punctuation of a language (`<lang>/typography.yaml`): quotation marks, colon, semicolon, the word that
ends a list. The model and its readers live in `assistant.text.typography`, below every layer that writes
founder-facing text (the canvas and personas renderers included, which may not import this package); it is
named here so that the start-up check (`assistant.lexicon.check`) loads the file with the rest of the folder."""

from __future__ import annotations

from assistant.text.typography import Typography as TypographyWords

__all__ = ["TypographyWords"]
