import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "#db/client.server";
import {
  confirmEnrolment,
  enrolmentView,
  newRecoveryCodes,
  removeTwoFactor,
  startEnrolment,
  twoFactorRequired,
  twoFactorStatus,
} from "~/accounts/two-factor.server";
import { EnrolmentForm, RecoveryCodes } from "~/accounts/ui/enrolment";
import { Field, FormAlert, SubmitButton, IntentButtonForm } from "~/ui/form";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { readForm } from "~/lib/fields";
import { parseForm } from "~/lib/form";
import { recheckPassword } from "~/accounts/account.server";
import { requireUser } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";

const f = t.accounts.twoFactor;
export const meta: MetaFunction = () => [{ title: `${f.accountTitle} – Digitalbeirat` }];

type ActionData = { error?: string; notice?: string; codes?: string[] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus({ userId: user.id });
  const enrolment = !status.enabled && status.pending ? await enrolmentView({ userId: user.id }) : null;
  return json({ ...status, enrolment, required: twoFactorRequired(user) });
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("confirm"), code: z.string().max(20).default("") }),
  z.object({ intent: z.literal("disable"), password: z.string().max(1000).default("") }),
  z.object({ intent: z.literal("renew"), password: z.string().max(1000).default("") }),
]);

async function passwordProblem(userId: number, password: string) {
  const refusal = await recheckPassword(userId, password);
  return refusal ? json<ActionData>({ error: refusal.errors.form }, { status: refusal.status }) : null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(ActionSchema, await readForm(request));
  if (!parsed.ok) return json<ActionData>({ error: t.common.errors.title }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "start":
      await startEnrolment(db, user.id);
      return json<ActionData>({});
    case "confirm": {
      const codes = await confirmEnrolment({ userId: user.id, code: input.code });
      return codes ? json<ActionData>({ notice: f.enabled, codes }) : json<ActionData>({ error: f.wrongCode }, { status: 422 });
    }
    case "disable": {
      if (twoFactorRequired(user)) return json<ActionData>({ error: f.disableRequired }, { status: 409 });
      const refused = await passwordProblem(user.id, input.password);
      if (refused) return refused;
      await removeTwoFactor({ actorId: user.id, userId: user.id, action: "auth.2fa_disabled" });
      return json<ActionData>({ notice: f.disabled });
    }
    case "renew": {
      const refused = await passwordProblem(user.id, input.password);
      if (refused) return refused;
      return json<ActionData>({ codes: await newRecoveryCodes({ userId: user.id }) });
    }
  }
}

export default function TwoFactorPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  return (
    <TitledSection id="two-factor-title" title={f.accountTitle} className="max-w-xl">
      <FormAlert message={result?.notice} tone="success" />
      <FormAlert message={result?.error} />
      {result?.codes ? <RecoveryCodes codes={result.codes} /> : null}
      <p>
        {data.enabled && data.enabledAt ? f.statusOn(formatDate(data.enabledAt)) : f.statusOff} {data.required ? f.required : f.optional}
      </p>
      {data.enabled ? (
        <>
          <p>{f.codesLeft(data.codesLeft)}</p>
          <Form method="post" className="mt-4 space-y-2" noValidate>
            <Field name="password" type="password" label={f.passwordAgain} autoComplete="current-password" required />
            <div className="flex flex-wrap gap-2">
              <SubmitButton intent="renew" className="btn-secondary">
                {f.renewCodes}
              </SubmitButton>
              {data.required ? null : (
                <SubmitButton intent="disable" className="btn-danger">
                  {f.disable}
                </SubmitButton>
              )}
            </div>
          </Form>
          {data.required ? <p className="mt-2 text-sm text-slate-700">{f.disableRequired}</p> : null}
        </>
      ) : data.enrolment ? (
        <EnrolmentForm secret={data.enrolment.secret} svg={data.enrolment.svg} error={result?.error} intent="confirm" />
      ) : (
        <IntentButtonForm intent="start" label={f.start} />
      )}
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
