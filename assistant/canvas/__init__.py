"""The Customer Segments canvas: the models (`models`), their Markdown rendering (`render`) and the pure
updates that apply an analysis (`update`)."""

from assistant.canvas.models import (
    SCHEMA_VERSION,
    Canvas,
    Citation,
    Critique,
    OpenQuestion,
    Priority,
    Segment,
    SessionMetadata,
    ValidationStatus,
    role_holder,
    schema_json,
)

__all__ = [
    "SCHEMA_VERSION",
    "Canvas",
    "Citation",
    "Critique",
    "OpenQuestion",
    "Priority",
    "Segment",
    "SessionMetadata",
    "ValidationStatus",
    "role_holder",
    "schema_json",
]
