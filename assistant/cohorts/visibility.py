"""Who sees what: a founder their own sessions, a mentor the sessions of their cohort's members, an admin
every session. Pure rules; the dashboard's routes and `coach sessions list` apply them."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.cohorts.models import Member, Role


@dataclass(frozen=True)
class Viewer:
    username: str
    role: Role
    cohort: str | None

    @property
    def may_use_dashboard(self) -> bool:
        return self.role in ("mentor", "admin")


def viewer(username: str, member: Member | None) -> Viewer:
    """An account with no membership is a founder in no cohort."""
    if member is None:
        return Viewer(username, "founder", None)
    return Viewer(username, member.role, member.cohort)


def may_see(who: Viewer, owner: str, owner_member: Member | None) -> bool:
    """Whether `who` may read the sessions of `owner` (whose membership is `owner_member`)."""
    if who.role == "admin" or owner == who.username:
        return True
    if who.role == "mentor":
        return who.cohort is not None and owner_member is not None and owner_member.cohort == who.cohort
    return False


def cohorts_for(who: Viewer, names: list[str]) -> list[str]:
    """The cohorts whose dashboard `who` may open, among `names`."""
    if who.role == "admin":
        return names
    if who.role == "mentor" and who.cohort in names:
        return [who.cohort]
    return []
