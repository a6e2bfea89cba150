import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { t } from "~/i18n/de";
import { idField, readForm } from "~/lib/fields";
import { parseForm } from "~/lib/form";
import { safeRedirect } from "~/lib/safe-redirect";
import { setFollow } from "~/notifications/follows.server";
import { FOLLOW_TYPES } from "#db/schema";
import { forbidden, notFound, requireUser } from "~/policy.server";
import { postOnly } from "~/lib/post-only";

const FollowSchema = z.object({
  type: z.enum(FOLLOW_TYPES),
  id: idField(),
  follow: z.enum(["true", "false"]),
  redirectTo: z.string().max(500).optional(),
});

/** Follow or unfollow a recommendation, paper, meeting, rating round or topic (POST only). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(FollowSchema, await readForm(request));
  if (!parsed.ok) throw new Response(t.notifications.follow.notAllowed, { status: 400 });
  const result = await setFollow({ member: user, type: parsed.data.type, id: parsed.data.id, follow: parsed.data.follow === "true" });
  if (!result.ok) return result.status === 403 ? forbidden(t.notifications.follow.notAllowed) : notFound();
  return redirect(safeRedirect(parsed.data.redirectTo));
}

export function loader() {
  throw postOnly();
}
