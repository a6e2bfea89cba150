import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { SubmitButton } from "~/ui/form";

type Role = "admin" | "staff" | "expert" | "council";

type AccountRowData = {
  id: number;
  name: string;
  email: string | null;
  organisation: string | null;
  role: Role;
  disabledAt: string | null;
  deletedAt: string | null;
  lastSignInAt: string | null;
  twoFactorSince: string | null;
  self: boolean;
};

const text = t.accounts.accountsAdmin;

function statusOf(user: AccountRowData) {
  if (user.deletedAt) return text.deleted;
  return user.disabledAt ? text.disabled : text.active;
}

export function AccountRow({ user, roles }: { user: AccountRowData; roles: readonly Role[] }) {
  const selectId = `role-${user.id}`;
  return (
    <tr>
      <th scope="row" className="font-normal">
        {user.name}
        {user.organisation ? <span className="block text-sm text-slate-700">{user.organisation}</span> : null}
      </th>
      <td className="break-all">{user.email ?? "–"}</td>
      <td>{statusOf(user)}</td>
      <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : text.never}</td>
      <td>
        {t.common.roles[user.role]}
        <span className="block text-sm text-slate-700">{user.twoFactorSince ? text.twoFactorOn : text.twoFactorOff}</span>
      </td>
      <td>
        {user.deletedAt ? null : (
          <div className="flex flex-wrap items-end gap-2">
            <Form method="post" className="flex items-end gap-2">
              <input type="hidden" name="userId" value={user.id} />
              <label htmlFor={selectId} className="sr-only">
                {text.roleFor(user.name)}
              </label>
              <select id={selectId} name="role" defaultValue={user.role}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t.common.roles[role]}
                  </option>
                ))}
              </select>
              <PasswordAgain id={`role-password-${user.id}`} />
              <SubmitButton intent="role" className="btn-secondary py-1">
                {text.changeRole}
              </SubmitButton>
            </Form>
            {user.twoFactorSince ? (
              <Form method="post" className="flex items-end gap-2">
                <input type="hidden" name="userId" value={user.id} />
                <PasswordAgain id={`reset-password-${user.id}`} />
                <SubmitButton intent="reset-2fa" className="btn-secondary py-1">
                  {t.accounts.twoFactor.adminReset}
                </SubmitButton>
              </Form>
            ) : null}
            {user.self ? null : (
              <Form method="post">
                <input type="hidden" name="userId" value={user.id} />
                {user.disabledAt ? (
                  <SubmitButton intent="enable" className="btn-secondary py-1">
                    {text.enable}
                  </SubmitButton>
                ) : (
                  <SubmitButton intent="disable" className="btn-danger py-1">
                    {text.disable}
                  </SubmitButton>
                )}
              </Form>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

/** The admin's own password, asked again for a role change or a second-factor reset. */
function PasswordAgain({ id }: { id: string }) {
  return (
    <span className="flex flex-col">
      <label htmlFor={id} className="text-sm">
        {t.accounts.twoFactor.adminPassword}
      </label>
      <input id={id} name="password" type="password" autoComplete="current-password" required className="w-36" />
    </span>
  );
}
