import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/accounts/password-reset.server";
import { Field as TextField, FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { parseForm } from "~/lib/form";
import { getUser } from "~/policy.server";

const text = t.notifications.passwordReset;
export const meta: MetaFunction = () => [{ title: `${text.requestTitle} – Digitalbeirat` }];

const RequestSchema = z.object({ email: z.string().trim().min(1, text.emailRequired).max(320, text.emailRequired) });
type ActionData = { errors?: Record<string, string>; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/konto/passwort");
  return null;
}

/** The client is the address server.mjs passes in the load context (per-client throttle). */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(RequestSchema, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 422 });
  const client = String((context as { clientAddress?: string } | undefined)?.clientAddress ?? "unbekannt").slice(0, 100);
  const result = await requestPasswordReset({ email: parsed.data.email, client });
  if (!result.ok) return json<ActionData>({ errors: { form: text.tooMany } }, { status: 429 });
  return json<ActionData>({ notice: text.sent });
}

export default function ForgotPasswordPage() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  return (
    <TitledSection id="forgot-title" title={text.requestTitle} className="max-w-md" back={{ href: "/login", label: t.accounts.login.title }}>
      <p className="mb-4">{text.requestIntro}</p>
      <FormAlert message={data?.notice} tone="success" />
      <FormAlert message={data?.errors?.form} />
      <Form method="post" className="space-y-4" noValidate>
        <TextField name="email" type="email" label={text.email} error={data?.errors?.email} autoComplete="username" required />
        <SubmitButton>{text.submit}</SubmitButton>
      </Form>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
