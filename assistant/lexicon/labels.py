"""The labels of the Markdown renderings (`<lang>/labels.yaml`): canvas, segment types, field names, personas.
The model and its readers live in `assistant.text.labels`, below every layer that writes founder-facing text
(the canvas and personas renderers included, which may not import this package); it is named here so that the
start-up check (`assistant.lexicon.check`) loads the file with the rest of the folder."""

from __future__ import annotations

from assistant.text.labels import Labels as LabelWords

__all__ = ["LabelWords"]
