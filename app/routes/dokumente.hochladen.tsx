import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { uploadDocument } from "~/documents/upload.server";
import { requireUser } from "~/policy.server";
import { pageOrRefusal } from "~/server/refusal-response.server";
import { postOnly } from "~/lib/post-only";

/**
 * Upload of a new document or a new version (field `replaces`), streamed (the HTTP edge leaves
 * this path's body on the socket). Refusals are pages with their status, so the form works without JavaScript.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { ownerUrl } = await pageOrRefusal(uploadDocument({ request, user }));
  const [path, hash] = ownerUrl.split("#");
  return redirect(`${path}?dokument=gespeichert#${hash ?? "dokumente"}`);
}

export function loader() {
  throw postOnly("Dokumente werden per POST hochgeladen.");
}

export { NoPage as default, ErrorPage as ErrorBoundary } from "~/ui/error-page";
