import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { checkNewPassword, newPasswordFields } from "~/accounts/account-schemas.server";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { changePassword, WrongPasswordError } from "~/accounts/account.server";
import { requireSession } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { Field, FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";
import { ACCOUNT_PAGE } from "~/accounts/ui/account-page";

export const meta: MetaFunction = () => [{ title: `${t.accounts.password.title} – Digitalbeirat` }];

const text = t.accounts.password;
type ActionData = { errors?: Record<string, string>; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSession(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const schema = z
    .object({ currentPassword: z.string().min(1, t.accounts.errors.passwordRequired).max(1000), ...newPasswordFields })
    .superRefine((data, ctx) => checkNewPassword(data, ctx, { email: session.user.email, name: session.user.name }));
  const parsed = parseForm(schema, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 422 });
  try {
    await changePassword({
      userId: session.user.id,
      currentSessionId: session.id,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.password,
    });
  } catch (error) {
    if (!(error instanceof WrongPasswordError)) throw error;
    if (error.locked) return json<ActionData>({ errors: { currentPassword: t.accounts.errors.tooManyPasswordFailures } }, { status: 429 });
    return json<ActionData>({ errors: { currentPassword: t.accounts.errors.currentPasswordWrong } }, { status: 422 });
  }
  return json<ActionData>({ notice: text.changed });
}

export default function ChangePasswordPage() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errors = data?.errors ?? {};
  const f = t.accounts.fields;
  return (
    <TitledSection id="password-title" title={text.title} className="max-w-xl" back={ACCOUNT_PAGE}>
      <p className="mb-4">{text.intro}</p>
      <FormAlert message={data?.notice} tone="success" />
      <Form method="post" className="space-y-4" noValidate>
        <Field name="currentPassword" type="password" label={f.currentPassword} error={errors.currentPassword} autoComplete="current-password" required />
        <Field name="password" type="password" label={f.newPassword} hint={f.passwordHint} error={errors.password} autoComplete="new-password" required />
        <Field name="passwordConfirm" type="password" label={f.newPasswordConfirm} error={errors.passwordConfirm} autoComplete="new-password" required />
        <SubmitButton>{text.submit}</SubmitButton>
      </Form>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
