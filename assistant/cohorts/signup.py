"""A founder (or a mentor) signs up with an invite code: the code is claimed first (once), then the
account is created with the role and cohort the code gives; the code is released again when the account
cannot be created. Refusals carry a key the room translates (SignUpRefused.key)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, Protocol

from assistant.cohorts.models import CohortError, Member, code_hash
from assistant.cohorts.store import CohortStore

Refusal = Literal["code_malformed", "code_unknown", "username_invalid", "password_short", "account_exists"]


class SignUpRefused(ValueError):
    def __init__(self, key: Refusal) -> None:
        super().__init__(key)
        self.key: Refusal = key


class AccountStore(Protocol):
    """The room's accounts (users file or database): assistant/ui/auth.py, accounts.py."""

    def get(self, username: str) -> Any: ...

    def add(self, username: str, password: str, *, replace: bool = False) -> Any: ...


def sign_up(accounts: AccountStore, cohorts: CohortStore, normalize: Callable[[str], str], *, code: str,
            username: str, password: str, min_password: int = 8) -> Member:
    """Create the account `username` with the role and cohort of `code`; SignUpRefused otherwise."""
    try:
        code_hash(code)
    except CohortError as exc:
        raise SignUpRefused("code_malformed") from exc
    try:
        name = normalize(username)
    except ValueError as exc:
        raise SignUpRefused("username_invalid") from exc
    if len(password) < min_password:
        raise SignUpRefused("password_short")
    if accounts.get(name) is not None:
        raise SignUpRefused("account_exists")
    try:
        invite = cohorts.claim(code, name)
    except CohortError as exc:
        raise SignUpRefused("code_unknown") from exc
    try:
        accounts.add(name, password)
    except ValueError as exc:  # taken meanwhile, or refused: the code stays usable
        cohorts.release(code)
        raise SignUpRefused("account_exists") from exc
    return cohorts.set_member(name, invite.role, invite.cohort)
