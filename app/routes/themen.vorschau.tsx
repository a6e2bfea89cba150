import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { renderCommentMarkdown } from "~/topics/comments.server";
import { PreviewSchema } from "~/topics/schemas.server";
import { parseForm } from "~/lib/form";
import { requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { postOnly } from "~/lib/post-only";

/** Live preview for the Markdown editor: the same sanitizer as stored comments. */
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "create:comment");
  const parsed = parseForm(PreviewSchema, await readForm(request));
  if (!parsed.ok) return json({ html: "", errors: parsed.errors }, { status: 422 });
  return json({ html: renderCommentMarkdown(parsed.data.body) });
}

/** Only POST renders a preview. */
export function loader() {
  return postOnly("Die Vorschau wird per POST angefordert.");
}
