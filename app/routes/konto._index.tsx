import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ProfileSchema } from "~/accounts/account-schemas.server";
import { clearedSessionCookie, listActiveSessions } from "~/accounts/session.server";
import { SessionTable } from "~/accounts/ui/session-table";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { endOwnSession, getOwnProfile, updateProfile } from "~/accounts/account.server";
import { notFound, requireSession } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { Field, FormAlert, SubmitButton } from "~/ui/form";
import { getOparlConsent, setOparlConsent } from "~/oparl/consent.server";
import { OparlConsentForm } from "~/oparl/ui/consent-form";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.accounts.account.title} – Digitalbeirat` }];

const text = t.accounts.account;
type ActionData = { errors?: Record<string, string>; values?: Record<string, string>; notice?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const [profile, sessions, oparlConsent] = await Promise.all([
    getOwnProfile({ userId: session.user.id }),
    listActiveSessions(session.user.id),
    getOparlConsent({ userId: session.user.id }),
  ]);
  if (!profile) notFound();
  return json({
    profile,
    oparlConsent: oparlConsent?.applies ? { given: oparlConsent.consentAt !== null } : null,
    sessions: sessions.map(({ id, ...row }) => ({ ...row, id, current: id === session.id })),
  });
}

const EndSessionSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });
const OparlConsentSchema = z.object({ consent: z.enum(["on"]).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const form = await readForm(request);
  if (form.get("intent") === "end-session") {
    const parsed = parseForm(EndSessionSchema, form);
    const ended = parsed.ok && (await endOwnSession({ userId: session.user.id, sessionId: parsed.data.sessionId }));
    if (!ended) return json<ActionData>({ errors: { form: t.accounts.errors.sessionGone } }, { status: 404 });
    if (parsed.ok && parsed.data.sessionId === session.id) return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
    return json<ActionData>({ notice: text.sessionEnded });
  }
  if (form.get("intent") === "oparl-consent") {
    const parsed = parseForm(OparlConsentSchema, form);
    if (!parsed.ok) return json<ActionData>({ errors: { form: t.oparl.consent.onlyMembers } }, { status: 422 });
    const outcome = await setOparlConsent({ userId: session.user.id, consent: parsed.data.consent === "on" });
    if (outcome === "not-member") return json<ActionData>({ errors: { form: t.oparl.consent.onlyMembers } }, { status: 403 });
    return json<ActionData>({ notice: t.oparl.consent.saved });
  }
  const parsed = parseForm(ProfileSchema, form);
  if (!parsed.ok) {
    const values = Object.fromEntries(["name", "organisation", "expertise"].map((key) => [key, String(form.get(key) ?? "").slice(0, 500)]));
    return json<ActionData>({ errors: parsed.errors, values }, { status: 422 });
  }
  await updateProfile({ userId: session.user.id, ...parsed.data });
  return json<ActionData>({ notice: text.profileSaved });
}

export default function AccountPage() {
  const { profile, sessions, oparlConsent } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errors = data?.errors ?? {};
  const values = data?.values;
  const f = t.accounts.fields;
  return (
    <TitledSection id="account-title" title={text.title}>
      <FormAlert message={data?.notice} tone="success" />
      <FormAlert message={errors.form} />
      <dl className="mb-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{text.emailLine}</dt>
        <dd>{profile.email}</dd>
        <dt className="font-medium">{text.roleLine}</dt>
        <dd>{t.common.roles[profile.role]}</dd>
      </dl>
      <h2 id="profile-title">{text.profileTitle}</h2>
      <Form method="post" className="max-w-xl space-y-4" aria-labelledby="profile-title" noValidate>
        <Field name="name" label={f.name} error={errors.name} defaultValue={values?.name ?? profile.name ?? ""} autoComplete="name" required maxLength={120} />
        <Field
          name="organisation"
          label={f.organisation}
          error={errors.organisation}
          defaultValue={values?.organisation ?? profile.organisation ?? ""}
          autoComplete="organization"
          maxLength={200}
        />
        <Field
          name="expertise"
          label={f.expertise}
          hint={f.expertiseHint}
          error={errors.expertise}
          defaultValue={values?.expertise ?? profile.expertise.join(", ")}
        />
        <SubmitButton intent="profile">{t.common.save}</SubmitButton>
      </Form>
      {oparlConsent ? <OparlConsentForm given={oparlConsent.given} /> : null}
      <h2>{text.sessionsTitle}</h2>
      <SessionTable sessions={sessions} />
      <h2>{text.moreTitle}</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <a href="/konto/passwort">{text.passwordLink}</a>
        </li>
        <li>
          <a href="/konto/zwei-faktor">{t.accounts.twoFactor.accountTitle}</a>
        </li>
        <li>
          <a href="/konto/export" download>
            {text.exportLink}
          </a>
        </li>
        <li>
          <a href="/konto/loeschen">{text.deleteLink}</a>
        </li>
      </ul>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
