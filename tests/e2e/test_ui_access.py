"""Which access mode `coach ui` picks (assistant/ui/access.py), without a browser: the local single-user mode only
on this machine with no account configured, accounts everywhere else; the generated secret, private and kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.ui import access
from assistant.ui.auth import UserStore

pytestmark = pytest.mark.e2e


def _settings(tmp_path: Path, **values: str) -> Settings:
    return Settings(COACH_DATA_DIR=tmp_path, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_the_default_on_this_machine_is_the_local_mode(tmp_path: Path, host: str) -> None:
    chosen = access.resolve(_settings(tmp_path), host)
    assert chosen.local and chosen.check_host and not chosen.password and not chosen.header


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "coach.example.org"])
def test_a_room_reachable_from_elsewhere_never_signs_in_without_a_password(tmp_path: Path, host: str) -> None:
    chosen = access.resolve(_settings(tmp_path), host)
    assert chosen.mode == "accounts" and chosen.password
    assert "coach user add" in chosen.note and "not a loopback address" in chosen.note


def test_explicit_local_mode_elsewhere_and_off(tmp_path: Path) -> None:
    on = access.resolve(_settings(tmp_path, COACH_LOCAL_MODE="on"), "0.0.0.0")
    assert on.local and not on.check_host and "anyone who can reach" in on.note
    off = access.resolve(_settings(tmp_path, COACH_LOCAL_MODE="off"), "127.0.0.1")
    assert off.mode == "accounts" and off.password


@pytest.mark.parametrize("values", [{"CHAINLIT_AUTH_SECRET": "s" * 40}, {"COACH_USERS_FILE": "users.json"},
                                    {"COACH_AUTH_HEADER": "X-Forwarded-User"}])
def test_configured_accounts_win(tmp_path: Path, values: dict[str, str]) -> None:
    for mode in ("auto", "on"):
        chosen = access.resolve(_settings(tmp_path, COACH_LOCAL_MODE=mode, **values), "127.0.0.1")
        assert chosen.mode == "accounts"
    header_only = "COACH_AUTH_HEADER" in values
    assert chosen.header == header_only and chosen.password == (not header_only)


def test_a_users_file_with_an_account_turns_accounts_on(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    UserStore(settings.users_path).add("alice", "alice-password-1")
    chosen = access.resolve(settings, "127.0.0.1")
    assert chosen.mode == "accounts" and chosen.password and "coach user add" not in chosen.note
    settings.users_path.write_text("not json")  # unreadable: fail closed, accounts
    assert access.resolve(settings, "127.0.0.1").mode == "accounts"


def test_the_generated_secret_is_private_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "ui-local-secret"
    first = access.ensure_secret(path)
    assert len(first) >= 32 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert access.ensure_secret(path) == first
    os.chmod(path, 0o644)  # loosened by hand: tightened again, value kept
    assert access.ensure_secret(path) == first and stat.S_IMODE(path.stat().st_mode) == 0o600
    settings = _settings(tmp_path)
    assert access.secret_path(settings, "local") != access.secret_path(settings, "accounts")


@pytest.mark.parametrize(("host", "ok"), [("127.0.0.1:8000", True), ("localhost:8000", True), ("[::1]:8000", True),
                                          ("localhost", True), ("evil.example", False),
                                          ("evil.example:8000", False), ("", False), (None, False)])
def test_the_local_founder_signs_in_only_under_a_local_name(host: str | None, ok: bool) -> None:
    assert access.addressed_to_loopback(host) is ok


def test_the_local_user_can_be_no_account() -> None:
    from assistant.ui.auth import AuthError, normalize_username

    with pytest.raises(AuthError):
        normalize_username(access.LOCAL_USER)
