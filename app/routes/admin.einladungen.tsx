import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { InvitationSchema } from "~/accounts/account-schemas.server";
import { errorBoundaryWith } from "~/ui/error-page";
import { Pagination } from "~/ui/pagination";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { formatDate, formatDateTime, isoString } from "~/lib/dates";
import { parseForm } from "~/lib/form";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import {
  createInvitation,
  InvitationConflict,
  INVITATIONS_PAGE_SIZE,
  listOpenInvitations,
  resendInvitation,
  revokeInvitation,
} from "~/accounts/invitations.server";
import { displayName } from "~/accounts/users.server";
import { smtpConfigured } from "~/server/mail/transport.server";
import { invitableRoles, requirePermission } from "~/policy.server";
import { idField, readForm } from "~/lib/fields";
import { Field, FormAlert, SelectField, SubmitButton } from "~/ui/form";
import { DataTable } from "~/ui/table";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.invitations.title} – Digitalbeirat` }];

const text = t.accounts.invitations;
type ActionData = { errors?: Record<string, string>; values?: { email: string; role: string }; created?: { email: string; link: string }; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "invite:user");
  const page = pageFromUrl(new URL(request.url));
  const { invitations, total } = await listOpenInvitations({ page });
  return json({
    roles: invitableRoles(user),
    validDays: env().INVITATION_VALID_DAYS,
    smtp: smtpConfigured(),
    page,
    totalPages: pageCount(total, INVITATIONS_PAGE_SIZE),
    now: Date.now(),
    invitations: invitations.map(({ inviterName, inviterDeletedAt, ...row }) => ({
      ...row,
      inviter: inviterName === null && inviterDeletedAt === null ? "" : displayName({ name: inviterName, deletedAt: inviterDeletedAt }),
    })),
  });
}

const RevokeSchema = z.object({ id: idField() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "invite:user");
  const form = await readForm(request);
  if (form.get("intent") === "revoke") {
    const parsed = parseForm(RevokeSchema, form);
    const revoked = parsed.ok && (await revokeInvitation({ id: parsed.data.id, actorId: user.id, allowedRoles: invitableRoles(user) }));
    if (!revoked) return json<ActionData>({ errors: { form: t.accounts.errors.invitationGone } }, { status: 404 });
    return json<ActionData>({ notice: text.revoked });
  }
  if (form.get("intent") === "resend") {
    const parsed = parseForm(RevokeSchema, form);
    const resent = parsed.ok && (await resendInvitation({ id: parsed.data.id, actorId: user.id, allowedRoles: invitableRoles(user) }));
    if (!resent) return json<ActionData>({ errors: { form: t.accounts.errors.invitationGone } }, { status: 404 });
    return json<ActionData>({ notice: t.notifications.resent });
  }
  const values = { email: String(form.get("email") ?? "").slice(0, 320), role: String(form.get("role") ?? "") };
  const parsed = parseForm(InvitationSchema, form);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values }, { status: 422 });
  if (!invitableRoles(user).includes(parsed.data.role)) {
    return json<ActionData>({ errors: { role: t.accounts.errors.roleNotAllowed }, values }, { status: 403 });
  }
  try {
    const created = await createInvitation({ ...parsed.data, invitedById: user.id });
    // With SMTP the link travels only in the mail (the stored copy loses it once sent).
    return json<ActionData>({ created: { email: parsed.data.email, link: smtpConfigured() ? "" : created.link } });
  } catch (error) {
    if (!(error instanceof InvitationConflict)) throw error;
    const message = error.reason === "emailTaken" ? t.accounts.errors.emailTaken : t.accounts.errors.invitationOpen;
    return json<ActionData>({ errors: { email: message }, values }, { status: 409 });
  }
}

export default function InvitationsPage() {
  const { roles, validDays, invitations, page, totalPages, now, smtp } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errors = data?.errors ?? {};
  const location = useLocation();
  return (
    <TitledSection id="invitations-title" title={text.title}>
      <p className="mb-4 max-w-3xl">{text.intro}</p>
      {data?.created ? (
        <div role="status" className="mb-6 rounded border border-green-700 bg-green-50 p-4 text-green-900">
          <h2 className="mt-0">{text.createdTitle}</h2>
          <p>{smtp ? t.notifications.invitationMailed(data.created.email) : text.created(data.created.email, validDays)}</p>
          {smtp ? null : (
            <>
              <p>{t.notifications.invitationKept}</p>
              <label htmlFor="invitation-link" className="mt-2 block">
                {text.linkLabel}
              </label>
              <input id="invitation-link" readOnly value={data.created.link} className="w-full font-mono text-sm" />
            </>
          )}
        </div>
      ) : null}
      <FormAlert message={data?.notice} tone="success" />
      <FormAlert message={errors.form} />
      <h2>{text.createTitle}</h2>
      <Form method="post" className="flex max-w-3xl flex-wrap items-end gap-4" noValidate>
        <Field
          name="email"
          type="email"
          label={t.accounts.fields.email}
          error={errors.email}
          defaultValue={data?.values?.email}
          required
          className="min-w-64 flex-1"
        />
        <SelectField
          name="role"
          label={t.accounts.fields.role}
          error={errors.role}
          defaultValue={data?.values?.role ?? "expert"}
          options={roles.map((role) => ({ value: role, label: t.common.roles[role] }))}
        />
        <SubmitButton intent="create">{text.submit}</SubmitButton>
      </Form>
      <h2>{text.openTitle}</h2>
      {invitations.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <DataTable
          caption={text.caption}
          captionClassName="sr-only"
          className="w-full"
          columns={[t.accounts.fields.email, t.accounts.fields.role, text.invitedBy, text.createdAt, text.validUntil, text.actions]}
        >
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="font-normal">
                {invitation.email}
              </th>
              <td>{t.common.roles[invitation.role]}</td>
              <td>{invitation.inviter}</td>
              <td>
                <time dateTime={isoString(invitation.createdAt)}>{formatDate(invitation.createdAt)}</time>
              </td>
              <td>
                {new Date(invitation.expiresAt).getTime() <= now ? (
                  text.expired
                ) : (
                  <time dateTime={isoString(invitation.expiresAt)}>{formatDateTime(invitation.expiresAt)}</time>
                )}
              </td>
              <td>
                {roles.includes(invitation.role) ? (
                  <Form method="post" className="flex flex-wrap gap-2">
                    <input type="hidden" name="id" value={invitation.id} />
                    <SubmitButton intent="resend" className="btn-secondary py-1" aria-label={`${t.notifications.resend}: ${invitation.email}`}>
                      {t.notifications.resend}
                    </SubmitButton>
                    <SubmitButton intent="revoke" className="btn-secondary py-1" aria-label={`${text.revoke}: ${invitation.email}`}>
                      {text.revoke}
                    </SubmitButton>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} totalPages={totalPages} search={location.search} />
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.accounts.admin.inviteOnly });
