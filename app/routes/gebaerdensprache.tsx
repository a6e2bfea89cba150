import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignLanguagePage } from "~/legal/ui/sign-language-page";
import { t } from "~/i18n/de";
import { operatorDetails } from "~/legal/legal.server";
import { getSignLanguageVideo } from "~/legal/sign-language.server";

export const meta: MetaFunction = () => [{ title: `${t.signLanguage.title} – Digitalbeirat` }];

export async function loader() {
  return json({ operator: operatorDetails(), video: await getSignLanguageVideo() });
}

export default function SignLanguageRoute() {
  const { operator, video } = useLoaderData<typeof loader>();
  return <SignLanguagePage operator={operator} video={video} />;
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
