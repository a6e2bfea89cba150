import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LegalPage } from "~/legal/ui/legal-page";
import { t } from "~/i18n/de";
import { operatorDetails } from "~/legal/legal.server";
import { getSignLanguageVideo } from "~/legal/sign-language.server";

export const meta: MetaFunction = () => [{ title: `${t.legal.accessibility.title} – Digitalbeirat` }];

export async function loader() {
  const video = await getSignLanguageVideo();
  return json({ operator: operatorDetails(), offers: { signLanguageVideo: video !== null } });
}

export default function AccessibilityPage() {
  const { operator, offers } = useLoaderData<typeof loader>();
  return <LegalPage id="accessibility-title" title={t.legal.accessibility.title} sections={t.legal.accessibility.sections(operator, offers)} />;
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
