"""Who may use the coaching room: the local single-user mode, or accounts.

- **Local mode** (the default of `coach ui` on 127.0.0.1 / localhost with no account configured): one founder on
  their own machine. The browser is signed in without a password as one fixed local user, so Chainlit keeps the
  history sidebar and resumes threads after a reload or a server restart (it keeps threads only for a signed-in
  user). It is never chosen by itself when the room listens on another address: `COACH_LOCAL_MODE=on` asks for
  it explicitly.
- **Accounts**: password sign-in (users file, `coach user add`), a trusted proxy's header
  (`COACH_AUTH_HEADER`) and/or an OAuth provider (Chainlit's OAUTH_<PROVIDER>_* variables;
  assistant/ui/oauth.py). Chosen when any of them is configured (`CHAINLIT_AUTH_SECRET`, `COACH_USERS_FILE`,
  a users file with at least one user, `COACH_AUTH_HEADER`, an OAuth provider), when the room listens on a
  non-loopback address, or with `COACH_LOCAL_MODE=off`.

Chainlit signs its session cookies with `CHAINLIT_AUTH_SECRET`. When it is not set, the room generates one
secret per mode, once, in a private file under COACH_DATA_DIR (0600), and reuses it after a restart, so a
founder stays signed in. A token of the local mode is never valid in accounts mode (different secrets), and the
local user's identifier cannot be a username (`~` is not allowed in one), so no account can open the local
founder's threads.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.settings import Settings
from assistant.ui.accounts import user_store
from assistant.ui.auth import AuthError

LOCAL_USER = "~local"  # not a valid username (auth.normalize_username): no account or proxy header can be it
LOCAL_DISPLAY_NAME = "Local"
SECRET_FILES = {"local": "ui-local-secret", "accounts": "ui-auth-secret"}
_LOOPBACK_NAMES = ("localhost", "localhost.")

Mode = Literal["local", "accounts"]


@dataclass(frozen=True)
class Access:
    mode: Mode
    password: bool = False  # password sign-in (accounts mode)
    header: bool = False  # a trusted proxy's header names the user (accounts mode)
    check_host: bool = False  # local mode: only requests addressed to a loopback name sign in
    oauth: bool = False  # an OAuth provider is configured (Chainlit's OAUTH_<PROVIDER>_CLIENT_ID variables)
    note: str = ""  # one line for `coach ui` to print

    @property
    def local(self) -> bool:
        return self.mode == "local"


def is_loopback(host: str) -> bool:
    """Whether an address the server listens on is reachable from this machine only."""
    name = host.strip().strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _has_users(settings: Settings) -> bool:
    """True when the accounts (users file, or database with DATABASE_URL) hold one; an unreadable store
    counts as configured (fail closed)."""
    try:
        return bool(user_store(settings).users())
    except (AuthError, OSError, ValueError):
        return True


def oauth_configured(environ: dict[str, str] | None = None) -> bool:
    """Whether Chainlit will offer an OAuth provider: one of its OAUTH_<PROVIDER>_CLIENT_ID variables is set."""
    env = os.environ if environ is None else environ
    return any(k.startswith("OAUTH_") and k.endswith("_CLIENT_ID") and v for k, v in env.items())


def resolve(settings: Settings, host: str) -> Access:
    """The room's access mode for a server listening on `host`."""
    header = bool(settings.auth_header)
    users = _has_users(settings)
    oauth = oauth_configured()
    configured = bool(settings.auth_secret) or settings.users_file is not None or users or header or oauth
    if not configured and settings.local_mode != "off":
        if settings.local_mode == "on":
            return Access("local", note="local single-user mode (COACH_LOCAL_MODE=on): anyone who can reach "
                                        "this address uses the room as its one founder")
        if is_loopback(host):
            return Access("local", check_host=True,
                          note="local single-user mode: no sign-in, sessions kept on this machine "
                               "(add an account with `coach user add NAME` to require sign-in)")
    password = not header or bool(settings.auth_secret) or users
    if settings.local_mode == "on":
        why = "accounts are configured, COACH_LOCAL_MODE=on is ignored"
    elif not configured and settings.local_mode != "off":
        why = f"{host} is not a loopback address"
    else:
        why = ""
    if password and not users:
        advice = "no account yet: add one with `coach user add NAME`"
    else:
        advice = ""
    kinds = " and ".join(k for k, on in (("password", password), ("proxy header", header), ("OAuth", oauth)) if on)
    note = f"accounts ({kinds} sign-in)" + "".join(f"; {part}" for part in (why, advice) if part)
    return Access("accounts", password=password, header=header, oauth=oauth, note=note)


def secret_path(settings: Settings, mode: Mode) -> Path:
    return settings.data_dir / SECRET_FILES[mode]


def ensure_secret(path: Path) -> str:
    """The secret stored in `path`, created once (0600, in a directory only its owner can enter)."""
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first: use theirs
        return _read_secret(path)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secret + "\n")
    return secret


def _read_secret(path: Path) -> str:
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
    secret = path.read_text(encoding="utf-8").strip()
    if len(secret) < 32:
        raise ValueError(f"{path} does not hold a usable secret; delete it to generate a new one")
    return secret


def install_secret(settings: Settings, access: Access) -> None:
    """Give Chainlit its cookie-signing secret: CHAINLIT_AUTH_SECRET if set, else the generated one."""
    if access.mode == "accounts" and settings.auth_secret:
        os.environ["CHAINLIT_AUTH_SECRET"] = settings.auth_secret
        return
    os.environ["CHAINLIT_AUTH_SECRET"] = ensure_secret(secret_path(settings, access.mode))


def addressed_to_loopback(host_header: str | None) -> bool:
    """Whether a request's Host header names this machine (a page on another name, e.g. a DNS rebinding
    attack, must not sign in as the local founder)."""
    if not host_header:
        return False
    value = host_header.strip()
    if value.startswith("["):
        name = value[1:].split("]", 1)[0]
    else:
        name = value.rsplit(":", 1)[0] if value.count(":") == 1 else value
    return is_loopback(name)
