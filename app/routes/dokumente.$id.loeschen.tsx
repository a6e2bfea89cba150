import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { deleteDocument } from "~/documents/documents.server";
import { t } from "~/i18n/de";
import { readForm, routeId } from "~/lib/fields";
import { requireUser } from "~/policy.server";
import { pageOrRefusal } from "~/server/refusal-response.server";
import { postOnly } from "~/lib/post-only";

/** Soft delete of a document (its versions stay for the record), audited. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = routeId(params.id, t.documents.errors.notFound);
  const form = await readForm(request);
  const { ownerUrl } = await pageOrRefusal(deleteDocument({ id, user, confirmed: form.get("intent") === "delete" }));
  return redirect(`${ownerUrl.split("#")[0]}?dokument=geloescht#dokumente`);
}

export function loader() {
  throw postOnly("Dokumente werden per POST gelöscht.");
}

export { NoPage as default, ErrorPage as ErrorBoundary } from "~/ui/error-page";
