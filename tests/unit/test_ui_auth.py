"""Accounts of the coaching room: password hashing, the users file, proxy header auth, thread ownership."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from assistant.ui import auth
from assistant.ui.auth import AuthError, UserStore, can_open, hash_password, header_identity, verify_password


def test_hash_round_trip_and_format() -> None:
    encoded = hash_password("correct horse battery")
    scheme, n, r, p, salt, digest = encoded.split("$")
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", auth.N, auth.R, auth.P)
    assert salt and digest and "correct" not in encoded
    assert verify_password("correct horse battery", encoded)
    assert not verify_password("correct horse batterz", encoded)
    assert not verify_password("", encoded)


def test_same_password_gets_a_fresh_salt() -> None:
    assert hash_password("same password") != hash_password("same password")


def test_unicode_passwords_are_normalised() -> None:
    # "é" typed as one code point or as e + combining accent is the same password.
    encoded = hash_password("caf\u00e9-cr\u00e8me")
    assert verify_password("cafe\u0301-cre\u0300me", encoded)


@pytest.mark.parametrize("bad", ["", "plain", "md5$1$2", "scrypt$x$8$1$aa$bb", "scrypt$16384$8$1$!!$??",
                                 "scrypt$99999999$8$1$aa$bb", "bcrypt$16384$8$1$aa$bb"])
def test_malformed_hashes_never_match(bad: str) -> None:
    assert not verify_password("anything", bad)


def test_verify_uses_constant_time_compare(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = auth.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    assert verify_password("secret-pass", hash_password("secret-pass"))
    assert calls


def test_user_store_add_authenticate_remove(tmp_path: Path) -> None:
    store = UserStore(tmp_path / "sub" / "users.json")
    record = store.add("Alice", "s3cret-pass")
    assert record.username == "alice"
    assert store.authenticate("alice", "s3cret-pass") == "alice"
    assert store.authenticate(" ALICE ", "s3cret-pass") == "alice"
    assert store.authenticate("alice", "wrong-pass") is None
    assert store.authenticate("bob", "s3cret-pass") is None
    assert store.authenticate("not a valid name!", "x") is None
    assert [u.username for u in store.users()] == ["alice"]
    assert store.remove("alice") and not store.remove("alice")
    assert store.authenticate("alice", "s3cret-pass") is None


def test_users_file_is_private_and_holds_no_password(tmp_path: Path) -> None:
    path = tmp_path / "users.json"
    UserStore(path).add("alice", "s3cret-pass")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text()
    assert "s3cret-pass" not in text
    assert json.loads(text)["users"]["alice"]["password"].startswith("scrypt$")
    assert not list(tmp_path.glob(".users-*"))  # no temporary file left behind


def test_add_refuses_duplicates_weak_passwords_and_bad_names(tmp_path: Path) -> None:
    store = UserStore(tmp_path / "users.json")
    store.add("alice", "s3cret-pass")
    with pytest.raises(AuthError):
        store.add("alice", "another-pass")
    changed = store.add("alice", "another-pass", replace=True)
    assert store.authenticate("alice", "another-pass") == "alice"
    assert store.authenticate("alice", "s3cret-pass") is None
    assert changed.created == store.users()[0].created
    with pytest.raises(AuthError):
        store.add("bob", "short")
    for name in ("", "a b", "<img>", "x" * 65, "-dash-first"):
        with pytest.raises(AuthError):
            store.add(name, "long-enough-pass")


def test_unknown_user_still_costs_a_hash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda pw, enc: seen.append(enc) or real(pw, enc))
    UserStore(tmp_path / "users.json").authenticate("nobody", "whatever-pass")
    assert seen == [auth._DUMMY]


def test_header_identity() -> None:
    headers = {"X-Forwarded-User": "Alice@Example.org"}
    assert header_identity(headers, "X-Forwarded-User") == "alice@example.org"
    assert header_identity({}, "X-Forwarded-User") is None
    assert header_identity({"X-Forwarded-User": "<script>"}, "X-Forwarded-User") is None
    # With a proxy secret, the header alone is not enough.
    assert header_identity(headers, "X-Forwarded-User", "proxy-secret") is None
    signed = {**headers, "X-Coach-Proxy-Secret": "proxy-secret"}
    assert header_identity(signed, "X-Forwarded-User", "proxy-secret") == "alice@example.org"
    wrong = {**headers, "X-Coach-Proxy-Secret": "guess"}
    assert header_identity(wrong, "X-Forwarded-User", "proxy-secret") is None


def test_can_open() -> None:
    assert can_open("alice", "alice")
    assert not can_open("alice", "bob")
    assert not can_open("alice", None)
    assert can_open(None, "bob")  # a thread nobody has claimed yet
