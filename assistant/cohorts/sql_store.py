"""Cohorts in the room's database (tables of migration 0003): used when DATABASE_URL is set, so every app
process sees the same cohorts, roles and invite codes. A code is claimed by one UPDATE that only matches an
unused code: two founders typing it at once cannot both get in."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from assistant.cohorts.database import Database
from assistant.cohorts.file_store import ERASED
from assistant.cohorts.models import Cohort, CohortError, Invite, Member, Role, role
from assistant.cohorts.store import CohortStore
from assistant.settings import Settings

_COHORT = "SELECT name, created, token_cap, retention_days FROM coach_cohorts"
_MEMBER = "SELECT username, role, cohort, created FROM coach_members"


class SqlCohortStore(CohortStore):
    def __init__(self, settings: Settings) -> None:
        self.db = Database(settings)

    @property
    def location(self) -> str:
        return self.db.location

    def cohorts(self) -> list[Cohort]:
        with self.db.connect() as conn:
            return [Cohort(*row) for row in conn.execute(text(_COHORT + " ORDER BY name"))]

    def get(self, name: str) -> Cohort | None:
        with self.db.connect() as conn:
            row = conn.execute(text(_COHORT + " WHERE name = :n"), {"n": name}).first()
        return Cohort(*row) if row else None

    def _insert_cohort(self, cohort: Cohort) -> None:
        try:
            with self.db.connect() as conn:
                conn.execute(text("INSERT INTO coach_cohorts (name, created, token_cap, retention_days) "
                                  "VALUES (:n, :c, :cap, :days)"), _cohort_row(cohort))
        except IntegrityError as exc:
            raise CohortError(f"cohort {cohort.name!r} already exists") from exc

    def _update_cohort(self, cohort: Cohort) -> None:
        with self.db.connect() as conn:
            conn.execute(text("UPDATE coach_cohorts SET token_cap = :cap, retention_days = :days WHERE name = :n"),
                         _cohort_row(cohort))

    def _put_member(self, member: Member) -> Member:
        with self.db.connect() as conn:
            old = conn.execute(text("SELECT created FROM coach_members WHERE username = :u"),
                               {"u": member.username}).first()
            created = old[0] if old else member.created
            params = {"u": member.username, "r": member.role, "c": member.cohort, "t": created}
            if old:
                conn.execute(text("UPDATE coach_members SET role = :r, cohort = :c WHERE username = :u"), params)
            else:
                conn.execute(text("INSERT INTO coach_members (username, role, cohort, created) "
                                  "VALUES (:u, :r, :c, :t)"), params)
        return Member(member.username, member.role, member.cohort, created)

    def member(self, username: str) -> Member | None:
        with self.db.connect() as conn:
            row = conn.execute(text(_MEMBER + " WHERE username = :u"), {"u": username}).first()
        return _member(row) if row else None

    def members(self, cohort: str | None = None) -> list[Member]:
        where = " WHERE cohort = :c" if cohort is not None else ""
        with self.db.connect() as conn:
            rows = conn.execute(text(_MEMBER + where + " ORDER BY username"), {"c": cohort}).all()
        return [_member(row) for row in rows]

    def remove_member(self, username: str) -> bool:
        with self.db.connect() as conn:
            return conn.execute(text("DELETE FROM coach_members WHERE username = :u"), {"u": username}).rowcount > 0

    def _insert_invites(self, hashes: list[str], cohort: str, member_role: Role, created: str) -> None:
        with self.db.connect() as conn:
            conn.execute(text("INSERT INTO coach_invites (code_hash, cohort, role, created) VALUES (:h, :c, :r, :t)"),
                         [{"h": h, "c": cohort, "r": member_role, "t": created} for h in hashes])

    def _claim(self, digest: str, username: str, at: str) -> Invite | None:
        with self.db.connect() as conn:
            row = conn.execute(text("UPDATE coach_invites SET used_by = :u, used_at = :t "
                                    "WHERE code_hash = :h AND used_by IS NULL RETURNING cohort, role"),
                               {"u": username, "t": at, "h": digest}).first()
        return Invite(str(row[0]), role(str(row[1]))) if row else None

    def invite_counts(self, cohort: str) -> tuple[int, int]:
        with self.db.connect() as conn:
            row = conn.execute(text("SELECT COUNT(*), COUNT(used_by) FROM coach_invites WHERE cohort = :c"),
                               {"c": cohort}).one()
        return int(row[0]), int(row[1])

    def _anonymise_invites(self, username: str) -> None:
        with self.db.connect() as conn:
            conn.execute(text("UPDATE coach_invites SET used_by = :e WHERE used_by = :u"), {"e": ERASED, "u": username})

    def _release(self, digest: str) -> None:
        with self.db.connect() as conn:
            conn.execute(text("UPDATE coach_invites SET used_by = NULL, used_at = NULL WHERE code_hash = :h"),
                         {"h": digest})


def _cohort_row(cohort: Cohort) -> dict[str, Any]:
    return {"n": cohort.name, "c": cohort.created, "cap": cohort.token_cap, "days": cohort.retention_days}


def _member(row: Any) -> Member:
    return Member(str(row[0]), role(str(row[1])), row[2], str(row[3] or ""))
