"""The dashboard's HTML: every value that comes from a founder or a mentor (names, canvases, comments) is
escaped here, in one place; charts arrive as SVG drawn from the product's own labels."""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlencode

from assistant.canvas.render import canvas_markdown
from assistant.cohorts.overview import Analytics, FounderRow, SessionFacts
from assistant.cohorts.records import Comment
from assistant.domain import as_language
from assistant.ui.dashboard.texts import mistake_title, t

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#212529}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #dee2e6;padding:.4rem;
text-align:left;vertical-align:top}th{background:#f1f3f5}.charts{display:grid;grid-template-columns:
repeat(auto-fit,minmax(30rem,1fr));gap:1rem}figure{margin:0;border:1px solid #dee2e6;border-radius:6px;
padding:.5rem}figure svg{width:100%;height:auto}pre.canvas{white-space:pre-wrap;background:#f8f9fa;padding:1rem;
border-radius:6px}.note{color:#495057}.comment{border-left:3px solid #3b5bdb;padding:.2rem .8rem;margin:.6rem 0}
.bar{background:#e9ecef;border-radius:3px;width:6rem;display:inline-block;height:.6rem;margin-right:.3rem}
.bar span{background:#3b5bdb;display:block;height:100%;border-radius:3px}textarea{width:100%;min-height:5rem}
"""


def layout(lang: str, title: str, body: str) -> str:
    return (f'<!doctype html><html lang="{as_language(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>{body}</body></html>")


def _link(root: str, path: str, **query: str) -> str:
    query = {k: v for k, v in query.items() if v}
    return escape(root + path + (("?" + urlencode(query)) if query else ""))


def _row(r: FounderRow, lang: str, root: str) -> str:
    validation = ", ".join(f"{t(lang, 'status.' + k)} {v}" for k, v in sorted(r.validation.items())) or "-"
    critiques = ", ".join(f"{escape(mistake_title(lang, k))} ({v})" for k, v in
                          sorted(r.open_critiques.items(), key=lambda kv: (-kv[1], kv[0]))) or t(lang, "none")
    link = _link(root, f"/dashboard/threads/{quote(r.thread_id, safe='')}", lang=lang)
    return (f'<tr data-founder="{escape(r.founder)}"><td>{escape(r.founder)}</td><td>{r.sessions}</td>'
            f'<td><span class="bar"><span style="width:{r.percent}%"></span></span>{r.percent} %</td>'
            f"<td>{r.segments}</td><td>{escape(validation)}</td><td>{critiques}</td>"
            f"<td>{escape(r.last_activity.replace('T', ' ')[:16]) or '-'}</td><td>{r.model_calls} / {r.tokens}</td>"
            f'<td><a href="{link}">{t(lang, "open")}</a></td></tr>')


def dashboard(lang: str, root: str, cohorts: list[str], chosen: str | None, rows: list[FounderRow],
              figures: Analytics, charts: dict[str, str], cap: int | None = None) -> str:
    options = [("", t(lang, "all_cohorts"))] if len(cohorts) > 1 else []
    options += [(c, c) for c in cohorts]
    select = "".join(f'<option value="{escape(v)}"{" selected" if v == (chosen or "") else ""}>{escape(label)}'
                     "</option>" for v, label in options)
    heads = ("founder", "sessions", "progress", "segments", "validation", "open_critiques", "last_activity",
             "spend", "canvas")
    table = ("<table id=\"founders\"><thead><tr>" + "".join(f"<th>{t(lang, h)}</th>" for h in heads)
             + "</tr></thead><tbody>" + "".join(_row(r, lang, root) for r in rows) + "</tbody></table>"
             if rows else f'<p class="note">{t(lang, "no_founder")}</p>')
    figures_html = "".join(
        f'<figure data-chart="{name}"><figcaption class="note">{t(lang, "chart." + name)}</figcaption>'
        f"{svg or '<p class=note>' + t(lang, 'no_data') + '</p>'}</figure>" for name, svg in charts.items())
    cohort = chosen or ""
    spent = t(lang, "spend_line").format(calls=sum(r.model_calls for r in rows), tokens=sum(r.tokens for r in rows))
    body = (f"<h1>{t(lang, 'title')}</h1>"
            f'<form method="get"><label>{t(lang, "cohort")} <select name="cohort" onchange="this.form.submit()">'
            f'{select}</select></label><input type="hidden" name="lang" value="{lang}"></form>'
            f"<h2>{t(lang, 'founders')} ({len(rows)})</h2>{table}"
            f'<p class="note" id="spend">{spent}{t(lang, "cap").format(cap=cap) if cap is not None else ""}</p>'
            f'<p><a id="export-csv" href="{_link(root, "/dashboard/table.csv", cohort=cohort)}">'
            f'{t(lang, "export.csv")}</a> · <a id="export-zip" href="'
            f'{_link(root, "/dashboard/canvases.zip", cohort=cohort, lang=lang)}">{t(lang, "export.zip")}</a></p>'
            f"<h2>{t(lang, 'analytics')}</h2><div class=\"charts\">{figures_html}</div>")
    return layout(lang, t(lang, "title"), body)


def _comment(c: Comment, lang: str) -> str:
    state = t(lang, "seen") if c.seen_at else t(lang, "unseen")
    return (f'<div class="comment"><p class="note">{escape(c.author)} · {escape(c.created.replace("T", " ")[:16])}'
            f" · {state}</p><p>{escape(c.body)}</p></div>")


def canvas(lang: str, root: str, fact: SessionFacts, comments: list[Comment], *, can_comment: bool,
           sent: bool) -> str:
    back = _link(root, "/dashboard", cohort=fact.cohort or "", lang=lang)
    action = _link(root, f"/dashboard/threads/{quote(fact.thread_id, safe='')}/comments", lang=lang)
    form = (f'<form method="post" action="{action}"><label>{t(lang, "comment.add")}<br>'
            f'<textarea name="body" maxlength="4000" required></textarea></label><br>'
            f'<button type="submit">{t(lang, "comment.send")}</button></form>') if can_comment else ""
    notes = "".join(_comment(c, lang) for c in comments) or f'<p class="note">{t(lang, "no_comment")}</p>'
    body = (f'<p><a href="{back}">{t(lang, "back")}</a></p><h1>{escape(fact.owner)}</h1>'
            + (f'<p role="status">{t(lang, "comment.sent")}</p>' if sent else "")
            + f'<p class="note">{t(lang, "readonly")}</p>'
            f'<pre class="canvas" id="canvas">{escape(canvas_markdown(fact.canvas))}</pre>'
            f'<h2>{t(lang, "comments")}</h2><div id="comments">{notes}</div>{form}')
    return layout(lang, f"{t(lang, 'canvas')} — {fact.owner}", body)
