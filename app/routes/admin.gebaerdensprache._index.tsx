import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { currentSignLanguageVideo, deleteSignLanguageVideo } from "~/documents/portal-video.server";
import { uploadLimitMb } from "~/documents/receive.server";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { RefusalError } from "~/lib/refusal";
import { SignLanguageAdmin } from "~/legal/ui/sign-language-admin";
import { requirePermission } from "~/policy.server";

const a = t.signLanguage.admin;

export const meta: MetaFunction = () => [{ title: `${a.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:sign-language-video");
  const state = new URL(request.url).searchParams.get("video");
  const notice = state === "gespeichert" ? a.uploaded : state === "entfernt" ? a.deleted : null;
  return json({ video: await currentSignLanguageVideo(), maxMb: uploadLimitMb("signLanguageVideo"), notice });
}

/** Removal of the video (the upload has its own streamed path, /admin/gebaerdensprache/hochladen). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:sign-language-video");
  const form = await readForm(request);
  if (form.get("intent") !== "delete") return json({ errors: { form: t.documents.errors.intent } }, { status: 400 });
  try {
    await deleteSignLanguageVideo({ user, confirmed: form.get("confirm") === "yes" });
    return redirect("/admin/gebaerdensprache?video=entfernt");
  } catch (error) {
    if (error instanceof RefusalError) return json({ errors: error.refusal.errors }, { status: error.status });
    throw error;
  }
}

export default function SignLanguageAdminRoute() {
  const { video, maxMb, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <SignLanguageAdmin video={video} maxMb={maxMb} notice={notice} errors={result?.errors ?? null} />;
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
