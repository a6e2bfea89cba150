import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { uploadSignLanguageVideo } from "~/documents/portal-video.server";
import { requirePermission } from "~/policy.server";
import { pageOrRefusal } from "~/server/refusal-response.server";
import { postOnly } from "~/lib/post-only";

/**
 * Upload of the DGS video, streamed (the HTTP edge leaves this path's body on the socket, bounded
 * by SIGN_LANGUAGE_VIDEO_MAX_MB). The permission is checked before a byte of the body is read.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:sign-language-video");
  await pageOrRefusal(uploadSignLanguageVideo({ request, user }));
  return redirect("/admin/gebaerdensprache?video=gespeichert");
}

export function loader() {
  throw postOnly("Das Video wird per POST hochgeladen.");
}

export { NoPage as default, ErrorPage as ErrorBoundary } from "~/ui/error-page";
