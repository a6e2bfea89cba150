import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { signIn } from "~/accounts/sign-in.server";
import { sessionCookie } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { safeRedirect } from "~/lib/safe-redirect";
import { getUser } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { createChallenge } from "~/accounts/sign-in-challenge.server";
import { demoAccountsExempt } from "~/accounts/two-factor.server";
import { clientAddressOf } from "~/server/remix-context.server";
import { Field, FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.login.title} – Digitalbeirat` }];

const LoginSchema = z.object({
  email: z.string().trim().min(1, "Bitte geben Sie Ihre E-Mail-Adresse ein.").max(320),
  password: z.string().min(1, "Bitte geben Sie Ihr Passwort ein.").max(200),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  // Only the checked path reaches the page, never the raw parameter.
  return json({ redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo")), demoExempt: demoAccountsExempt() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(LoginSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await signIn({ ...parsed.data, userAgent: request.headers.get("User-Agent"), clientAddress: clientAddressOf(context) });
  const redirectTo = safeRedirect(parsed.data.redirectTo);
  if (result.ok === false) {
    if (result.reason === "throttled") {
      return json(
        { errors: { form: t.accounts.login.throttled(result.retryAfterSeconds) } as Record<string, string> },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return json({ errors: { form: t.accounts.login.invalid } as Record<string, string> }, { status: 401 });
  }
  if (result.ok === "second-factor") {
    const cookie = await createChallenge({ userId: result.userId, purpose: result.purpose, redirectTo });
    return redirect(result.purpose === "verify" ? "/login/zweiter-faktor" : "/login/einrichten", { headers: { "Set-Cookie": cookie } });
  }
  return redirect(redirectTo, {
    headers: { "Set-Cookie": sessionCookie(result.token, result.absoluteExpiresAt) },
  });
}

export default function LoginPage() {
  const data = useActionData<typeof action>();
  const { redirectTo, demoExempt } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = data?.errors ?? {};
  return (
    <TitledSection id="login-title" title={t.accounts.login.title} className="max-w-md">
      <FormAlert message={errors.form} />
      <Form method="post" action="/login" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="email" idPrefix="" label={t.accounts.login.email} errors={errors} type="email" autoComplete="username" required />
        <Field name="password" idPrefix="" label={t.accounts.login.password} errors={errors} type="password" autoComplete="current-password" required />
        <SubmitButton>{t.accounts.login.submit}</SubmitButton>
      </Form>
      <p className="mt-4">
        <a href="/passwort-vergessen">{t.notifications.passwordReset.forgotLink}</a>
      </p>
      <p className="mt-6 text-sm text-slate-700">{t.accounts.login.invitationOnly}</p>
      {demoExempt ? <p className="mt-2 text-sm text-slate-700">{t.accounts.login.demoTwoFactor}</p> : null}
    </TitledSection>
  );
}
