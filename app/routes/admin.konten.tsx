import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { ROLES } from "#db/schema";
import { roleField } from "~/accounts/account-schemas.server";
import { AccountRow } from "~/accounts/ui/account-row";
import { errorBoundaryWith } from "~/ui/error-page";
import { Pagination } from "~/ui/pagination";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { AccountRuleError, changeUserRole, listUsers, setUserDisabled, USERS_PAGE_SIZE } from "~/accounts/user-admin.server";
import { displayName } from "~/accounts/users.server";
import { requirePermission } from "~/policy.server";
import { idField, readForm } from "~/lib/fields";
import { FormAlert } from "~/ui/form";
import { DataTable } from "~/ui/table";
import { resetMemberTwoFactor } from "~/accounts/two-factor-admin.server";
import { recheckPassword } from "~/accounts/account.server";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.accountsAdmin.title} – Digitalbeirat` }];

const text = t.accounts.accountsAdmin;
type ActionData = { errors?: Record<string, string>; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "manage:user");
  const page = pageFromUrl(new URL(request.url));
  const { users, total } = await listUsers({ page });
  return json({
    page,
    roles: ROLES,
    totalPages: pageCount(total, USERS_PAGE_SIZE),
    users: users.map((user) => ({ ...user, name: displayName(user), self: user.id === admin.id })),
  });
}

const password = z.string().max(1000).default("");
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), userId: idField(), role: roleField, password }),
  z.object({ intent: z.literal("reset-2fa"), userId: idField(), password }),
  z.object({ intent: z.literal("disable"), userId: idField() }),
  z.object({ intent: z.literal("enable"), userId: idField() }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "manage:user");
  const parsed = parseForm(ActionSchema, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ errors: { form: parsed.errors.role ?? t.common.errors.title } }, { status: 422 });
  const input = parsed.data;
  try {
    // Changing a role or another member's second factor needs the admin's password again.
    if (input.intent === "role" || input.intent === "reset-2fa") {
      const wrong = await recheckPassword(admin.id, input.password);
      if (wrong) return json<ActionData>({ errors: wrong.errors }, { status: wrong.status });
    }
    if (input.intent === "reset-2fa") {
      if (!(await resetMemberTwoFactor({ actorId: admin.id, userId: input.userId })))
        return json<ActionData>({ errors: { form: t.accounts.errors.accountGone } }, { status: 404 });
      return json<ActionData>({ notice: t.accounts.twoFactor.adminResetDone });
    }
    if (input.intent === "role") {
      await changeUserRole({ userId: input.userId, role: input.role, actorId: admin.id });
      return json<ActionData>({ notice: text.roleChanged });
    }
    await setUserDisabled({ userId: input.userId, disabled: input.intent === "disable", actorId: admin.id });
    return json<ActionData>({ notice: input.intent === "disable" ? text.disabledDone : text.enabledDone });
  } catch (error) {
    if (!(error instanceof AccountRuleError)) throw error;
    const status = error.reason === "accountGone" ? 404 : 409;
    return json<ActionData>({ errors: { form: t.accounts.errors[error.reason] } }, { status });
  }
}

export default function AccountsAdminPage() {
  const { users, roles, page, totalPages } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const location = useLocation();
  return (
    <TitledSection id="accounts-title" title={text.title}>
      <FormAlert message={data?.notice} tone="success" />
      <FormAlert message={data?.errors?.form} />
      <div className="overflow-x-auto">
        <DataTable
          caption={text.caption}
          captionClassName="sr-only"
          className="w-full"
          columns={[t.accounts.fields.name, t.accounts.fields.email, text.status, text.lastSignIn, t.accounts.fields.role, text.actions]}
        >
          {users.map((user) => (
            <AccountRow key={user.id} user={user} roles={roles} />
          ))}
        </DataTable>
      </div>
      <Pagination page={page} totalPages={totalPages} search={location.search} />
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.accounts.admin.adminOnly });
