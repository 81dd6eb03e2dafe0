"""The coaching room: a Chainlit app over the coaching session (see docs/ui.md)."""
