"""Bulk import of accounts from a CSV file (`coach user import FILE`): one row per person, with a header.

    email,role,cohort,password
    alice@example.org,founder,spring-26,
    mentor@example.org,mentor,spring-26,a-chosen-password

`role` defaults to founder; `cohort` may be empty for an admin; an empty `password` gets a generated one
(printed once by the command). Every row is checked before anything is written: one bad row and nothing is
imported, every bad line is named."""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from assistant.cohorts.models import CohortError, Role, check_membership, cohort_name, role

COLUMNS = ("email", "role", "cohort", "password")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class RosterRow:
    line: int
    username: str
    role: Role
    cohort: str | None
    password: str
    generated: bool  # the password was generated (to hand to the person)


def generated_password() -> str:
    return secrets.token_urlsafe(12)


def read_roster(content: str, normalize: Callable[[str], str], known_cohorts: set[str]) -> list[RosterRow]:
    """The rows of a roster CSV; CohortError naming every bad line (unknown column, bad email or role,
    unknown cohort, short password, a person twice)."""
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    header = [h.strip().casefold() for h in reader.fieldnames or []]
    if "email" not in header and "username" not in header:
        raise CohortError("the CSV needs a header line with an email column (email,role,cohort,password)")
    unknown = [h for h in header if h not in (*COLUMNS, "username")]
    if unknown:
        raise CohortError(f"unknown column(s) {', '.join(unknown)}; the columns are {', '.join(COLUMNS)}")
    rows: list[RosterRow] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, raw in enumerate(reader, start=2):
        values = {k.strip().casefold(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(values.values()):
            continue
        try:
            rows.append(_row(line, values, normalize, known_cohorts, seen))
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
    if problems:
        raise CohortError("nothing imported:\n" + "\n".join(problems))
    if not rows:
        raise CohortError("the CSV has no rows")
    return rows


def _row(line: int, values: dict[str, str], normalize: Callable[[str], str], known: set[str],
         seen: set[str]) -> RosterRow:
    username = normalize(values.get("email") or values.get("username") or "")
    if username in seen:
        raise CohortError(f"{username} appears twice")
    seen.add(username)
    member_role = role(values.get("role") or "founder")
    cohort = cohort_name(values["cohort"]) if values.get("cohort") else None
    if cohort is not None and cohort not in known:
        raise CohortError(f"no cohort {cohort!r} (create it first with `coach cohort create {cohort}`)")
    if cohort is None and member_role == "founder":
        raise CohortError("a founder imported for a cohort needs its cohort")
    check_membership(member_role, cohort)
    password = values.get("password") or ""
    if password and len(password) < MIN_PASSWORD:
        raise CohortError(f"a password has at least {MIN_PASSWORD} characters")
    return RosterRow(line, username, member_role, cohort, password or generated_password(), not password)
