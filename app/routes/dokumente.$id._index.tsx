import type { LoaderFunctionArgs } from "@remix-run/node";
import { findDownload } from "~/documents/documents.server";
import { downloadResponse } from "~/documents/download.server";
import { t } from "~/i18n/de";
import { parseId, routeId } from "~/lib/fields";
import { getUser } from "~/policy.server";

/** A document's current version, or an earlier one (`?fassung=2`); 404 for what the reader may not see. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const reader = await getUser(request);
  const id = routeId(params.id, t.documents.errors.notFound);
  const requested = new URL(request.url).searchParams.get("fassung");
  const version = requested === null ? null : parseId(requested);
  if (requested !== null && version === null) throw new Response(t.documents.errors.notFound, { status: 404 });
  const download = await findDownload({ id, version, reader });
  if (!download) throw new Response(t.documents.errors.notFound, { status: 404, headers: { "Cache-Control": "no-store" } });
  return downloadResponse(request, download);
}
