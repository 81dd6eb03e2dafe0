"""`coach understanding`: train the mistake classifier heads, and score the understanding layer alone on
the corpus (held-apart split, train split, or cross-validation on the train split)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from assistant.domain import MISTAKE_IDS, MistakeId
from assistant.text.language import detect_language
from assistant.understanding.classifier import MODEL_PATH, MistakeModel, load_model, save_model
from assistant.understanding.group_reader import (
    GROUPS_MODEL_PATH,
    GroupModel,
    load_group_model,
    read_group_list,
    save_group_model,
)
from assistant.understanding.reader import read_buyer_user, read_groups, read_mistakes
from assistant.understanding.roles_model import ROLES_MODEL_PATH, load_role_model, save_role_model
from evals.corpus import Corpus, MistakeItem, load_corpus, split_hash
from evals.understanding import (
    Counts,
    all_items,
    context_for,
    score_buyer_user,
    score_groups,
    score_language,
    score_mistakes,
)
from evals.understanding_train import FOLDS, Vectors, cv_folds, fit_groups, fit_model, fit_roles

app = typer.Typer(help="The understanding layer: train its classifier heads, score it on the corpus.",
                  no_args_is_help=True)
out = Console()


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def _mistake_scores(items: list[MistakeItem], model: MistakeModel | None, vectors: Vectors,
                    progress: Progress, label: str) -> dict[str, Counts]:
    task = progress.add_task(label, total=len(items))
    return score_mistakes(
        items,
        lambda it: {d.mistake_id for d in read_mistakes(context_for(it), vectors if model else None, model)},
        progress=lambda: progress.advance(task),
    )


def _report(title: str, counts: dict[str, Counts], corpus: Corpus | None, vectors: Vectors | None) -> dict:
    table = Table(title=title)
    for col in ("mistake", "precision", "recall", "F1", "tp", "fp", "fn", "in scope"):
        table.add_column(col, justify="left" if col == "mistake" else "right")
    result: dict = {"mistakes": {}}
    for mistake, c in counts.items():
        table.add_row(mistake, _fmt(c.precision), _fmt(c.recall), _fmt(c.f1), str(c.tp), str(c.fp), str(c.fn),
                      str(c.support))
        result["mistakes"][mistake] = {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp,
                                       "fp": c.fp, "fn": c.fn, "support": c.support}
    if corpus is not None:
        groups, _ = score_groups(corpus.groups, lambda it: read_groups(it.answer, vectors))
        roles, _ = score_buyer_user(corpus.buyer_user, lambda it: read_buyer_user(it.answer, vectors))
        language, _ = score_language(all_items(corpus), lambda t: detect_language(t))
        result.update({"group_list_exact_match": groups, "buyer_user_accuracy": roles,
                       "language_accuracy": language})
        table.caption = (f"group-list exact match {_fmt(groups)} ({len(corpus.groups)} items) · buyer/user "
                         f"{_fmt(roles)} ({len(corpus.buyer_user)}) · language {_fmt(language)}")
    out.print(table)
    return result


@app.command()
def train(
    output: Annotated[Path, typer.Option("--output", help="Weights file to write.")] = MODEL_PATH,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Refit only these mistake heads (repeatable); the others and the group reader are "
                       "kept from the shipped weights, which must match the current train split.")] = None,
    groups_only: Annotated[bool, typer.Option(
        "--groups-only", help="Refit the group reader alone (seconds) and keep the mistake heads.")] = False,
    roles_only: Annotated[bool, typer.Option(
        "--roles-only", help="Refit the buyer/user role heads alone (minutes) and keep the rest.")] = False,
) -> None:
    """Fit the heads on the train split (thresholds by 5-fold cross-validation) and write the weights."""
    corpus = load_corpus("train")
    vectors = Vectors()
    if roles_only:
        path = ROLES_MODEL_PATH if output == MODEL_PATH else output.with_name("roles.npz")
        _save_roles(path, corpus, vectors)
        return
    if groups_only:
        path = GROUPS_MODEL_PATH if output == MODEL_PATH else output.with_name("groups.npz")
        save_group_model(path, _fit_groups(corpus, vectors))
        vectors.save()
        load_group_model.cache_clear()
        out.print(f"Group reader written to {path} ({len(corpus.groups)} train items)")
        return
    shipped = load_model() if only else None
    if only and (shipped is None or shipped.meta.get("train_hash") != split_hash("train", task="mistakes")):
        raise typer.BadParameter("--only needs shipped weights trained on the current train split", param_hint="--only")
    picked = [m for m in MISTAKE_IDS if not only or m in only]
    with Progress(console=out) as progress:
        task = progress.add_task("training heads", total=len(picked))
        model = fit_model(corpus.mistakes, vectors, tick=lambda: progress.advance(task), only=picked)
        if shipped is None:
            save_group_model(GROUPS_MODEL_PATH if output == MODEL_PATH else output.with_name("groups.npz"),
                             _fit_groups(corpus, vectors))
    if shipped is None:
        _save_roles(ROLES_MODEL_PATH if output == MODEL_PATH else output.with_name("roles.npz"), corpus, vectors)
    vectors.save()
    if shipped is not None:
        cv_f1 = {**dict(shipped.meta.get("cv_f1", {})), **dict(model.meta.get("cv_f1", {}))}  # type: ignore[call-overload]
        model = MistakeModel({**shipped.heads, **model.heads}, {**model.meta, "cv_f1": cv_f1})
    meta = {**model.meta, "train_hash": split_hash("train", task="mistakes")}
    save_model(output, model.heads, meta)
    load_model.cache_clear()
    load_group_model.cache_clear()
    table = Table(title=f"Heads written to {output}")
    for col in ("mistake", "threshold", "cross-validated F1 (train)"):
        table.add_column(col)
    cv_f1 = model.meta.get("cv_f1", {})
    for mistake, head in model.heads.items():
        table.add_row(mistake, f"{head.threshold:.3f}", _fmt(cv_f1.get(mistake)))  # type: ignore[union-attr]
    out.print(table)


def _save_roles(path: Path, corpus: Corpus, vectors: Vectors) -> None:
    """The role heads fitted on the train split's buyer/user items, with their hash recorded, written to `path`."""
    model = replace(fit_roles(corpus.buyer_user, vectors), train_hash=split_hash("train", task="buyer_user"))
    save_role_model(path, model)
    vectors.save()
    load_role_model.cache_clear()
    out.print(f"Role heads written to {path} ({len(corpus.buyer_user)} train items, thresholds "
              f"{model.thresholds[0]:.2f} / {model.thresholds[1]:.2f})")


