"""The understanding corpus: its format, its size, and the held-apart split frozen by its hash."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.domain import MISTAKE_IDS, MISTAKE_SCOPES
from evals.corpus import CORPUS_DIR, groups_match, load_corpus, overlaps, split_hash


@pytest.mark.parametrize("split", ["heldout", "heldout2"])
def test_the_held_apart_splits_are_frozen(split: str) -> None:
    recorded = (CORPUS_DIR / f"{split}.sha256").read_text().strip()
    assert split_hash(split) == recorded, f"evals/corpus/{split} changed: it is frozen, never tuned on"


@pytest.mark.parametrize("split", ["train", "heldout", "heldout2"])
def test_every_label_sits_where_its_mistake_is_judged(split: str) -> None:
    for item in load_corpus(split).mistakes:  # strict models: unknown ids or fields fail to load
        for mistake in item.mistakes:
            assert item.question in MISTAKE_SCOPES[mistake], (item.id, mistake, item.question)


def test_the_corpus_is_big_enough_per_mistake_and_language() -> None:
    items = load_corpus("train").mistakes + load_corpus("heldout").mistakes
    held = load_corpus("heldout").mistakes
    for lang in ("fr", "en"):
        own = [i for i in items if i.lang == lang]
        for mistake in MISTAKE_IDS:
            scoped = [i for i in own if i.question in MISTAKE_SCOPES[mistake]]
            positives = sum(mistake in i.mistakes for i in scoped)
            assert positives >= 40 and len(scoped) - positives >= 60, (lang, mistake, positives)
    per_mistake = Counter(m for i in held for m in i.mistakes)
    assert all(per_mistake[m] >= 20 for m in MISTAKE_IDS), per_mistake
    train, heldout = load_corpus("train"), load_corpus("heldout")
    assert len(train.groups) + len(heldout.groups) >= 150
    assert len(train.buyer_user) + len(heldout.buyer_user) >= 80


def test_matching_rules() -> None:
    assert overlaps("petits bureaux de 10 à 50 personnes", "Petits bureaux")
    assert overlaps("", "")
    assert not overlaps("les écoles", "")
    assert not overlaps("hosts", "travellers who want something cheaper than a hotel")
    assert groups_match(["Les foyers amateurs de café", "petits bureaux de 10 à 50 personnes"],
                        ["Petits bureaux", "Foyers amateurs de bon café"])
    assert not groups_match(["Families with kids aged 8 to 12 who already play co-op games"],
                            ["Families", "Kids aged 8 to 12"])


def test_the_shipped_classifier_was_trained_on_the_current_train_split() -> None:
    from assistant.understanding.classifier import load_model

    model = load_model()
    assert model is not None
    assert model.meta["train_hash"] == split_hash("train", task="mistakes"), (
        "run `coach understanding train` after editing train/mistakes-*.yaml")


def test_a_task_hash_covers_only_that_task_s_files(tmp_path: Path) -> None:
    (tmp_path / "train").mkdir()
    (tmp_path / "train" / "mistakes-en.yaml").write_text("[]\n", encoding="utf-8")
    before = split_hash("train", tmp_path, task="mistakes"), split_hash("train", tmp_path)
    (tmp_path / "train" / "groups-en.yaml").write_text("[]\n", encoding="utf-8")
    assert split_hash("train", tmp_path, task="mistakes") == before[0]  # group items do not stale the heads
    assert split_hash("train", tmp_path) != before[1]


def test_the_shipped_group_reader_was_trained_on_the_current_group_items() -> None:
    from assistant.understanding.group_reader import load_group_model

    model = load_group_model()
    assert model is not None
    assert model.train_hash == split_hash("train", task="groups"), (
        "run `coach understanding train --groups-only` after editing train/groups-*.yaml")


def test_the_shipped_role_heads_were_trained_on_the_current_buyer_user_items() -> None:
    from assistant.understanding.roles_model import load_role_model

    model = load_role_model()
    assert model is not None
    assert model.train_hash == split_hash("train", task="buyer_user"), (
        "run `coach understanding train --roles-only` after editing train/buyer_user-*.yaml")
