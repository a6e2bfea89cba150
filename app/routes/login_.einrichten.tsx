import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { clearedChallengeCookie, completeChallenge, countWrongCode, readChallenge } from "~/accounts/sign-in-challenge.server";
import { clientBlockedSeconds, recordFailure } from "~/accounts/throttle.server";
import { confirmEnrolment, enrolmentView } from "~/accounts/two-factor.server";
import { EnrolmentForm, RecoveryCodes } from "~/accounts/ui/enrolment";
import { FormAlert } from "~/ui/form";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { getUser } from "~/policy.server";
import { clientAddressOf } from "~/server/remix-context.server";
import { TitledSection } from "~/ui/titled-section";

const f = t.accounts.twoFactor;
export const meta: MetaFunction = () => [{ title: `${f.enrolTitle} – Digitalbeirat` }];

// Enrolment enforced at sign-in (docs/decisions/075): no session until the code is confirmed.
export async function loader({ request }: LoaderFunctionArgs) {
  const challenge = await readChallenge(request);
  if (challenge?.purpose === "enrol") {
    const view = await enrolmentView({ userId: challenge.userId });
    if (view) return json({ state: "enrol" as const, ...view, redirectTo: challenge.redirectTo });
  }
  return json({ state: (await getUser(request)) ? ("done" as const) : ("gone" as const), secret: "", svg: "", redirectTo: "/" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const challenge = await readChallenge(request);
  if (!challenge || challenge.purpose !== "enrol") return json({ error: f.expired, codes: null, redirectTo: "/" }, { status: 401 });
  const address = clientAddressOf(context);
  const blocked = await clientBlockedSeconds(address);
  if (blocked > 0) return json({ error: t.accounts.login.throttled(blocked), codes: null, redirectTo: "/" }, { status: 429 });
  const code = String((await readForm(request)).get("code") ?? "").slice(0, 20);
  const codes = await confirmEnrolment({ userId: challenge.userId, code });
  if (codes)
    return json({ error: null, codes, redirectTo: challenge.redirectTo }, { headers: await completeChallenge(challenge, request.headers.get("User-Agent")) });
  await recordFailure({ address, email: null });
  const { exhausted } = await countWrongCode(challenge.id);
  if (exhausted) return json({ error: f.exhausted, codes: null, redirectTo: "/" }, { status: 401, headers: { "Set-Cookie": clearedChallengeCookie() } });
  return json({ error: f.wrongCode, codes: null, redirectTo: "/" }, { status: 422 });
}

export default function EnrolAtSignInPage() {
  const view = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <TitledSection id="enrol-title" title={f.enrolTitle} className="max-w-xl">
      {data?.codes ? (
        <>
          <p role="status">{f.enabled}</p>
          <RecoveryCodes codes={data.codes} />
          <p>
            <a href={data.redirectTo} className="btn">
              {f.continue}
            </a>
          </p>
        </>
      ) : view.state === "enrol" ? (
        <>
          <p className="mb-4">{f.enrolRequired}</p>
          <EnrolmentForm secret={view.secret} svg={view.svg} error={data?.error ?? undefined} />
        </>
      ) : view.state === "done" ? (
        <p>
          <a href="/">{f.continue}</a>
        </p>
      ) : (
        <>
          <FormAlert message={data?.error ?? f.expired} />
          <p>
            <a href="/login">{f.backToLogin}</a>
          </p>
        </>
      )}
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
