import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { uploadDocument } from "~/documents/upload.server";
import { RefusalError } from "~/lib/refusal";
import { requireUser } from "~/policy.server";
import { ErrorPage } from "~/ui/error-page";

/**
 * Upload of a new document or a new version (field `replaces`), streamed (the HTTP edge leaves
 * this path's body on the socket). Refusals are pages with their status, so the form works without JavaScript.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    const { ownerUrl } = await uploadDocument({ request, user });
    const [path, hash] = ownerUrl.split("#");
    return redirect(`${path}?dokument=gespeichert#${hash ?? "dokumente"}`);
  } catch (error) {
    if (error instanceof RefusalError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

export function loader() {
  throw new Response("Dokumente werden per POST hochgeladen.", { status: 405, headers: { Allow: "POST" } });
}

export default function UploadPage() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
