const TYPES = {
  csv: { type: "text/csv; charset=utf-8", cache: "private, no-store" },
  calendar: { type: "text/calendar; charset=utf-8", cache: "private, no-cache" },
  markdown: { type: "text/markdown; charset=utf-8", cache: "private, no-store" },
} as const;

/** A file the browser saves (CSV export, calendar): private, never cached by shared caches. */
export function downloadResponse(body: string, filename: string, kind: keyof typeof TYPES) {
  return new Response(body, {
    headers: { "Content-Type": TYPES[kind].type, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": TYPES[kind].cache },
  });
}
