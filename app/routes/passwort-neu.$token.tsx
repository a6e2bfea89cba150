import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { completePasswordReset, findPasswordReset } from "~/accounts/password-reset.server";
import { checkNewPassword, newPasswordFields } from "~/accounts/account-schemas.server";
import { Field as TextField, FormAlert, SubmitButton } from "~/ui/form";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { parseForm } from "~/lib/form";
import { TitledSection } from "~/ui/titled-section";

const text = t.notifications.passwordReset;
export const meta: MetaFunction = () => [{ title: `${text.newTitle} – Digitalbeirat` }, { name: "referrer", content: "no-referrer" }];

type ActionData = { errors?: Record<string, string>; done?: boolean };

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findPasswordReset({ token: params.token ?? "" });
  return json({ valid: Boolean(reset) }, { status: reset ? 200 : 404, headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const reset = await findPasswordReset({ token });
  if (!reset) return json<ActionData>({ errors: { form: text.invalidLink } }, { status: 404 });
  const schema = z
    .object(newPasswordFields)
    .superRefine((data, ctx) => checkNewPassword(data, ctx, { email: reset.email ?? undefined, name: reset.name ?? undefined }));
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 422 });
  if (!(await completePasswordReset({ token, password: parsed.data.password })))
    return json<ActionData>({ errors: { form: text.invalidLink } }, { status: 404 });
  return json<ActionData>({ done: true });
}

export default function NewPasswordPage() {
  const { valid } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errors = data?.errors ?? {};
  const f = t.accounts.fields;
  if (data?.done) {
    return (
      <TitledSection id="reset-title" title={text.newTitle} className="max-w-md">
        <FormAlert message={text.done} tone="success" />
        <p>
          <a href="/login" className="btn">
            {t.accounts.login.title}
          </a>
        </p>
      </TitledSection>
    );
  }
  return (
    <TitledSection id="reset-title" title={text.newTitle} className="max-w-xl">
      {!valid ? (
        <>
          <FormAlert message={text.invalidLink} />
          <p>
            <a href="/passwort-vergessen">{text.requestAgain}</a>
          </p>
        </>
      ) : (
        <>
          <p className="mb-4">{text.newIntro}</p>
          <FormAlert message={errors.form} />
          <Form method="post" className="space-y-4" noValidate>
            <TextField
              name="password"
              type="password"
              label={text.password}
              hint={f.passwordHint}
              error={errors.password}
              autoComplete="new-password"
              required
            />
            <TextField name="passwordConfirm" type="password" label={text.confirmation} error={errors.passwordConfirm} autoComplete="new-password" required />
            <SubmitButton>{text.save}</SubmitButton>
          </Form>
        </>
      )}
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
