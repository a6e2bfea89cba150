import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { uploadSignLanguageVideo } from "~/documents/portal-video.server";
import { RefusalError } from "~/lib/refusal";
import { requirePermission } from "~/policy.server";
import { ErrorPage } from "~/ui/error-page";

/**
 * Upload of the DGS video, streamed (the HTTP edge leaves this path's body on the socket, bounded
 * by SIGN_LANGUAGE_VIDEO_MAX_MB). The permission is checked before a byte of the body is read.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:sign-language-video");
  try {
    await uploadSignLanguageVideo({ request, user });
    return redirect("/admin/gebaerdensprache?video=gespeichert");
  } catch (error) {
    if (error instanceof RefusalError) throw new Response(error.message, { status: error.status });
    throw error;
  }
}

export function loader() {
  throw new Response("Das Video wird per POST hochgeladen.", { status: 405, headers: { Allow: "POST" } });
}

export default function UploadVideoPage() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
