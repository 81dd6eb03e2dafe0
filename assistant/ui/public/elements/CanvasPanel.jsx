// The live Customer Segments canvas, in Chainlit's side panel.
// `props` is injected by Chainlit (see assistant/ui/canvas_view.py). Every value is plain text and is
// rendered as a React text node: founder text is never interpreted as HTML, and nothing here builds a link.
import { BookOpen } from "lucide-react";

// Colours are inline styles: Chainlit's stylesheet only holds the Tailwind classes its own UI uses.
const TONES = {
  assumption: { background: "rgba(245, 158, 11, 0.18)", color: "inherit" },
  partially_validated: { background: "rgba(14, 165, 233, 0.18)", color: "inherit" },
  validated: { background: "rgba(16, 185, 129, 0.2)", color: "inherit" },
};
const HEADINGS = {
  jobs: { color: "#4f46e5" },
  pains: { color: "#e11d48" },
  gains: { color: "#059669" },
};

function Pill({ children, className, style, testId }) {
  return (
    <span
      data-testid={testId}
      style={style}
      className={"inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium " + (className || "")}
    >
      {children}
    </span>
  );
}

function List({ title, items, testId, tone }) {
  if (!items || items.length === 0) return null;
  return (
    <div data-testid={testId} className="min-w-0">
      <div className="text-xs font-semibold uppercase tracking-widest mb-1 text-muted-foreground" style={tone}>
        {title}
      </div>
      <ul className="list-disc pl-4 space-y-1 text-sm break-words">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Segment({ seg, labels }) {
  return (
    <section
      data-testid="canvas-segment"
      className={
        "rounded-lg border p-3 space-y-2 " + (seg.is_focus ? "border-primary shadow-sm" : "border-border")
      }
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 data-testid="canvas-segment-name" className="text-base font-semibold break-words">
          {seg.name}
        </h3>
        {seg.is_focus ? <Pill className="bg-primary text-primary-foreground">{labels.focus_badge}</Pill> : null}
        {seg.draft ? (
          <Pill testId="canvas-segment-draft" style={TONES.assumption}>
            {labels.draft}
          </Pill>
        ) : null}
        {seg.type ? (
          <Pill testId="canvas-segment-type" className="bg-muted text-foreground">
            {labels.type}: {seg.type}
          </Pill>
        ) : null}
        <Pill testId="canvas-segment-validation" style={TONES[seg.validation_key] || TONES.assumption}>
          {seg.validation}
        </Pill>
      </div>
      {seg.who ? <p className="text-sm text-muted-foreground break-words">{seg.who}</p> : null}
      {seg.type_rationale ? <p className="text-xs text-muted-foreground italic break-words">{seg.type_rationale}</p> : null}
      <div className="flex flex-col gap-2">
        <List title={labels.jobs} items={seg.jobs} testId="canvas-jobs" tone={HEADINGS.jobs} />
        <List title={labels.pains} items={seg.pains} testId="canvas-pains" tone={HEADINGS.pains} />
        <List title={labels.gains} items={seg.gains} testId="canvas-gains" tone={HEADINGS.gains} />
      </div>
      <List title={labels.characteristics} items={seg.characteristics} testId="canvas-characteristics" />
      {seg.buyer || seg.user ? (
        <div data-testid="canvas-buyer-user" className="text-sm rounded-md bg-muted px-2 py-1 break-words">
          {seg.same_person ? (
            <span>{labels.same_person} — {seg.buyer}</span>
          ) : (
            <span>
              <b>{labels.buyer}</b>: {seg.buyer || "—"} · <b>{labels.user}</b>: {seg.user || "—"}
            </span>
          )}
        </div>
      ) : null}
      {seg.evidence && seg.evidence.length ? (
        <List title={labels.evidence} items={seg.evidence} testId="canvas-evidence" />
      ) : (
        <p data-testid="canvas-no-evidence" className="text-xs text-muted-foreground">{labels.no_evidence}</p>
      )}
      <List title={labels.assumptions} items={seg.assumptions} testId="canvas-assumptions" />
      {seg.priority ? (
        <p className="text-xs text-muted-foreground">
          {labels.priority}: {seg.priority}
        </p>
      ) : null}
      {seg.linked && seg.linked.length ? (
        <p className="text-xs text-muted-foreground break-words">
          {labels.linked}: {seg.linked.join(", ")}
        </p>
      ) : null}
    </section>
  );
}

function Persona({ p, labels }) {
  return (
    <section data-testid="canvas-persona" className="rounded-lg border border-border p-3 space-y-1 text-sm">
      <h4 data-testid="canvas-persona-segment" className="font-semibold break-words">{p.segment}</h4>
      {(p.fields || []).map((f, i) => (
        <div key={i} data-testid={"canvas-persona-" + f.name} className="break-words">
          <b>{f.label}</b>:{" "}
          {f.items.map((item, j) => (
            <span key={j}>
              {j ? " · " : ""}
              {item.value}{" "}
              <span className="text-xs text-muted-foreground" style={item.backed ? TONES.validated : TONES.assumption}>
                ({item.mark})
              </span>
            </span>
          ))}
        </div>
      ))}
      {p.empty && p.empty.length ? (
        <p data-testid="canvas-persona-empty" className="text-xs text-muted-foreground break-words">
          {labels.persona_empty}: {p.empty.join(", ")}
        </p>
      ) : null}
    </section>
  );
}

function Critique({ c, labels }) {
  return (
    <li
      data-testid="canvas-critique"
      className="rounded-md border p-2 text-sm"
      style={{ borderColor: "rgba(245, 158, 11, 0.6)", background: "rgba(245, 158, 11, 0.06)" }}
    >
      <div className="font-semibold break-words">{c.title}</div>
      <div className="break-words">{c.message}</div>
      {c.evidence ? (
        <div className="text-xs italic text-muted-foreground break-words">
          {props.language === "fr" ? `« ${c.evidence} »` : `“${c.evidence}”`}
        </div>
      ) : null}
      {c.sources && c.sources.length ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-muted-foreground">
            <BookOpen className="inline h-3 w-3 align-text-bottom" style={{ marginRight: 4 }} />
            {labels.sources} ({c.sources.length})
          </summary>
          <ul className="pl-4 list-disc">
            {c.sources.map((s, i) => (
              <li key={i} data-testid="canvas-critique-source">
                {s.document} — {s.section}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

export default function CanvasPanel() {
  const labels = props.labels || {};
  const segments = props.segments || [];
  const critiques = props.critiques || [];
  const openQuestions = props.open_questions || [];
  const personas = props.personas || [];
  return (
    <div data-testid="canvas-panel" lang={props.language} className="flex flex-col gap-3 p-1 text-foreground">
      <header>
        <h2 data-testid="canvas-title" className="text-lg font-bold">{labels.panel_title}</h2>
        <p className="text-xs text-muted-foreground">{labels.updated}</p>
      </header>
      {props.startup ? (
        <p data-testid="canvas-startup" className="text-sm break-words">
          <b>{labels.startup}</b>: {props.startup}
        </p>
      ) : null}
      {props.focus ? (
        <p data-testid="canvas-focus" className="text-sm break-words">
          <b>{labels.focus}</b>: {props.focus}
        </p>
      ) : null}
      {segments.length === 0 ? (
        <p data-testid="canvas-empty" className="text-sm text-muted-foreground">{labels.empty}</p>
      ) : (
        <div className="flex flex-col gap-3">
          {segments.map((seg, i) => (
            <Segment key={i} seg={seg} labels={labels} />
          ))}
        </div>
      )}
      <section data-testid="canvas-critiques">
        <h3 className="text-sm font-semibold mb-1">
          {labels.critiques} ({critiques.length})
        </h3>
        {critiques.length ? (
          <ul className="flex flex-col gap-2">
            {critiques.map((c, i) => (
              <Critique key={i} c={c} labels={labels} />
            ))}
          </ul>
        ) : (
          <p className="text-xs text-muted-foreground">{labels.no_critique}</p>
        )}
      </section>
      {personas.length ? (
        <section data-testid="canvas-personas" className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold">{labels.personas_title}</h3>
          {personas.map((p, i) => (
            <Persona key={i} p={p} labels={labels} />
          ))}
        </section>
      ) : null}
      {openQuestions.length ? (
        <section data-testid="canvas-open-questions">
          <h3 className="text-sm font-semibold mb-1">{labels.open_questions}</h3>
          <ul className="list-disc pl-4 text-sm space-y-1">
            {openQuestions.map((q, i) => (
              <li key={i} className="break-words">{q.text}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
