import type { LoaderFunctionArgs } from "@remix-run/node";
import { routeId } from "~/lib/fields";
import { notFound, requirePermission } from "~/policy.server";
import { getMail } from "~/server/mail/outbox.server";

/** An attachment of a stored mail, as a download (never rendered inline). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:mail");
  const mail = (await getMail({ id: routeId(params.id) })) ?? notFound();
  const index = /^[0-9]{1,3}$/.test(params.index ?? "") ? Number(params.index) : -1;
  const file = index >= 0 ? mail.attachments[index] : undefined;
  if (!file) notFound();
  const safeName = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Buffer.from(file.content, "base64"), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${safeName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
