"""What every cohort store offers (a JSON file on one machine, the database with DATABASE_URL): cohorts,
memberships and single-use invite codes. Subclasses raise CohortError for what they refuse or cannot read."""

from __future__ import annotations

from abc import ABC, abstractmethod

from assistant.cohorts.models import (
    Cohort,
    CohortError,
    Invite,
    Member,
    Role,
    check_membership,
    code_hash,
    cohort_name,
    new_code,
    now,
)
from assistant.cohorts.models import role as parse_role

MAX_INVITES = 1000
UNCHANGED = object()  # `configure`: leave this value as it is


class CohortStore(ABC):
    @property
    @abstractmethod
    def location(self) -> str:
        """Where the cohorts are (a file, a database URL without its password), for messages."""

    @abstractmethod
    def cohorts(self) -> list[Cohort]: ...

    @abstractmethod
    def get(self, name: str) -> Cohort | None: ...

    @abstractmethod
    def _insert_cohort(self, cohort: Cohort) -> None:
        """Store a new cohort; CohortError when one has that name."""

    @abstractmethod
    def _update_cohort(self, cohort: Cohort) -> None: ...

    @abstractmethod
    def _put_member(self, member: Member) -> Member:
        """Insert or replace a membership (its cohort exists); the stored membership (first `created` kept)."""

    @abstractmethod
    def member(self, username: str) -> Member | None: ...

    @abstractmethod
    def members(self, cohort: str | None = None) -> list[Member]:
        """Every membership, or those of one cohort, by username."""

    @abstractmethod
    def remove_member(self, username: str) -> bool: ...

    @abstractmethod
    def _insert_invites(self, hashes: list[str], cohort: str, member_role: Role, created: str) -> None: ...

    @abstractmethod
    def _claim(self, digest: str, username: str, at: str) -> Invite | None:
        """Mark an unused code used by `username`, atomically; None when unknown or already used."""

    @abstractmethod
    def _release(self, digest: str) -> None:
        """Make a claimed code usable again (the account it was claimed for could not be created)."""

    @abstractmethod
    def invite_counts(self, cohort: str) -> tuple[int, int]:
        """(codes issued for `cohort`, codes used)."""

    @abstractmethod
    def _anonymise_invites(self, username: str) -> None:
        """Codes `username` used keep being used, by nobody named (an erased account leaves no name)."""

    # ---------------------------------------------------------------- shared rules

    def forget(self, username: str) -> None:
        """Remove every trace of an account: its membership, its name on the invite code it used."""
        self.remove_member(username)
        self._anonymise_invites(username)

    def create(self, name: str, *, token_cap: int | None = None) -> Cohort:
        cohort = Cohort(cohort_name(name), now(), _cap(token_cap), None)
        self._insert_cohort(cohort)
        return cohort

    def require(self, name: str) -> Cohort:
        cohort = self.get(cohort_name(name))
        if cohort is None:
            raise CohortError(f"no cohort {name!r} in {self.location} (create it with `coach cohort create`)")
        return cohort

    def configure(self, name: str, *, token_cap: object = UNCHANGED, retention_days: object = UNCHANGED) -> Cohort:
        """Change a cohort's model cap (tokens) or retention period (days); None removes it."""
        cohort = self.require(name)
        cap = cohort.token_cap if token_cap is UNCHANGED else _cap(token_cap)  # type: ignore[arg-type]
        days = cohort.retention_days if retention_days is UNCHANGED else _days(retention_days)  # type: ignore[arg-type]
        updated = Cohort(cohort.name, cohort.created, cap, days)
        self._update_cohort(updated)
        return updated

    def set_member(self, username: str, member_role: str, cohort: str | None) -> Member:
        """Give `username` (already normalized) a role in a cohort; CohortError for an unknown cohort."""
        parsed = parse_role(member_role)
        key = self.require(cohort).name if cohort else None
        check_membership(parsed, key)
        return self._put_member(Member(username, parsed, key, now()))

    def issue_invites(self, cohort: str, count: int, member_role: str = "founder") -> list[str]:
        """`count` new single-use codes for a role in `cohort`; the codes are returned once, only their hashes
        are stored."""
        if not 1 <= count <= MAX_INVITES:
            raise CohortError(f"between 1 and {MAX_INVITES} invite codes at a time")
        key, parsed = self.require(cohort).name, parse_role(member_role)
        codes = [new_code() for _ in range(count)]
        self._insert_invites([code_hash(c) for c in codes], key, parsed, now())
        return codes

    def claim(self, code: str, username: str) -> Invite:
        """Use an invite code for `username`; CohortError when it is unknown or was used already."""
        invite = self._claim(code_hash(code), username, now())
        if invite is None:
            raise CohortError("this invite code is unknown or was already used")
        return invite

    def release(self, code: str) -> None:
        self._release(code_hash(code))


def _cap(value: int | None) -> int | None:
    if value is not None and (not isinstance(value, int) or value < 0):
        raise CohortError("a model cap is a number of tokens, 0 or more")
    return value


def _days(value: int | None) -> int | None:
    if value is not None and (not isinstance(value, int) or value < 1):
        raise CohortError("a retention period is a number of days, 1 or more")
    return value
