import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormAlert, SubmitButton, IntentButtonForm } from "~/ui/form";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { parseForm } from "~/lib/form";
import { enqueueSync, getSourceSetting, listSyncRuns, saveSourceSetting } from "~/oparl/import/runs.server";
import { SourceSettingSchema } from "~/oparl/import/source-schema.server";
import { RunsTable } from "~/oparl/ui/runs-table";
import { can, forbidden, requirePermission } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.oparl.admin.title} – Digitalbeirat` }];

const text = t.oparl.admin;
type ActionData = { errors?: Record<string, string>; notice?: string; values?: Record<string, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "run:oparl-sync");
  const [source, runs] = await Promise.all([getSourceSetting(), listSyncRuns()]);
  return json({ source, runs, canManageSource: can(user, "manage:oparl-source") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "run:oparl-sync");
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "sync-now": {
      const outcome = await enqueueSync({ actorId: user.id, trigger: "manual" });
      return json<ActionData>(outcome === "queued" ? { notice: text.queued } : { errors: { form: text.alreadyQueued } }, {
        status: outcome === "queued" ? 202 : 409,
      });
    }
    case "save-source": {
      if (!can(user, "manage:oparl-source")) forbidden();
      const parsed = parseForm(SourceSettingSchema, form);
      if (!parsed.ok) {
        const values = { systemUrl: String(form.get("systemUrl") ?? "").slice(0, 2000), bodyUrl: String(form.get("bodyUrl") ?? "").slice(0, 2000) };
        return json<ActionData>({ errors: parsed.errors, values }, { status: 422 });
      }
      await saveSourceSetting({ actorId: user.id, ...parsed.data });
      return json<ActionData>({ notice: text.settingsSaved });
    }
    default:
      return json<ActionData>({ errors: { form: text.errors.unknownIntent } }, { status: 400 });
  }
}

export default function OparlAdminPage() {
  const { source, runs, canManageSource } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errors = data?.errors ?? {};
  return (
    <TitledSection id="oparl-title" title={text.title}>
      <p className="mb-4 max-w-3xl">{text.intro}</p>
      <FormAlert message={data?.notice} tone="success" />
      <FormAlert message={errors.form} />
      <h2>{text.settingsTitle}</h2>
      {source ? <p className="break-all">{source.systemUrl}</p> : <p>{text.notConfigured}</p>}
      {source?.fromEnv ? <p>{text.envWins}</p> : null}
      {canManageSource && !source?.fromEnv ? (
        <Form method="post" className="max-w-xl space-y-4" noValidate>
          <Field
            name="systemUrl"
            label={text.systemUrl}
            hint={text.systemUrlHint}
            error={errors.systemUrl}
            defaultValue={data?.values?.systemUrl ?? source?.systemUrl ?? ""}
            required
            maxLength={2000}
            type="url"
          />
          <Field
            name="bodyUrl"
            label={text.bodyUrl}
            error={errors.bodyUrl}
            defaultValue={data?.values?.bodyUrl ?? source?.bodyUrl ?? ""}
            maxLength={2000}
            type="url"
          />
          <SubmitButton intent="save-source">{text.saveSettings}</SubmitButton>
        </Form>
      ) : null}
      {source ? <IntentButtonForm intent="sync-now" label={text.syncNow} className="my-4" /> : null}
      <h2>{text.runsTitle}</h2>
      <RunsTable runs={runs} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
