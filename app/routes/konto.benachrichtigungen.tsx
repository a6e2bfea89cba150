import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FREQUENCIES } from "#db/schema";
import { FormAlert, SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";
import { ACCOUNT_PAGE } from "~/accounts/ui/account-page";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { isFrequency, listPreferences, saveOwnPreferences } from "~/notifications/preferences.server";
import { notificationKindsFor, requireUser } from "~/policy.server";
import { DataTable } from "~/ui/table";

const text = t.notifications.preferences;
export const meta: MetaFunction = () => [{ title: `${text.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ preferences: await listPreferences({ member: user }) });
}

/** One select per kind the role can hear of; anything else in the form is refused, nothing half-saved. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const choices = notificationKindsFor(user).map((kind) => ({ kind, frequency: String(form.get(`kind:${kind}`) ?? "") }));
  if (choices.some((choice) => !isFrequency(choice.frequency))) return json({ error: text.invalid, saved: false }, { status: 422 });
  await saveOwnPreferences({ userId: user.id, choices: choices.map((c) => ({ kind: c.kind, frequency: c.frequency as (typeof FREQUENCIES)[number] })) });
  return json({ error: null, saved: true });
}

export default function NotificationPreferences() {
  const { preferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TitledSection id="prefs-title" title={text.title} className="max-w-3xl" back={ACCOUNT_PAGE}>
      <p className="mb-4">{text.intro}</p>
      {result?.saved ? <FormAlert message={text.saved} tone="success" /> : null}
      <FormAlert message={result?.error} />
      <Form method="post">
        <DataTable caption={text.caption} captionClassName="sr-only" className="w-full" columns={[text.kind, text.frequency]}>
          {preferences.map((p) => (
            <tr key={p.kind}>
              <th scope="row" className="font-normal">
                <label htmlFor={`pref-${p.kind}`}>{t.notifications.kinds[p.kind]}</label>
              </th>
              <td>
                <select id={`pref-${p.kind}`} name={`kind:${p.kind}`} defaultValue={p.frequency}>
                  {FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {t.notifications.frequencies[f]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </DataTable>
        <SubmitButton className="btn mt-4">{text.submit}</SubmitButton>
      </Form>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
