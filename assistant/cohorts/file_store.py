"""Cohorts on a single machine: a JSON file beside the users file (`cohorts.json`, mode 0600), written
atomically under a file lock, read at every use (a `coach cohort` command takes effect at once):

    {"version": 1,
     "cohorts": {"spring-26": {"created": "...", "token_cap": null, "retention_days": null}},
     "members": {"alice@example.org": {"role": "founder", "cohort": "spring-26", "created": "..."}},
     "invites": {"<sha256>": {"cohort": "spring-26", "role": "founder", "created": "...", "used_by": null,
                              "used_at": null}}}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock

from assistant.cohorts.models import Cohort, CohortError, Invite, Member, Role, role
from assistant.cohorts.store import CohortStore
from assistant.files import write_private_json

SECTIONS = ("cohorts", "members", "invites")
ERASED = "~erased"  # who used a code whose account was erased (not a valid username)


class FileCohortStore(CohortStore):
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def location(self) -> str:
        return str(self.path)

    def _read(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"version": 1, **{s: {} for s in SECTIONS}}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise CohortError(f"{self.path} cannot be read as a cohorts file: {exc}") from exc
        if not isinstance(data, dict) or not all(isinstance(data.get(s, {}), dict) for s in SECTIONS):
            raise CohortError(f"{self.path} is not a cohorts file")
        for section in SECTIONS:
            data.setdefault(section, {})
        return data

    @contextmanager
    def _change(self) -> Iterator[dict[str, Any]]:
        """The file's data, written back atomically when the block ends without an error."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path) + ".lock"):
            data = self._read()
            yield data
            write_private_json(self.path, data, prefix=".cohorts-")

    def cohorts(self) -> list[Cohort]:
        return [_cohort(name, v) for name, v in sorted(self._read()["cohorts"].items())]

    def get(self, name: str) -> Cohort | None:
        entry = self._read()["cohorts"].get(name)
        return _cohort(name, entry) if entry is not None else None

    def _insert_cohort(self, cohort: Cohort) -> None:
        with self._change() as data:
            if cohort.name in data["cohorts"]:
                raise CohortError(f"cohort {cohort.name!r} already exists")
            data["cohorts"][cohort.name] = _cohort_entry(cohort)

    def _update_cohort(self, cohort: Cohort) -> None:
        with self._change() as data:
            data["cohorts"][cohort.name] = _cohort_entry(cohort)

    def _put_member(self, member: Member) -> Member:
        with self._change() as data:
            if member.cohort is not None and member.cohort not in data["cohorts"]:
                raise CohortError(f"no cohort {member.cohort!r}")
            created = data["members"].get(member.username, {}).get("created") or member.created
            data["members"][member.username] = {"role": member.role, "cohort": member.cohort, "created": created}
        return Member(member.username, member.role, member.cohort, created)

    def member(self, username: str) -> Member | None:
        entry = self._read()["members"].get(username)
        return _member(username, entry) if entry is not None else None

    def members(self, cohort: str | None = None) -> list[Member]:
        found = [_member(name, v) for name, v in sorted(self._read()["members"].items())]
        return [m for m in found if cohort is None or m.cohort == cohort]

    def remove_member(self, username: str) -> bool:
        with self._change() as data:
            return data["members"].pop(username, None) is not None

    def _insert_invites(self, hashes: list[str], cohort: str, member_role: Role, created: str) -> None:
        with self._change() as data:
            for digest in hashes:
                data["invites"][digest] = {"cohort": cohort, "role": member_role, "created": created,
                                           "used_by": None, "used_at": None}

    def _claim(self, digest: str, username: str, at: str) -> Invite | None:
        with self._change() as data:
            entry = data["invites"].get(digest)
            if entry is None or entry.get("used_by"):
                return None
            entry.update(used_by=username, used_at=at)
            return Invite(str(entry["cohort"]), role(str(entry["role"])))

    def invite_counts(self, cohort: str) -> tuple[int, int]:
        mine = [v for v in self._read()["invites"].values() if v.get("cohort") == cohort]
        return len(mine), sum(1 for v in mine if v.get("used_by"))

    def _anonymise_invites(self, username: str) -> None:
        with self._change() as data:
            for entry in data["invites"].values():
                if entry.get("used_by") == username:
                    entry["used_by"] = ERASED

    def _release(self, digest: str) -> None:
        with self._change() as data:
            entry = data["invites"].get(digest)
            if entry is not None:
                entry.update(used_by=None, used_at=None)


def _cohort(name: str, entry: dict[str, Any]) -> Cohort:
    return Cohort(name, str(entry.get("created", "")), entry.get("token_cap"), entry.get("retention_days"))


def _cohort_entry(cohort: Cohort) -> dict[str, Any]:
    return {"created": cohort.created, "token_cap": cohort.token_cap, "retention_days": cohort.retention_days}


def _member(username: str, entry: dict[str, Any]) -> Member:
    return Member(username, role(str(entry.get("role", "founder"))), entry.get("cohort"), str(entry.get("created", "")))
