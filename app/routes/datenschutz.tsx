import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LegalPage } from "~/legal/ui/legal-page";
import { t } from "~/i18n/de";
import { operatorDetails } from "~/legal/legal.server";

export const meta: MetaFunction = () => [{ title: `${t.legal.privacy.title} – Digitalbeirat` }];

export async function loader() {
  return json({ operator: operatorDetails() });
}

export default function PrivacyPage() {
  const { operator } = useLoaderData<typeof loader>();
  return <LegalPage id="privacy-title" title={t.legal.privacy.title} intro={t.legal.privacy.intro(operator)} sections={t.legal.privacy.sections(operator)} />;
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
