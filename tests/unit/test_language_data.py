"""Language is data: a string becomes a language id in one helper (`as_language`), the punctuation and the
small texts around the founder's words come from each language's data (`assistant/lexicon/<lang>/
typography.yaml`, `prompts/<lang>/*.yaml`), and no module branches on "fr" or "en" in Python, so a third
language is a folder of data. The outputs are the ones the French and English coach always printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.canvas import Canvas, Segment
from assistant.canvas.render import canvas_markdown
from assistant.canvas.versions import CanvasDiff
from assistant.domain import LANGUAGES, as_language
from assistant.graph.nodes.record import changes_text
from assistant.interviews import texts as fieldwork
from assistant.lexicon.check import FILES
from assistant.lexicon.typography import TypographyWords
from assistant.personas.models import Persona, PersonaField
from assistant.personas.render import persona_card
from assistant.prompts import Prompts
from assistant.text.typography import Typography, colon, join_and, quote, semicolon, typography
from assistant.ui.dashboard.pages import layout
from assistant.understanding.extract import default_segment_name
from assistant.understanding.segment_type import classify

ASSISTANT = Path(__file__).resolve().parents[2] / "assistant"

# --- as_language ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_language_id_is_itself(language: str) -> None:
    assert as_language(language) == language
    assert as_language(language, default="en") == language


@pytest.mark.parametrize("value", [None, "", "de", "EN", "Fr", "english", 1, ["en"]])
def test_anything_else_is_the_default_french_unless_the_caller_says(value: object) -> None:
    assert as_language(value) == "fr"
    assert as_language(value, default="en") == "en"


# --- typography, through the data -----------------------------------------------------------------------


def test_the_typography_data_is_a_lexicon_file_checked_at_start_up() -> None:
    assert FILES["typography"] is TypographyWords is Typography
    assert {typography(lang).model_dump()["and_word"] for lang in LANGUAGES} == {"et", "and"}


@pytest.mark.parametrize(("lang", "quoted", "col", "semi", "listed"), [
    ("fr", "« Parents pressés »", " :", " ;", "« a », « b » et « c »"),
    ("en", "“Parents pressés”", ":", ";", "“a”, “b” and “c”"),
])
def test_the_punctuation_of_each_language(lang, quoted, col, semi, listed) -> None:
    assert quote(lang, "Parents pressés") == quoted
    assert colon(lang) == col
    assert semicolon(lang) == semi
    assert join_and(lang, [quote(lang, n) for n in "abc"]) == listed
    assert join_and(lang, [quote(lang, "a")]) == quote(lang, "a")
    assert join_and(lang, []) == ""


@pytest.mark.parametrize(("lang", "two", "three"), [
    ("fr", "« Parents » et « Écoles »", "« Parents », « Écoles » et « Mairies »"),
    ("en", "“Parents” and “Écoles”", "“Parents”, “Écoles” and “Mairies”"),
])
def test_a_segment_type_rationale_quotes_the_segment_names(lang, two, three) -> None:
    for names, joined in ((["Parents", "Écoles"], two), (["Parents", "Écoles", "Mairies"], three)):
        kind, rationale = classify("", {}, [Segment(name=n) for n in names], lang)
        assert rationale == Prompts().text(lang, f"type_rationales.{kind}", names=joined)


@pytest.mark.parametrize(("lang", "nobody"), [("fr", "vos clients"), ("en", "your customers"),
                                               ("de", "your customers")])  # unknown: English, as before
def test_a_rationale_without_names_speaks_of_your_customers(lang, nobody) -> None:
    kind, rationale = classify("", {}, [], lang)
    assert rationale == Prompts().text(as_language(lang, default="en"), f"type_rationales.{kind}", names=nobody)


@pytest.mark.parametrize(("lang", "line"), [("fr", "- **Qui** : des parents pressés"),
                                             ("en", "- **Who**: des parents pressés")])
def test_the_canvas_puts_the_colon_of_its_language(lang, line) -> None:
    canvas = Canvas(language=lang, segments=[Segment(name="Parents", who="des parents pressés")])
    assert line in canvas_markdown(canvas).splitlines()


@pytest.mark.parametrize(("lang", "line"), [("fr", "- **Prénom** : « Léa » (hypothèse)"),
                                             ("en", "- **Name**: “Léa” (assumption)")])
def test_a_persona_card_quotes_and_colons_in_its_language(lang, line) -> None:
    card = persona_card(Persona(segment="Parents", name=PersonaField(value="Léa")), lang)
    assert line in card.splitlines()


@pytest.mark.parametrize(("lang", "sep"), [("fr", " ; "), ("en", "; ")])
def test_what_changed_is_a_list_with_the_semicolon_of_the_language(lang, sep) -> None:
    prompts = Prompts()
    said = changes_text(prompts, lang, CanvasDiff(before=1, after=2, added=["A"], removed=["B"]))
    assert said == prompts.text(lang, "revisit.added", name="A") + sep + prompts.text(lang, "revisit.removed", name="B")


@pytest.mark.parametrize(("lang", "default", "resumed", "count"), [
    ("fr", "Segment principal", "Reprise de la session", "3 entretiens."),
    ("en", "Main segment", "Session resumed", "3 interviews."),
])
def test_the_small_texts_come_from_the_catalogues(lang, default, resumed, count) -> None:
    assert default_segment_name(lang) == default
    assert Prompts().text(lang, "messages.session_resumed") == resumed
    assert fieldwork.text(lang, "notes.interview_count", count=3) == count


@pytest.mark.parametrize(("lang", "attr"), [("fr", "fr"), ("en", "en"), ("xx", "fr")])
def test_the_dashboard_page_declares_the_language_id(lang, attr) -> None:
    assert layout(lang, "t", "").startswith(f'<!doctype html><html lang="{attr}">')


# --- no branch on a language in Python ------------------------------------------------------------------

BRANCH = re.compile(r"""[=!]=\s*(['"])(?:fr|en)\1|(['"])(?:fr|en)\2\s*[=!]=""")

# The branches that stay, each with why it is not data. Keyed by file and the stripped line.
ALLOWED = {
    ("understanding/mistakes/breadth.py", 'french = ctx.language == "fr"'):
        "a grammar rule, not a text: in French adjectives follow the noun ('des clients fidèles'), so a broad "
        "noun is narrowed by what comes after it; it belongs with the grammar cues of the lexicon once "
        "`grammar.yaml` gains a word-order entry.",
}


def _branches() -> dict[tuple[str, str], int]:
    found: dict[tuple[str, str], int] = {}
    for path in sorted(ASSISTANT.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if BRANCH.search(line):
                found[(path.relative_to(ASSISTANT).as_posix(), line.strip())] = number
    return found


def test_no_module_branches_on_a_language_outside_the_allow_list() -> None:
    unexpected = {f"assistant/{path}:{n}: {line}" for (path, line), n in _branches().items()
                  if (path, line) not in ALLOWED}
    assert not unexpected, "branch on the language in Python; make it data (as_language, typography, catalogues):\n" \
        + "\n".join(sorted(unexpected))


def test_the_allow_list_names_only_branches_that_still_exist() -> None:
    assert set(ALLOWED) <= set(_branches())


def test_the_branch_pattern_sees_both_quotes_and_both_orders() -> None:
    for line in ('x == "en"', "x != 'fr'", '"fr" == x', "LABELS['en' if lang == 'en' else 'fr']"):
        assert BRANCH.search(line), line
    for line in ('x = "en"', 'for lang in ("fr", "en"):', 'lang == "english"'):
        assert not BRANCH.search(line), line
