import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { clearedSessionCookie } from "~/accounts/session.server";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { deleteOwnAccount, WrongPasswordError } from "~/accounts/account.server";
import { AccountRuleError } from "~/accounts/user-admin.server";
import { requireUser } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { Field, FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";
import { ACCOUNT_PAGE } from "~/accounts/ui/account-page";

export const meta: MetaFunction = () => [{ title: `${t.accounts.deletion.title} – Digitalbeirat` }];

const text = t.accounts.deletion;
type ActionData = { errors: Record<string, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

const DeleteSchema = z.object({ password: z.string().min(1, t.accounts.errors.passwordRequired).max(1000) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(DeleteSchema, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors }, { status: 422 });
  try {
    await deleteOwnAccount({ userId: user.id, password: parsed.data.password });
  } catch (error) {
    if (error instanceof WrongPasswordError) {
      const message = error.locked ? t.accounts.errors.tooManyPasswordFailures : t.accounts.errors.currentPasswordWrong;
      return json<ActionData>({ errors: { password: message } }, { status: error.locked ? 429 : 422 });
    }
    if (error instanceof AccountRuleError) return json<ActionData>({ errors: { form: t.accounts.errors[error.reason] } }, { status: 409 });
    throw error;
  }
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export default function DeleteAccountPage() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errors = data?.errors ?? {};
  return (
    <TitledSection id="delete-title" title={text.title} className="max-w-xl" back={ACCOUNT_PAGE}>
      <FormAlert message={errors.form} />
      <p className="mb-2">{text.intro}</p>
      <p className="mb-4">
        <a href="/konto/export" download>
          {t.accounts.account.exportLink}
        </a>{" "}
        – {text.exportHint}
      </p>
      <Form method="post" className="space-y-4" noValidate>
        <Field name="password" type="password" label={text.confirm} error={errors.password} autoComplete="current-password" required />
        <SubmitButton className="btn-danger">{text.submit}</SubmitButton>
      </Form>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