def _fit_groups(corpus: Corpus, vectors: Vectors) -> GroupModel:
    """The group reader fitted on the train split's group items, with their hash recorded."""
    return replace(fit_groups(corpus.groups, vectors), train_hash=split_hash("train", task="groups"))


@app.command()
def score(
    split: Annotated[Literal["heldout", "heldout2", "train", "cv"], typer.Option(
        help="heldout: the frozen split (never tuned on); heldout2: a second frozen split, written blind "
             "after the redesign; train: the train split; cv: cross-validation "
             "on the train split (heads refitted per fold, shipped thresholds).")] = "heldout",
    rules_only: Annotated[bool, typer.Option("--rules-only", help="Score the rule detectors alone.")] = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the figures as JSON here.")] = None,
    groups_only: Annotated[bool, typer.Option("--groups-only", help="Score the group reader alone.")] = False,
) -> None:
    """Per mistake precision/recall/F1, group-list exact match, buyer/user and language accuracy."""
    model = None if rules_only else load_model()
    vectors = Vectors()
    if groups_only:
        exact = _group_scores(split, vectors, rules_only)
        vectors.save()
        out.print(f"group-list exact match ({split}): {_fmt(exact)}")
        return
    with Progress(console=out, transient=True) as progress:
        if split == "cv":
            corpus = load_corpus("train")
            counts = _cross_validate(corpus.mistakes, model, vectors, progress)
        else:
            corpus = load_corpus(split)
            counts = _mistake_scores(corpus.mistakes, model, vectors, progress, f"scoring {split}")
    vectors.save()
    engine = "rules only" if model is None else "rules + classifier heads"
    cv_groups = _group_scores("cv", vectors, rules_only) if split == "cv" else None
    result = _report(f"Understanding layer ({engine}) — {split}", counts, corpus if split != "cv" else None,
                     vectors if model else None)
    if cv_groups is not None:
        out.print(f"group-list exact match, {FOLDS}-fold cross-validation of the group reader: {_fmt(cv_groups)}")
        result["group_list_exact_match"] = cv_groups
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps({"split": split, "engine": engine, **result}, indent=2), encoding="utf-8")


def _group_scores(split: str, vectors: Vectors, rules_only: bool) -> float | None:
    """Group-list exact match: on a split with the shipped reader, or by K-fold cross-validation on the
    train split (the group reader refitted on K-1 folds, scored on the held fold)."""
    if split != "cv":
        items = load_corpus(split).groups
        return score_groups(items, lambda it: read_groups(it.answer, None if rules_only else vectors))[0]
    items = load_corpus("train").groups
    folds = cv_folds(len(items))
    right = 0
    for k, held in enumerate(folds):
        rest = [items[i] for f, fold in enumerate(folds) if f != k for i in fold]
        fold_model = None if rules_only else fit_groups(rest, vectors)
        share, _errors = score_groups(
            [items[i] for i in held],
            lambda it, m=fold_model: read_group_list(it.answer, None if m is None else vectors, m).groups)
        right += round((share or 0.0) * len(held))
    return right / len(items) if items else None


def _cross_validate(items: list[MistakeItem], shipped: MistakeModel | None, vectors: Vectors,
                    progress: Progress) -> dict[str, Counts]:
    """K folds over the train split: heads refitted on K-1 folds, scored on the held fold."""
    folds = cv_folds(len(items))
    total: dict[str, Counts] = {m: Counts() for m in MISTAKE_IDS}
    task = progress.add_task("cross-validation", total=FOLDS)
    for k, held in enumerate(folds):
        rest = [items[i] for f, fold in enumerate(folds) if f != k for i in fold]
        model = fit_model(rest, vectors, cv=False)
        if shipped is not None:
            heads = {m: type(h)(h.layers, shipped.heads[m].threshold) for m, h in model.heads.items()}
            model = MistakeModel(heads, model.meta)
        def predict(it: MistakeItem, fold_model: MistakeModel = model) -> set[str]:
            return {d.mistake_id for d in read_mistakes(context_for(it), vectors, fold_model)}

        counts = score_mistakes([items[i] for i in held], predict)
        for mistake, c in counts.items():
            t = total[mistake]
            t.tp, t.fp, t.fn, t.support = t.tp + c.tp, t.fp + c.fp, t.fn + c.fn, t.support + c.support
        progress.advance(task)
    return total


__all__ = ["app", "MistakeId"]
