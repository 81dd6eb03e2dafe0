"""The format of a knowledge document: Markdown with YAML front matter, cut into sections.

A document is either Markdown whose sections are `## ` headings, or a plain text body (the client's
source document, kept verbatim) whose heading lines are listed in the front matter under `sections:`.

Tags say which founder mistakes and coaching questions a section helps with. Document-level
`mistakes:` / `questions:` are defaults; a Markdown section overrides them with an HTML comment on the
line after its heading (`<!-- mistakes: too_broad; questions: for_whom; slug: short-id -->`); a plain
document overrides them per heading under `section_tags:`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from assistant.domain import LANGUAGES

INTRO_SLUG = "introduction"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
_TAG_COMMENT = re.compile(r"\A<!--(.*?)-->\s*\Z", re.DOTALL)
_TAG_KEYS = {"mistakes", "questions", "slug", "exclude"}


class KnowledgeError(ValueError):
    """A knowledge document is malformed: bad front matter, unknown tag, missing heading..."""



@dataclass(frozen=True)
class Section:
    heading: str
    slug: str
    body: str
    tags: Mapping[str, Any]


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    language: str
    topic: str
    meta: Mapping[str, Any]  # the whole front matter
    body: str  # everything after the front matter, untouched

    @property
    def counterpart(self) -> str | None:
        """Id of the same document in the other language, when there is one."""
        value = self.meta.get("counterpart")
        return str(value) if value else None



def slugify(text: str) -> str:
    """'Erreurs Courantes à Éviter' -> 'erreurs-courantes-a-eviter'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, body). The body is returned exactly as written."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise KnowledgeError("missing YAML front matter (--- ... ---)")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"invalid front matter: {exc}") from exc
    if not isinstance(meta, dict):
        raise KnowledgeError("front matter must be a mapping")
    return meta, text[match.end() :]


def parse_document(text: str) -> Document:
    meta, body = split_front_matter(text)
    for key in ("id", "title", "language", "topic"):
        if not meta.get(key):
            raise KnowledgeError(f"front matter lacks '{key}'")
    doc_id = str(meta["id"])
    if slugify(doc_id) != doc_id:
        raise KnowledgeError(f"document id '{doc_id}' is not a slug")
    if meta["language"] not in LANGUAGES:
        raise KnowledgeError(f"{doc_id}: unknown language '{meta['language']}'")
    return Document(doc_id, str(meta["title"]), str(meta["language"]), str(meta["topic"]), meta, body)


def split_sections(doc: Document) -> list[Section]:
    """The document's sections, the introduction first (tags not yet merged with the document's defaults)."""
    return _plain_sections(doc) if "sections" in doc.meta else _markdown_sections(doc)


def _markdown_sections(doc: Document) -> list[Section]:
    sections: list[Section] = []
    heading = doc.title  # whatever precedes the first heading is the introduction
    lines: list[str] = []
    in_fence = False
    for line in doc.body.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            sections.append(_markdown_section(heading, lines, first=not sections))
            heading, lines = line[3:].strip(), []
        else:
            lines.append(line)
    sections.append(_markdown_section(heading, lines, first=not sections))
    return sections


def _markdown_section(heading: str, lines: list[str], *, first: bool) -> Section:
    """The first section collected is the introduction (whatever precedes the first `## `)."""
    tags: dict[str, Any] = {}
    body = "\n".join(lines).strip()
    first_line, _, rest = body.partition("\n")
    if match := _TAG_COMMENT.match(first_line.strip()):
        tags, body = _parse_tag_comment(match.group(1)), rest
    if first:
        return Section("Introduction", tags.pop("slug", INTRO_SLUG), body, tags)
    return Section(heading, tags.pop("slug", slugify(heading)), body, tags)


def _parse_tag_comment(content: str) -> dict[str, Any]:
    tags: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in content.split(";"))):
        key, _, value = part.partition(":")
        key = key.strip()
        if key not in _TAG_KEYS:
            raise KnowledgeError(f"unknown tag '{key}' in section comment")
        if key in ("mistakes", "questions"):
            tags[key] = [v.strip() for v in value.split(",") if v.strip() and v.strip() != "none"]
        elif key == "exclude":
            tags[key] = value.strip().lower() not in ("false", "no", "0")
        else:
            tags[key] = value.strip()
    return tags


def _plain_sections(doc: Document) -> list[Section]:
    """Split a plain body at the heading lines listed in `sections:` (each must occur, in order)."""
    entries = [_section_entry(item) for item in doc.meta["sections"] or []]
    section_tags: Mapping[str, Any] = doc.meta.get("section_tags") or {}
    known = {INTRO_SLUG} | {key for heading, slug in entries for key in (heading, slug)}
    unknown = set(section_tags) - known
    if unknown:
        raise KnowledgeError(f"section_tags for unknown sections: {sorted(unknown)}")
    lines = doc.body.splitlines()
    starts, cursor = [], 0
    for heading, _ in entries:
        try:
            cursor = next(i for i in range(cursor, len(lines)) if lines[i].strip() == heading)
        except StopIteration:
            raise KnowledgeError(f"heading line not found (or out of order): '{heading}'") from None
        starts.append(cursor)
        cursor += 1
    intro_tags = dict(section_tags.get(INTRO_SLUG) or {})
    sections = [
        Section("Introduction", INTRO_SLUG, "\n".join(lines[: starts[0] if starts else None]), intro_tags)
    ]
    for index, (heading, slug) in enumerate(entries):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        tags = dict(section_tags.get(slug) or section_tags.get(heading) or {})
        if set(tags) - _TAG_KEYS:
            raise KnowledgeError(
                f"unknown keys in section_tags for '{heading}': {sorted(set(tags) - _TAG_KEYS)}"
            )
        sections.append(Section(heading, slug, "\n".join(lines[starts[index] + 1 : end]), tags))
    return sections


def _section_entry(item: Any) -> tuple[str, str]:
    """A `sections:` item is a heading line, or a mapping {heading: ..., slug: ...}."""
    if isinstance(item, str):
        return item, slugify(item)
    if isinstance(item, dict) and "heading" in item:
        return str(item["heading"]), str(item.get("slug") or slugify(str(item["heading"])))
    raise KnowledgeError(f"invalid entry in sections: {item!r}")
