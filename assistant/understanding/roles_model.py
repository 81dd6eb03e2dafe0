"""Who pays and who uses, chosen among an answer's candidate phrases (`roles_candidates.py`) by two heads
— one for the buyer, one for the user, each an ensemble of one-hidden-layer networks like the mistake
heads — over each phrase's e5 vector, the vector of its clause with the phrase masked ("X pays per seat":
what the clause says of whoever it names), and its grammatical facts (the rule reader's choice among them).
Each role is the phrase its head scores highest, or nobody ("") when no phrase reaches the head's threshold.

The weights (`models/roles.npz`) are fitted on the corpus's train split by `coach understanding train
[--roles-only]` (`evals/understanding_train.py`); without them, or without an embedding function, the rule
reader (`roles_reader.read_roles`) answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.text.tokens import tokenise
from assistant.understanding.classifier import Head, head_arrays, read_head
from assistant.understanding.group_check import OPENERS
from assistant.understanding.groups import group_words
from assistant.understanding.roles_candidates import Candidate, grammar_facts, masked, role_candidates
from assistant.understanding.roles_reader import (
    PAYS,
    PRONOUNS,
    ROLE_WORDS,
    denies_paying,
    fold_clause,
    labelled_roles,
    read_roles,
    split_clauses,
)
from assistant.understanding.substance import content_words

ROLES_MODEL_PATH = Path(__file__).resolve().parent / "models" / "roles.npz"
ROLES = ("buyer", "user")
ASIDE = re.compile(r"\s*\((?:[^()\s]+\s+){2,}[^()]*\)")  # three words or more between parentheses
STEM = 5
Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class RoleModel:
    heads: tuple[Head, Head]  # buyer, user; a head's threshold: below it, the answer does not say that role
    train_hash: str = ""  # SHA-256 of the train split's buyer/user files (`evals.corpus.split_hash`)

    @property
    def features(self) -> int:
        return int(self.heads[0].layers[0][0].shape[0])

    @property
    def thresholds(self) -> np.ndarray:
        return np.array([h.threshold for h in self.heads])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """(candidates, 2) probabilities that each candidate is the buyer, the user."""
        return np.stack([h.probabilities(x) for h in self.heads], axis=1)


def role_features(embed: Embed, answer: str) -> tuple[list[Candidate], np.ndarray]:
    """The answer's candidates and their rows: [phrase vector, masked clause vector, grammatical facts × 2].
    `embed` is called once, on the distinct texts."""
    clauses, candidates = role_candidates(answer)
    if not candidates:
        return [], np.zeros((0, 0), dtype=np.float32)
    texts = [c.text for c in candidates]
    contexts = [masked(clauses[c.clause], c) for c in candidates]
    unique = list(dict.fromkeys(texts + contexts))
    vectors = dict(zip(unique, embed(unique), strict=True))
    facts = np.array(grammar_facts(clauses, candidates, read_roles(answer)), dtype=np.float32) * 2
    rows = [np.concatenate([vectors[t], vectors[m], f]) for t, m, f in zip(texts, contexts, facts, strict=True)]
    return candidates, np.stack(rows).astype(np.float32)


def save_role_model(path: Path, model: RoleModel) -> None:
    arrays: dict[str, np.ndarray] = {"train_hash": np.array(model.train_hash)}
    for role, head in zip(ROLES, model.heads, strict=True):
        arrays.update(head_arrays(role, head))
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]


@lru_cache(maxsize=2)
def load_role_model(path: Path = ROLES_MODEL_PATH) -> RoleModel | None:
    """The shipped role heads, or None when the file is absent or incomplete."""
    if not path.exists():
        return None
    with np.load(path) as data:
        buyer, user = (read_head(data, role) for role in ROLES)
        return RoleModel((buyer, user), str(data["train_hash"])) if buyer and user else None


# Another candidate this likely to be a user is one more user ("audiologists use the dashboard, patients use
# the app"): measured on the train split's buyer/user answers, the extra candidates at p >= 0.5 were a user the
# label names in 10 of 11 (at the role threshold alone, 12 of 29).
EXTRA_USER_P = 0.5
MAX_TOLD_WORDS = 6  # a user the grammar names, taken over the heads' same-person reading, is a short noun phrase
USER_JOIN = "; "
PREPOSITIONS = OPENERS["preposition"]


def choose_roles(candidates: list[Candidate], p: np.ndarray, thresholds: np.ndarray,
                 clauses: list[str] | None = None) -> tuple[str, str]:
    """Per role, the candidate with the highest probability, or "" below the threshold; the user also lists,
    in the answer's order and joined by `USER_JOIN`, every other candidate at `EXTRA_USER_P` or more that names
    a group, is not the buyer, and is no part of a user already kept (its span neither overlaps nor meets one,
    its words are not theirs)."""
    picks = []
    for j in range(len(ROLES)):
        # the buyer is never one said not to pay ("Le salarié ne paie rien et ne choisit pas…")
        order = [int(k) for k in np.argsort(-p[:, j], kind="stable") if j or clauses is None
                 or not _said_not_to_pay(candidates[int(k)], clauses)]
        picks.append(candidates[order[0]].text if order and p[order[0], j] >= thresholds[j] else "")
    buyer, user = picks
    if user:
        best = int(np.argmax(p[:, 1]))
        kept = [best]
        bar = max(EXTRA_USER_P, float(thresholds[1]))
        for k in (int(k) for k in np.argsort(-p[:, 1])):
            cand = candidates[k]
            if p[k, 1] < bar or k in kept or not group_words(tokenise(cand.text)):
                continue
            if any(_touches(cand, candidates[m], clauses) or _same_words(cand.text, candidates[m].text)
                   for m in kept):
                continue  # part of a user already kept ("les adultes qui reprennent la guitare")
            if buyer and _same_words(cand.text, buyer):
                continue
            kept.append(k)
        user = USER_JOIN.join(candidates[k].text for k in sorted(kept))
    return buyer, user


DENIAL_REACH = 6  # words after a candidate within which its paying is denied ("Le salarié ne | paie rien")


def _said_not_to_pay(candidate: Candidate, clauses: list[str]) -> bool:
    """The candidate and the few words after it deny its paying ("Le salarié ne paie rien"), not a later subject's
    ("le restaurant qui paie le poisson … le pêcheur lui il paie rien")."""
    words = [t.norm for t in tokenise(clauses[candidate.clause])][candidate.start:candidate.end + DENIAL_REACH]
    return denies_paying(" ".join(words))


def _touches(a: Candidate, b: Candidate, clauses: list[str] | None) -> bool:
    """Two candidates of one clause whose token spans overlap or meet, or with only prepositions between them
    ("les opérateurs | sur | la chaîne": one phrase; "contractors | and | homeowners": two users)."""
    if a.clause != b.clause:
        return False
    if a.start <= b.end and b.start <= a.end:
        return True
    if clauses is None or a.clause >= len(clauses):
        return False
    first, second = (a, b) if a.end <= b.start else (b, a)
    between = [t.norm for t in tokenise(clauses[a.clause])[first.end:second.start]]
    return bool(between) and all(w in PREPOSITIONS for w in between)


def _same_words(a: str, b: str) -> bool:
    """Two role phrases share their content words' stems (one holds the other's)."""
    wa, wb = _stems(a), _stems(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _stems(text: str) -> set[str]:
    return {w[:STEM] for w in content_words(text) if len(w) > 2}


def read_roles_in(answer: str, embed: Embed | None, model: RoleModel | None = None) -> tuple[str, str]:
    """(buyer, user) as short noun phrases of the answer, "" where it does not say: the role model's choice
    when its weights ship and `embed` is given, else the rule reader's. With no buyer read, an aside in
    parentheses of a few words or more ("the seller pays (sometimes she adds it to the buyers price), …") is read
    as no part of the answer, for the buyer. Where the heads read one person paying and using, a short noun phrase
    the rule reader names as a different user ("The senior eats the meals") is the user."""
    buyer, user = _read_roles_in(answer, embed, model)
    if not buyer and (aside_free := ASIDE.sub("", answer)) != answer:
        buyer = _read_roles_in(aside_free, embed, model)[0]
    return buyer, user


def _read_roles_in(answer: str, embed: Embed | None, model: RoleModel | None = None) -> tuple[str, str]:
    model = model or load_role_model()
    labelled = labelled_roles(answer)
    if labelled and all(labelled):
        return labelled  # both roles labelled ("landlord = buyer, tenants = users"): as written
    if model is None or embed is None or not answer.strip():
        return read_roles(answer)
    candidates, x = role_features(embed, answer)
    if not candidates or x.shape[1] != model.features:  # weights of another feature set: never crash
        return read_roles(answer)
    buyer, user = choose_roles(candidates, model.probabilities(x), model.thresholds, split_clauses(answer))
    buyer = buyer or _plain_payer(answer)
    if buyer and user and _same_words(buyer, user):
        # the heads read one person paying and using, the grammar a different subject of a using verb ("an adult
        # child orders and pays… The senior eats the meals"): the roles are told apart in so many words
        told = read_roles(answer)[1]
        words = tokenise(told)
        if (words and len(words) <= MAX_TOLD_WORDS and words[0].norm not in PRONOUNS and not _same_words(told, buyer)
                and any(not ROLE_WORDS.match(w) for w in group_words(words))):
            user = told  # a short noun phrase naming people ("The senior"), not a clause ("we sold 30 vouchers")
    return _closed(buyer), _closed(user)


DENIAL_CHARS = 40  # after the paying verb, the reach of a denial ("pay nothing", "paient pas un sou")


def _plain_payer(answer: str) -> str:
    """The rule reader's buyer where the heads read none, when the answer says it in so many words: the phrase
    right before a paying verb that is not denied ("Clinics pay per booked hour", "Les restaurateurs paient
    30 euros par mois"); "" otherwise."""
    told = read_roles(answer)[0]
    folded, phrase = fold_clause(answer), fold_clause(told)
    at = folded.find(phrase) if phrase else -1
    if at < 0:
        return ""
    rest = folded[at + len(phrase):].lstrip()
    return told if PAYS.match(rest) and not denies_paying(rest[:DENIAL_CHARS]) else ""


def _closed(role: str) -> str:
    """A role cut before a parenthesis it opens and does not close ("the employer (HR" → "the employer")."""
    return role.split("(")[0].rstrip(" ,") if role.count("(") > role.count(")") else role
