"""Accounts for the coaching room: a users file with scrypt-hashed passwords, and proxy header auth.
(With DATABASE_URL, the accounts live in the database instead: assistant/ui/accounts.py.)

The users file (JSON, mode 0600) maps a username to a password hash:

    {"version": 1, "users": {"alice": {"password": "scrypt$16384$8$1$<salt>$<hash>", "created": "..."}}}

It is read at every login, so `coach user add` takes effect without restarting the server.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.files import write_private_json

SCHEME = "scrypt"
# scrypt cost: 16 MiB of memory and ~50 ms per check; stored with each hash, so it can be raised later.
N, R, P = 2**14, 8, 1
KEY_LEN = 32
SALT_LEN = 16
MIN_PASSWORD = 8
_MAXMEM = 64 * 1024 * 1024
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@+-]{0,63}$")


class AuthError(ValueError):
    """A username or password that cannot be stored."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFKC", password).encode()
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=KEY_LEN, maxmem=_MAXMEM)


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(SALT_LEN)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(_derive(password, salt, N, R, P))}"


def verify_password(password: str, encoded: str) -> bool:
    """Constant-time check of a password against a stored hash; False for any malformed hash."""
    try:
        scheme, n, r, p, salt, digest = encoded.split("$")
        if scheme != SCHEME:
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        if not (2 <= n_ <= 2**20 and 1 <= r_ <= 32 and 1 <= p_ <= 16):
            return False
        expected = _unb64(digest)
        actual = _derive(password, _unb64(salt), n_, r_, p_)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# A real hash to check against when the username is unknown, so both paths take the same time.
_DUMMY = hash_password(secrets.token_urlsafe(16))


def normalize_username(username: str) -> str:
    name = unicodedata.normalize("NFKC", username).strip().casefold()
    if not _USERNAME.match(name):
        raise AuthError(
            "a username has 1 to 64 characters: letters, digits and . _ @ + - (first a letter or digit)"
        )
    return name


@dataclass(frozen=True)
class UserRecord:
    username: str
    password: str  # the encoded hash, never the password
    created: str = ""


def new_record(username: str, password: str, created: str | None = None) -> UserRecord:
    """A record for `username` with a fresh hash of `password`; AuthError for a name or password refused."""
    name = normalize_username(username)
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"a password has at least {MIN_PASSWORD} characters")
    return UserRecord(name, hash_password(password), created or datetime.now(UTC).isoformat(timespec="seconds"))


def exists_error(name: str) -> AuthError:
    return AuthError(f"user {name!r} already exists (use --replace to change the password)")


class Accounts(ABC):
    """What every account store shares: sign-in at the same cost whether the user exists or not.
    Subclasses raise AuthError for a store they cannot read or a name or password they refuse."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the accounts are (a file, a database URL without its password), for messages."""
        ...

    @abstractmethod
    def users(self) -> list[UserRecord]:
        ...

    @abstractmethod
    def get(self, username: str) -> UserRecord | None:
        """The account of `username`; None for an unknown or malformed name."""
        ...

    @abstractmethod
    def add(self, username: str, password: str, *, replace: bool = False) -> UserRecord:
        ...

    @abstractmethod
    def remove(self, username: str) -> bool:
        """False when there was no such account."""
        ...

    def authenticate(self, username: str, password: str) -> str | None:
        """The normalized username when the password matches, else None (same cost either way)."""
        try:
            record = self.get(username)
        except (AuthError, OSError, json.JSONDecodeError):
            record = None
        ok = verify_password(password, record.password if record else _DUMMY)
        return record.username if (record and ok) else None


class UserStore(Accounts):
    """The users file. Writes are atomic (temporary file + rename) and private (0600)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def location(self) -> str:
        return str(self.path)

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"version": 1, "users": {}}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("users"), dict):
            raise AuthError(f"{self.path} is not a users file")
        return data

    def _write(self, data: dict[str, Any]) -> None:
        write_private_json(self.path, data, prefix=".users-")

    def users(self) -> list[UserRecord]:
        raw = self._read()["users"]
        return [UserRecord(name, str(v.get("password", "")), str(v.get("created", ""))) for name, v in sorted(
            raw.items())]

    def get(self, username: str) -> UserRecord | None:
        try:
            name = normalize_username(username)
        except AuthError:
            return None
        entry = self._read()["users"].get(name)
        if not entry:
            return None
        return UserRecord(name, str(entry.get("password", "")), str(entry.get("created", "")))

    def add(self, username: str, password: str, *, replace: bool = False) -> UserRecord:
        record = new_record(username, password)
        data = self._read()
        if record.username in data["users"] and not replace:
            raise exists_error(record.username)
        created = data["users"].get(record.username, {}).get("created") or record.created
        data["users"][record.username] = {"password": record.password, "created": created}
        self._write(data)
        return UserRecord(record.username, record.password, created)

    def remove(self, username: str) -> bool:
        name = normalize_username(username)
        data = self._read()
        if data["users"].pop(name, None) is None:
            return False
        self._write(data)
        return True


def header_identity(headers: Mapping[str, str], header: str, proxy_secret: str | None = None,
                    secret_header: str = "X-Coach-Proxy-Secret") -> str | None:
    """The user a trusted reverse proxy vouches for, from `header` (e.g. X-Forwarded-User).

    When `proxy_secret` is set, the proxy must also send it in `secret_header`: a request that reaches
    the app without going through the proxy cannot then pick its own identity.
    """
    if proxy_secret:
        given = headers.get(secret_header) or ""
        if not hmac.compare_digest(given.encode(), proxy_secret.encode()):
            return None
    value = (headers.get(header) or "").strip()
    if not value:
        return None
    try:
        return normalize_username(value)
    except AuthError:
        return None


def can_open(thread_owner: str | None, user: str | None) -> bool:
    """A founder opens a thread only if it is theirs. A thread without a recorded owner is claimable."""
    if thread_owner is None:
        return True
    return user is not None and hmac.compare_digest(thread_owner.encode(), user.encode())
