import { env } from "~/env.server";
import { t } from "~/i18n/de";

/**
 * Every mail as plain text and as simple HTML from one list of blocks: German, no remote
 * images, no tracking pixels or redirect links; every link is an absolute PORTAL_URL link.
 */
export type MailBlock =
  { type: "p"; text: string } | { type: "link"; label: string; url: string } | { type: "list"; items: string[] } | { type: "heading"; text: string };

export function escapeHtml(value: string) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Header values: one line, no control characters (a name with a line break cannot add a header). */
export function singleLine(value: string, max = 200) {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max);
}

/** An absolute link below PORTAL_URL. */
export function portalUrl(path: string) {
  return new URL(path, env().PORTAL_URL).toString();
}

export function renderMail({ greeting, blocks, reason, unsubscribeUrl }: { greeting: string; blocks: MailBlock[]; reason: string; unsubscribeUrl?: string }) {
  const m = t.mail.layout;
  const textParts = [greeting, ""];
  const htmlParts = [`<p>${escapeHtml(greeting)}</p>`];
  for (const block of blocks) {
    if (block.type === "p") {
      textParts.push(block.text, "");
      htmlParts.push(`<p>${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`);
    } else if (block.type === "heading") {
      textParts.push(block.text, "-".repeat(Math.min(block.text.length, 60)));
      htmlParts.push(`<h2 style="font-size:1.1em">${escapeHtml(block.text)}</h2>`);
    } else if (block.type === "link") {
      textParts.push(`${block.label}:`, block.url, "");
      htmlParts.push(`<p><a href="${escapeHtml(block.url)}">${escapeHtml(block.label)}</a></p>`);
    } else {
      textParts.push(...block.items.map((item) => `- ${item}`), "");
      htmlParts.push(`<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`);
    }
  }
  const board = env().BOARD_NAME;
  const footer = [m.signature(board), reason, ...(unsubscribeUrl ? [m.unsubscribe, unsubscribeUrl] : [])];
  textParts.push("-- ", ...footer);
  htmlParts.push(
    `<hr><p style="color:#475569;font-size:0.9em">${escapeHtml(m.signature(board))}<br>${escapeHtml(reason)}${
      unsubscribeUrl ? `<br><a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(m.unsubscribe)}</a>` : ""
    }</p>`,
  );
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(board)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${htmlParts.join("\n")}</body></html>`;
  return { text: textParts.join("\n").replace(/\n{3,}/g, "\n\n"), html };
}
