// The sources behind a coach message (document and section), folded under the message.
// `props` is injected by Chainlit: {title, items: [{document, section}]}, plain text rendered as text nodes.
import { BookOpen } from "lucide-react";

export default function Sources() {
  const items = props.items || [];
  if (!items.length) return null;
  return (
    <details data-testid="message-sources" className="rounded-md border border-border px-3 py-1 text-sm">
      <summary className="cursor-pointer select-none text-muted-foreground">
        <BookOpen className="inline h-4 w-4 align-text-bottom" style={{ marginRight: 4 }} />
        {props.title} ({items.length})
      </summary>
      <ul className="mt-1 mb-1 list-disc pl-4 space-y-1">
        {items.map((s, i) => (
          <li key={i} data-testid="message-source" className="break-words">
            <span className="font-medium">{s.document}</span>
            {s.section ? <span className="text-muted-foreground"> — {s.section}</span> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
