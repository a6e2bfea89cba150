import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { deleteDocument } from "~/documents/documents.server";
import { t } from "~/i18n/de";
import { readForm, routeId } from "~/lib/fields";
import { RefusalError } from "~/lib/refusal";
import { requireUser } from "~/policy.server";
import { ErrorPage } from "~/ui/error-page";

/** Soft delete of a document (its versions stay for the record), audited. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = routeId(params.id, t.documents.errors.notFound);
  try {
    const form = await readForm(request);
    const { ownerUrl } = await deleteDocument({ id, user, confirmed: form.get("intent") === "delete" });
    return redirect(`${ownerUrl.split("#")[0]}?dokument=geloescht#dokumente`);
  } catch (error) {
    if (error instanceof RefusalError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

export function loader() {
  throw new Response("Dokumente werden per POST gelöscht.", { status: 405, headers: { Allow: "POST" } });
}

export default function DeletePage() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
