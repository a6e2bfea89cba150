import { env } from "~/env.server";
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from "~/lib/markdown.server";

/**
 * "portal": absolute links to the portal's own host (PORTAL_URL) keep no rel="nofollow …"
 * (topics, comments, recommendations); "plain": every absolute link is external (papers, agenda).
 */
export type MarkdownMode = "portal" | "plain";

function ownHost(mode: MarkdownMode) {
  return mode === "portal" ? new URL(env().PORTAL_URL).host : undefined;
}

/**
 * What the current renderer makes in this mode. The portal's host is part of it: its links are
 * rendered differently, so stored HTML from another PORTAL_URL is stale too.
 */
export function markdownStamp(mode: MarkdownMode): string {
  const host = ownHost(mode);
  return host ? `${MARKDOWN_RENDERER_VERSION}@${host}` : String(MARKDOWN_RENDERER_VERSION);
}

export function renderInMode(mode: MarkdownMode, source: string): string {
  return renderMarkdown(source, { ownHost: ownHost(mode) });
}

type Rendered<K extends string> = { [key in K]: string | null };

function renderAll<K extends string>(mode: MarkdownMode, sources: Record<K, string | null | undefined>): Rendered<K> {
  const html = {} as Rendered<K>;
  for (const key of Object.keys(sources) as K[]) {
    const source = sources[key];
    html[key] = source === null || source === undefined ? null : renderInMode(mode, source);
  }
  return html;
}

/** Values for an insert or an update that writes every source of the row: each HTML column and the stamp. */
export function renderedColumns<K extends string>(mode: MarkdownMode, sources: Record<K, string | null | undefined>) {
  return { ...renderAll(mode, sources), htmlStamp: markdownStamp(mode) };
}

/**
 * Values for an update of some of a row's sources: only their HTML. The row's stamp stays: a
 * current row stays current, a stale one stays stale (its other columns too) until the job.
 */
export function renderedColumnsOnly<K extends string>(mode: MarkdownMode, sources: Record<K, string | null | undefined>) {
  return renderAll(mode, sources);
}

/** The HTML a page shows: the stored one when its stamp is current, else rendered for this request (never written here). */
export function shownHtml(mode: MarkdownMode, source: string, stored: string | null, stamp: string | null): string {
  return stored !== null && stamp === markdownStamp(mode) ? stored : renderInMode(mode, source);
}
