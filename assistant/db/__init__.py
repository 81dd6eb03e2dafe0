"""The room's relational database (Chainlit's history, thread owners, preferences, accounts): its URLs and
its versioned migrations (Alembic, `coach db upgrade`). The LangGraph checkpoints keep their own schema."""
