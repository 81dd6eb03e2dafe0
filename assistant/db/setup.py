"""One command sets every schema up: the room's tables (Alembic revisions) and the LangGraph checkpoints
(whose savers keep their own versioned migrations, applied by `setup()`)."""

from __future__ import annotations

import asyncio

from assistant.db.migrate import upgrade
from assistant.db.urls import history_path
from assistant.settings import Settings
from assistant.storage import is_postgres, open_storage


async def upgrade_all(settings: Settings) -> str:
    """Upgrade the room's database, then the checkpoints; return one line saying what changed.

    Raises whatever the database driver raises when the server cannot be reached."""
    result = await asyncio.to_thread(upgrade, settings)
    async with open_storage(settings.database_url, settings.data_dir, settings.db_pool_size):
        pass  # opening the storage runs the checkpointer's own migrations
    where = "DATABASE_URL" if is_postgres(settings.database_url) else str(history_path(settings))
    if result.changed:
        return f"{where}: upgraded from {result.before or 'an empty or unversioned database'} to {result.after}"
    return f"{where}: already at the latest revision ({result.after}), nothing to do"
