import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { clearedChallengeCookie, completeChallenge, countWrongCode, readChallenge } from "~/accounts/sign-in-challenge.server";
import { clientBlockedSeconds, recordFailure } from "~/accounts/throttle.server";
import { redeemRecoveryCode, verifyTotp } from "~/accounts/two-factor.server";
import { Field, FormAlert, SubmitButton } from "~/ui/form";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { parseForm } from "~/lib/form";
import { clientAddressOf } from "~/server/remix-context.server";
import { TitledSection } from "~/ui/titled-section";

const f = t.accounts.twoFactor;
export const meta: MetaFunction = () => [{ title: `${f.verifyTitle} – Digitalbeirat` }];

const CodeSchema = z.object({
  code: z.string().trim().max(20).default(""),
  recoveryCode: z.string().trim().max(40).default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const challenge = await readChallenge(request);
  return json({ live: challenge?.purpose === "verify" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const challenge = await readChallenge(request);
  if (!challenge || challenge.purpose !== "verify") return json({ error: f.expired, gone: true }, { status: 401 });
  const address = clientAddressOf(context);
  const blocked = await clientBlockedSeconds(address);
  if (blocked > 0) return json({ error: t.accounts.login.throttled(blocked), gone: false }, { status: 429, headers: { "Retry-After": String(blocked) } });
  const parsed = parseForm(CodeSchema, await readForm(request));
  const { code, recoveryCode } = parsed.ok ? parsed.data : { code: "", recoveryCode: "" };
  const accepted = code
    ? await verifyTotp({ userId: challenge.userId, code })
    : recoveryCode
      ? await redeemRecoveryCode({ userId: challenge.userId, code: recoveryCode })
      : false;
  if (accepted) return redirect(challenge.redirectTo, { headers: await completeChallenge(challenge, request.headers.get("User-Agent")) });
  await recordFailure({ address, email: null });
  const { exhausted } = await countWrongCode(challenge.id);
  if (exhausted) return json({ error: f.exhausted, gone: true }, { status: 401, headers: { "Set-Cookie": clearedChallengeCookie() } });
  return json({ error: f.wrongCode, gone: false }, { status: 401 });
}

export default function SecondFactorPage() {
  const { live } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const gone = data?.gone ?? !live;
  return (
    <TitledSection id="second-factor-title" title={f.verifyTitle} className="max-w-md">
      <FormAlert message={data?.error ?? (gone ? f.expired : null)} />
      {gone ? (
        <p>
          <a href="/login">{f.backToLogin}</a>
        </p>
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <p>{f.verifyIntro}</p>
          <Field name="code" label={f.code} hint={f.codeHint} inputMode="numeric" autoComplete="one-time-code" maxLength={20} />
          <Field name="recoveryCode" label={f.recoveryCode} hint={f.recoveryHint} autoComplete="off" maxLength={40} />
          <SubmitButton>{f.submit}</SubmitButton>
        </Form>
      )}
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
