// The canvas export under the coach's message: one download button per format (Markdown, JSON).
// `props` is injected by Chainlit (see assistant/ui/canvas_view.py, export_props): for each file its format, a
// label, a hint, its name, its MIME type and its text; and the notice shown when the browser cannot save it.
// The file is made here, in the browser, from that text: saving it needs nothing from the server, so it works
// whatever the server is doing, after a reload and after a restart of the room (the element is kept with the
// thread). Every value is shown as a React text node; nothing here is HTML.
import { Download } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

function save(file) {
  const blob = new Blob([String(file.content ?? "")], { type: file.mime || "text/plain" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.download = file.name;
  link.href = url;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export default function ExportFiles() {
  const [failed, setFailed] = useState("");
  const files = Array.isArray(props.files) ? props.files : [];
  if (!files.length) return null;
  return (
    <div data-testid="export-files" className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        {files.map((file) => (
          <Button
            key={file.format}
            type="button"
            variant="outline"
            data-testid="export-file"
            data-format={file.format}
            title={file.hint}
            className="h-auto py-2 px-3 justify-start gap-3"
            onClick={() => {
              try {
                save(file);
                setFailed("");
              } catch (err) {
                setFailed(file.format);
              }
            }}
          >
            <Download className="!size-4 shrink-0" />
            <span className="flex flex-col items-start text-left">
              <span className="font-medium">{file.label}</span>
              <span data-testid="export-file-name" className="text-xs text-muted-foreground break-all">
                {file.name}
              </span>
            </span>
          </Button>
        ))}
      </div>
      {failed ? (
        <p role="alert" data-testid="export-error" className="text-sm text-destructive">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
