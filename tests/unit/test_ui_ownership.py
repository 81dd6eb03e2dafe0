"""The history database: schema, thread ownership, preferences, persisted elements; the staged app root."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import socket
import subprocess
import tempfile
import tomllib
import uuid
from pathlib import Path

import pytest

# Importing Chainlit writes its app root (.chainlit/, .files/) into the working directory: keep it out of
# the source tree.
if "CHAINLIT_APP_ROOT" not in os.environ:
    os.environ["CHAINLIT_APP_ROOT"] = tempfile.mkdtemp(prefix="coach-ui-test-")
    atexit.register(shutil.rmtree, os.environ["CHAINLIT_APP_ROOT"], True)

from chainlit.element import CustomElement  # noqa: E402

from assistant.settings import Settings  # noqa: E402
from assistant.ui import runtime  # noqa: E402
from assistant.ui.datalayer import CoachDataLayer, sqlalchemy_url  # noqa: E402

SOURCE = Path(__file__).resolve().parents[2] / "assistant" / "ui"


@pytest.fixture
async def layer(tmp_path: Path):
    dl = CoachDataLayer(Settings(COACH_DATA_DIR=tmp_path))
    await dl.ensure_schema()
    yield dl
    await dl.engine.dispose()


async def _thread(dl: CoachDataLayer, owner: str) -> str:
    user_id = str(uuid.uuid4())
    await dl.execute_sql(
        'INSERT INTO users ("id", "identifier", "createdAt", "metadata") VALUES (:id, :identifier, :at, :m) '
        'ON CONFLICT ("identifier") DO NOTHING',
        {"id": user_id, "identifier": owner, "at": "2026-01-01T00:00:00Z", "m": "{}"},
    )
    rows = await dl.execute_sql('SELECT "id" FROM users WHERE "identifier" = :i', {"i": owner})
    assert isinstance(rows, list)
    thread_id = str(uuid.uuid4())
    await dl.update_thread(thread_id, name="t", user_id=str(rows[0]["id"]))
    return thread_id


async def test_first_claim_owns_the_thread(layer: CoachDataLayer) -> None:
    thread_id = str(uuid.uuid4())
    assert await layer.thread_owner(thread_id) is None
    assert await layer.claim_thread(thread_id, "alice")
    assert await layer.claim_thread(thread_id, "alice")
    assert not await layer.claim_thread(thread_id, "bob")
    assert await layer.thread_owner(thread_id) == "alice"


async def test_chainlit_thread_author_is_the_owner(layer: CoachDataLayer) -> None:
    thread_id = await _thread(layer, "alice")
    assert await layer.get_thread_author(thread_id) == "alice"
    assert not await layer.claim_thread(thread_id, "bob")
    assert await layer.claim_thread(thread_id, "alice")


async def test_ownership_fails_closed(layer: CoachDataLayer) -> None:
    await layer.execute_sql("DROP TABLE coach_thread_owners", {})
    with pytest.raises(RuntimeError):
        await layer.claim_thread(str(uuid.uuid4()), "alice")


async def test_threads_listed_per_user(layer: CoachDataLayer) -> None:
    mine, theirs = await _thread(layer, "alice"), await _thread(layer, "bob")
    rows = await layer.execute_sql('SELECT "id" FROM users WHERE "identifier" = :i', {"i": "alice"})
    assert isinstance(rows, list)
    listed = await layer.get_all_user_threads(user_id=str(rows[0]["id"]))
    assert [t["id"] for t in listed or []] == [mine] and theirs != mine


async def test_custom_elements_are_persisted_with_their_props(layer: CoachDataLayer) -> None:
    thread_id = await _thread(layer, "alice")
    props = {"title": "Sources", "items": [{"document": "D", "section": "S"}]}
    element = CustomElement(name="Sources", props=props, display="inline", thread_id=thread_id,
                            for_id=str(uuid.uuid4()))
    create = CoachDataLayer.create_element.__wrapped__  # type: ignore[attr-defined]
    await create(layer, element)
    skipped = CustomElement(name="Orphan", props={}, thread_id=thread_id)  # no message: not persisted
    await create(layer, skipped)
    thread = await layer.get_thread(thread_id)
    assert thread is not None
    assert [e["name"] for e in thread["elements"]] == ["Sources"]
    assert thread["elements"][0]["props"] == element.props  # an object, not JSON text
    assert isinstance(thread["metadata"], dict)


async def test_language_preference(layer: CoachDataLayer) -> None:
    assert await layer.get_language("alice") is None
    await layer.set_language("alice", "en")
    await layer.set_language("alice", "fr")
    assert await layer.get_language("alice") == "fr"


def test_database_urls(tmp_path: Path) -> None:
    url, args = sqlalchemy_url(Settings(COACH_DATA_DIR=tmp_path))
    assert url == f"sqlite+aiosqlite:///{tmp_path}/ui-history.sqlite" and args == {}
    url, args = sqlalchemy_url(Settings(COACH_DATA_DIR=tmp_path, DATABASE_URL="postgresql://u:p@db:5432/coach"))
    assert url == "postgresql+asyncpg://u:p@db:5432/coach"
    url, args = sqlalchemy_url(Settings(DATABASE_URL="postgres://u@db/coach?sslmode=require&application_name=x"))
    assert url == "postgresql+asyncpg://u@db/coach?application_name=x" and args == {"ssl": "require"}


def _postgres_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _postgres_up(), reason="no PostgreSQL on 127.0.0.1:5432")
async def test_postgres_schema_and_ownership(tmp_path: Path) -> None:
    name = f"coach_ui_test_{uuid.uuid4().hex[:8]}"
    admin = ["psql", "postgresql://postgres@127.0.0.1:5432/postgres", "-v", "ON_ERROR_STOP=1", "-qc"]
    try:
        created = subprocess.run([*admin, f"CREATE DATABASE {name}"], capture_output=True).returncode == 0
    except FileNotFoundError:
        created = False
    if not created:
        pytest.skip("cannot create a PostgreSQL database for the test")
    try:
        dl = CoachDataLayer(Settings(COACH_DATA_DIR=tmp_path,
                                     DATABASE_URL=f"postgresql://postgres@127.0.0.1:5432/{name}"))
        await dl.ensure_schema()
        dl._schema_ready = False
        await dl.ensure_schema()  # idempotent
        thread_id = await _thread(dl, "alice")
        assert await dl.get_thread_author(thread_id) == "alice"
        assert not await dl.claim_thread(thread_id, "bob")
        assert await dl.claim_thread(thread_id, "alice")
        fresh = str(uuid.uuid4())
        assert await dl.claim_thread(fresh, "bob") and not await dl.claim_thread(fresh, "alice")
        assert await dl.thread_owner("not-a-uuid") is None
        await dl.set_language("alice", "en")
        assert await dl.get_language("alice") == "en"
        element = CustomElement(name="Sources", props={"items": []}, display="inline", thread_id=thread_id,
                                for_id=str(uuid.uuid4()))
        await CoachDataLayer.create_element.__wrapped__(dl, element)  # type: ignore[attr-defined]
        thread = await dl.get_thread(thread_id)
        assert thread is not None and thread["elements"][0]["props"] == {"items": []}
        await dl.engine.dispose()
    finally:
        subprocess.run([*admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], capture_output=True)


def _tree(root: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in root.rglob("*")}


def test_stage_writes_only_into_the_data_dir(tmp_path: Path) -> None:
    before = _tree(SOURCE)
    settings = Settings(COACH_DATA_DIR=tmp_path)
    root = runtime.stage(settings, host="127.0.0.1", port=8123)
    assert root == tmp_path / "ui" and _tree(SOURCE) == before
    config = tomllib.loads((root / ".chainlit" / "config.toml").read_text())
    assert config["project"]["allow_origins"] == ["http://127.0.0.1:8123", "http://localhost:8123"]
    assert config["features"]["unsafe_allow_html"] is False
    assert config["features"]["user_message_markdown"] is False
    for rel in ("public/elements/CanvasPanel.jsx", "public/elements/Sources.jsx", "chainlit.md",
                "chainlit_fr-FR.md", "chainlit_fr.md", ".chainlit/translations/fr-FR.json"):
        assert (root / rel).is_file(), rel
    # Staging again replaces the copies (stale files go away).
    (root / "public" / "elements" / "Stale.jsx").write_text("x")
    runtime.stage(settings, host="127.0.0.1", port=8123)
    assert not (root / "public" / "elements" / "Stale.jsx").exists()


def test_allowed_origins() -> None:
    s = Settings(COACH_ALLOWED_ORIGINS="https://coach.example.org/, https://www.example.org")
    assert runtime.allowed_origins(s, "0.0.0.0", 80) == ["https://coach.example.org", "https://www.example.org"]
    with pytest.raises(ValueError):
        runtime.allowed_origins(Settings(COACH_ALLOWED_ORIGINS="*"), "127.0.0.1", 8000)
    assert runtime.allowed_origins(Settings(), "coach.internal", 9000) == ["http://coach.internal:9000"]


def test_translations_match_chainlit_keys() -> None:
    import chainlit

    shipped = Path(chainlit.__file__).parent / "translations" / "en-US.json"

    def keys(node: object, prefix: str = "") -> set[str]:
        if isinstance(node, dict):
            return {k for key, v in node.items() for k in keys(v, f"{prefix}.{key}")}
        return {prefix}

    reference = keys(json.loads(shipped.read_text()))
    for name in ("en-US.json", "fr-FR.json"):
        ours = json.loads((SOURCE / ".chainlit" / "translations" / name).read_text())
        assert keys(ours) == reference, name
    assert os.path.exists(SOURCE / "chainlit_fr-FR.md") and os.path.exists(SOURCE / "chainlit.md")
