"""The vocabulary of cohorts: roles, a cohort, an account's membership, an invite code (and its hash)."""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, cast

Role = Literal["founder", "mentor", "admin"]
ROLES: tuple[Role, ...] = ("founder", "mentor", "admin")
_COHORT = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# Invite codes: 12 characters of an alphabet without look-alikes (0/O, 1/I/L), about 58 bits, shown in
# groups of four (ABCD-EFGH-JKMN); typed in any case, with or without the dashes.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


class CohortError(ValueError):
    """A cohort, role, membership or invite code that cannot be used; the message says why."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def cohort_name(name: str) -> str:
    """The stored form of a cohort's name (lower-case); CohortError for a name that cannot be one."""
    key = unicodedata.normalize("NFKC", name).strip().casefold()
    if not _COHORT.match(key):
        raise CohortError("a cohort name has 1 to 64 characters: letters, digits and . _ - (first a letter or "
                          f"digit), not {name!r}")
    return key


def role(value: str) -> Role:
    key = value.strip().casefold()
    if key not in ROLES:
        raise CohortError(f"a role is one of {', '.join(ROLES)}, not {value!r}")
    return cast(Role, key)


@dataclass(frozen=True)
class Cohort:
    name: str
    created: str
    token_cap: int | None = None  # model tokens (prompt + completion) the cohort may spend; None: no cap
    retention_days: int | None = None  # finished sessions older than this are deleted; None: kept


@dataclass(frozen=True)
class Member:
    """An account's role and cohort (an account with no membership is a founder in no cohort)."""

    username: str
    role: Role
    cohort: str | None
    created: str = ""


def check_membership(member_role: Role, cohort: str | None) -> None:
    """A founder or a mentor belongs to a cohort; an admin may (it sees every cohort either way)."""
    if cohort is None and member_role == "mentor":
        raise CohortError("a mentor belongs to a cohort: give --cohort NAME")


@dataclass(frozen=True)
class Invite:
    """What a redeemed invite code gives: a role in a cohort."""

    cohort: str
    role: Role


def new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def code_hash(code: str) -> str:
    """The stored form of an invite code (SHA-256 of its canonical form): the code itself is never kept.
    CohortError for text that cannot be a code."""
    canonical = re.sub(r"[\s-]", "", code).upper()
    if len(canonical) != CODE_LENGTH or any(c not in _ALPHABET for c in canonical):
        raise CohortError("this is not an invite code")
    return hashlib.sha256(canonical.encode()).hexdigest()
