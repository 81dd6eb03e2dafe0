"""Safe rendering in the coaching room: canvas panel props, message Markdown, the custom elements' source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.canvas import Canvas, Citation, Critique, OpenQuestion, Priority, Segment
from assistant.ui import texts
from assistant.ui.canvas_view import canvas_props, props_key, sources_props
from assistant.ui.safety import is_safe_url, plain, safe_markdown, safe_token

XSS = "<img src=x onerror=alert(1)>"
JS_LINK = "[clique ici](javascript:alert(1))"
ELEMENTS = Path(__file__).resolve().parents[2] / "assistant" / "ui" / "public" / "elements"


def _canvas(lang: str = "fr") -> Canvas:
    seg = Segment(
        name=f"Familles {XSS}",
        who="Parents actifs",
        segment_type="niche_market",
        jobs=["Préparer le petit-déjeuner", JS_LINK],
        pains=["Pas le temps\u202e le matin"],
        gains=["Gagner 15 minutes"],
        buyer="Parent",
        user="parent",
        evidence=[],
        priority=Priority(rank=1, value=4, fit=3),
    )
    other = Segment(name="Restaurants", buyer="Gérant", user="Chef de cuisine", evidence=["12 entretiens"],
                    validation="partially_validated")
    cite = Citation(chunk_id="segments-de-clientele#erreurs", document="Segments de clientèle",
                    section="Erreurs")
    return Canvas(
        language=lang,  # type: ignore[arg-type]
        startup=f"Pain bio livré {XSS}",
        segments=[seg, other],
        focus_segment=seg.name,
        critiques=[
            Critique(mistake_id="too_broad", question_id="for_whom", message=f"Trop large {XSS}",
                     sources=[cite]),
            Critique(mistake_id="not_validated", question_id="evidence", message="Résolu", resolved=True),
        ],
        open_questions=[OpenQuestion(question_id="gains", text="Quels gains ?")],
    )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_canvas_props_carry_founder_text_verbatim_as_plain_strings() -> None:
    props = canvas_props(_canvas())
    seg = props["segments"][0]
    # The text is kept as typed: React renders it as a text node, so it shows as text and runs nothing.
    assert seg["name"] == f"Familles {XSS}"
    assert props["startup"] == f"Pain bio livré {XSS}"
    assert JS_LINK in seg["jobs"]
    assert props["critiques"][0]["message"] == f"Trop large {XSS}"
    # No pre-escaped entities (they would show as "&lt;") and no bidi override characters.
    assert not any("&lt;" in s or "\u202e" in s for s in _strings(props))


def test_canvas_props_content() -> None:
    props = canvas_props(_canvas())
    assert props["language"] == "fr"
    assert props["labels"]["panel_title"] == texts.t("fr", "panel_title")
    first, second = props["segments"]
    assert first["is_focus"] and not second["is_focus"]
    assert not first["draft"] and props["labels"]["draft"] == "brouillon : groupe encore trop large"
    drafted = canvas_props(Canvas(segments=[Segment(name="Tout le monde", draft=True)]))["segments"][0]
    assert drafted["draft"] and drafted["type"] == ""
    assert first["type"] == "marché de niche"
    assert first["same_person"] and not second["same_person"]
    assert first["evidence"] == [] and second["evidence"] == ["12 entretiens"]
    assert second["validation"] == "partiellement validé"
    assert first["priority"] == "rang 1, valeur 4/5, adéquation 3/5"
    # Only open critiques are listed, with their sources (document and section).
    assert [c["mistake_id"] for c in props["critiques"]] == ["too_broad"]
    assert props["critiques"][0]["sources"] == [{"document": "Segments de clientèle", "section": "Erreurs"}]
    assert props["critiques"][0]["title"] and props["resolved"] == 1
    assert props["open_questions"] == [{"question_id": "gains", "text": "Quels gains ?"}]


def test_canvas_props_follow_the_language() -> None:
    en = canvas_props(_canvas("en"))
    assert en["labels"]["jobs"] == "Jobs to be done" and en["segments"][0]["type"] == "niche market"
    assert canvas_props(Canvas())["segments"] == [] and canvas_props(Canvas())["labels"]["empty"]


def test_props_are_capped_and_keyed() -> None:
    canvas = Canvas(startup="x" * 5000, segments=[Segment(name="s", jobs=[f"job {i}" for i in range(50)])])
    props = canvas_props(canvas)
    assert len(props["startup"]) <= 400 and props["startup"].endswith("…")
    assert len(props["segments"][0]["jobs"]) == 12
    assert props_key(props) == props_key(canvas_props(canvas))
    assert props_key(props) != props_key(canvas_props(Canvas()))


def test_sources_props() -> None:
    cites = [Citation(chunk_id="a#b", document="Doc", section="Sec"),
             Citation(chunk_id="a#b2", document="Doc", section="Sec")]
    expected = {"title": "Sources", "items": [{"document": "Doc", "section": "Sec"}]}
    assert sources_props(cites, "en") == expected


@pytest.mark.parametrize("name", ["CanvasPanel.jsx", "Sources.jsx"])
def test_custom_elements_never_inject_html(name: str) -> None:
    source = (ELEMENTS / name).read_text(encoding="utf-8")
    for forbidden in ("dangerouslySetInnerHTML", "innerHTML", "outerHTML", "insertAdjacentHTML", "eval(",
                      "new Function", "href=", "src=", "document.write"):
        assert forbidden not in source, forbidden
    # Props are read from the injected global, never taken as a function argument.
    assert re.search(r"export default function \w+\(\)", source)


def test_safe_markdown_shows_html_as_text() -> None:
    out = safe_markdown(f"Vous avez dit : {XSS}")
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)>" in out
    assert safe_markdown("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>"
    assert safe_markdown("<!-- x -->") == "&lt;!-- x -->"
    assert safe_markdown("<javascript:alert(1)>") == "&lt;javascript:alert(1)>"
    # Comparisons and quotes are left alone.
    assert safe_markdown("a < b et > citation") == "a < b et > citation"
    assert safe_markdown("> citation\n\n**gras**") == "> citation\n\n**gras**"


@pytest.mark.parametrize("link", [
    "[clique ici](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript&#58;alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox(1))",
    "[x](//evil.example/path)",
])
def test_unsafe_links_render_as_text(link: str) -> None:
    out = safe_markdown(f"Voir {link} merci")
    assert "\\[" in out and "\\]\\(" in out
    # No Markdown link survives: every "[" left is escaped.
    assert not re.search(r"(?<!\\)\[[^\]]*\]\(", out)


def test_safe_links_and_images() -> None:
    assert safe_markdown("[doc](https://example.org/a_(b))") == "[doc](https://example.org/a_(b))"
    assert safe_markdown("[mail](mailto:x@example.org)") == "[mail](mailto:x@example.org)"
    assert safe_markdown("[ici](#section)") == "[ici](#section)"
    # Images are never loaded (a remote image is a tracking pixel).
    assert safe_markdown("![pixel](https://evil.example/p.png)") == "\\!\\[pixel\\]\\(https://evil.example/p.png\\)"
    assert safe_markdown("[x]: javascript:alert(1)").startswith("\\[x\\]:")
    assert safe_markdown("[x]: https://example.org") == "[x]: https://example.org"


def test_is_safe_url() -> None:
    assert is_safe_url("https://a.b") and is_safe_url("/public/x") and is_safe_url("page.html")
    assert not is_safe_url("javascript:x") and not is_safe_url("java\tscript:x") and not is_safe_url("//a.b")


def test_tokens_and_plain_text() -> None:
    assert safe_token("<b>") == "&lt;b>"
    assert plain("a\x00b\x1bc\u202ed\n") == "abcd"
    assert plain(None) == ""


def test_starters_and_browser_language() -> None:
    assert texts.match_starter("Je démarre mon canvas") == ("start", "fr")
    assert texts.match_starter("  explain the SEGMENT types ") == ("types", "en")
    assert texts.match_starter("Relire mes segments existants") == ("review", "fr")
    assert texts.match_starter("Je démarre") is None
    assert texts.browser_language("fr-FR,fr;q=0.9,en;q=0.8") == "fr"
    assert texts.browser_language("en-US,en;q=0.9,fr;q=0.5") == "en"
    assert texts.browser_language("de-DE,de;q=0.9,en;q=0.8") == "en"
    assert texts.browser_language("en;q=0.2, fr;q=0.8") == "fr"
    assert texts.browser_language(None) == "fr" and texts.browser_language("de", default="en") == "en"
    for lang in ("fr", "en"):
        assert set(texts.TEXTS[lang]) == set(texts.TEXTS["fr"])
