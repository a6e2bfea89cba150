import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/ui/error-page";
import { LegalPage } from "~/legal/ui/legal-page";
import { t } from "~/i18n/de";
import { operatorDetails } from "~/legal/legal.server";

export const meta: MetaFunction = () => [{ title: `${t.legal.accessibility.title} – Digitalbeirat` }];

export async function loader() {
  return json({ operator: operatorDetails() });
}

export default function AccessibilityPage() {
  const { operator } = useLoaderData<typeof loader>();
  return <LegalPage id="accessibility-title" title={t.legal.accessibility.title} sections={t.legal.accessibility.sections(operator)} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
