"""Lexicon data behind module-level names: word sets, phrase patterns and regular expressions built from
the YAML files on first use, so that importing a reader reads no file, yet other modules keep importing
the names they always did (`STRUCTURE`, `PAYS`, `DETERMINERS`...)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import cached_property
from typing import Any

from pydantic import BaseModel

from assistant.text.patterns import PatternSet


class LazyWords(AbstractSet[str]):
    """The words `load()` gives, read on first use: `in`, iteration, `len` and `|` (with any set, giving a
    frozenset) as a frozenset's."""

    def __init__(self, load: Callable[[], Iterable[str]]) -> None:
        self._load = load

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self._load())

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __or__(self, other: AbstractSet[Any]) -> frozenset[Any]:
        return self.words | frozenset(other)

    __ror__ = __or__


class LazyPatterns(PatternSet):
    """A `PatternSet` (phrase patterns of `assistant.text.patterns`) compiled by `load()` on first use."""

    def __init__(self, load: Callable[[], PatternSet]) -> None:  # the patterns come on first use
        self._load = load

    def __getattr__(self, name: str) -> object:
        if name not in ("patterns", "_any", "_index"):
            raise AttributeError(name)
        PatternSet.__init__(self, self._load())
        return getattr(self, name)


class LazyRegex:
    """A regular expression compiled on first use from a template whose `{list}` placeholders become the
    alternatives of that list of `lists()`, `(?:a|b)` in the data's order (the structure stays in the
    template: `LazyRegex(r"\\b{paying}\\b", lists=role_reading)`). The pattern's methods (`search`, `match`,
    `fullmatch`, `finditer`, `sub`, `split`) are its own. A placeholder that names no list raises KeyError
    on first use."""

    def __init__(self, template: str, flags: int = 0, *, lists: Callable[[], BaseModel]) -> None:
        self.template, self.flags, self._lists = template, flags, lists

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        lists = self._lists().model_dump()
        pattern = re.sub(r"\{([a-z_]+)\}", lambda m: "(?:" + "|".join(lists[m.group(1)]) + ")", self.template)
        return re.compile(pattern, self.flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "compiled":
            raise AttributeError(name)
        method = getattr(self.compiled, name)
        setattr(self, name, method)  # found directly from now on
        return method
