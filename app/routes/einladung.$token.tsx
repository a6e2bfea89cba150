import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { checkNewPassword, newPasswordFields, profileFields } from "~/accounts/account-schemas.server";
import { signInAfterInvitation } from "~/accounts/sign-in.server";
import { ErrorPage } from "~/ui/error-page";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { acceptInvitation, findInvitationByToken, InvitationConflict, type InvitationState } from "~/accounts/invitations.server";
import { getUser } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { Field, FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.invitation.title} – Digitalbeirat` }];

const text = t.accounts.invitation;
const CLOSED: Record<Exclude<InvitationState, "open">, { title: string; message: string }> = {
  used: { title: text.usedTitle, message: text.used },
  revoked: { title: text.revokedTitle, message: text.revoked },
  expired: { title: text.expiredTitle, message: text.expired },
};

async function loadInvitation(token: string) {
  const invitation = await findInvitationByToken({ token });
  if (!invitation) throw json({ closed: { title: text.invalidTitle, message: text.invalid } }, { status: 404 });
  if (invitation.state !== "open") throw json({ closed: CLOSED[invitation.state] }, { status: 410 });
  return invitation;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const invitation = await loadInvitation(params.token ?? "");
  return json({
    signedIn: Boolean(user),
    email: invitation.email,
    role: invitation.role,
    boardName: env().BOARD_NAME,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (await getUser(request)) return json({ errors: { form: text.signedIn } as Record<string, string> }, { status: 409 });
  const invitation = await loadInvitation(params.token ?? "");
  const schema = z
    .object({ ...profileFields, ...newPasswordFields })
    .superRefine((data, ctx) => checkNewPassword(data, ctx, { email: invitation.email, name: data.name }));
  const form = await readForm(request);
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return json({ errors: parsed.errors, values: typedValues(form) }, { status: 422 });
  try {
    const { userId } = await acceptInvitation({ token: params.token ?? "", ...parsed.data });
    const next = await signInAfterInvitation({ userId, role: invitation.role, email: invitation.email, userAgent: request.headers.get("User-Agent") });
    return redirect(next.location, { headers: { "Set-Cookie": next.cookie } });
  } catch (error) {
    if (!(error instanceof InvitationConflict)) throw error;
    if (error.reason === "emailTaken") return json({ errors: { form: t.accounts.errors.emailTaken } as Record<string, string> }, { status: 409 });
    // Claimed by a parallel request in the meantime: the link is used now.
    throw json({ closed: CLOSED.used }, { status: 410 });
  }
}

function typedValues(form: FormData) {
  const value = (name: string) => String(form.get(name) ?? "").slice(0, 500);
  return { name: value("name"), organisation: value("organisation"), expertise: value("expertise") };
}

export default function AcceptInvitationPage() {
  const { signedIn, email, role, boardName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const values = (data as { values?: ReturnType<typeof typedValues> } | undefined)?.values;
  const f = t.accounts.fields;
  return (
    <TitledSection id="invitation-title" title={text.title} className="max-w-xl">
      <p className="mb-4">{text.intro(boardName, t.common.roles[role])}</p>
      <FormAlert message={errors.form} />
      {signedIn ? (
        <p role="status">{text.signedIn}</p>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <p>
            {f.email}: <strong>{email}</strong>
          </p>
          <Field name="name" label={f.name} error={errors.name} defaultValue={values?.name} autoComplete="name" required maxLength={120} />
          <Field
            name="organisation"
            label={f.organisation}
            error={errors.organisation}
            defaultValue={values?.organisation}
            autoComplete="organization"
            maxLength={200}
          />
          <Field name="expertise" label={f.expertise} hint={f.expertiseHint} error={errors.expertise} defaultValue={values?.expertise} />
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <Field name="password" type="password" label={f.password} hint={f.passwordHint} error={errors.password} autoComplete="new-password" required />
          <Field name="passwordConfirm" type="password" label={f.passwordConfirm} error={errors.passwordConfirm} autoComplete="new-password" required />
          <SubmitButton>{text.submit}</SubmitButton>
        </Form>
      )}
    </TitledSection>
  );
}

/** Used, revoked, expired or unknown links get their own words, not the generic error page. */
export function ErrorBoundary() {
  const error = useRouteError();
  const closed = isRouteErrorResponse(error) ? (error.data as { closed?: { title: string; message: string } })?.closed : undefined;
  if (!closed) return <ErrorPage />;
  return (
    <TitledSection id="invitation-closed-title" title={closed.title} className="max-w-xl py-4">
      <p>{closed.message}</p>
      <p className="mt-4">
        <a href="/login">{text.toLogin}</a>
      </p>
    </TitledSection>
  );
}
