import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { t } from "~/i18n/de";
import { readForm } from "~/lib/fields";
import { applyUnsubscribe, readUnsubscribeToken, type UnsubscribeTarget } from "~/notifications/unsubscribe.server";
import { MailLinkConfirmation } from "~/ui/mail-link-confirmation";
import { TitledSection } from "~/ui/titled-section";

const text = t.notifications.unsubscribe;
export const meta: MetaFunction = () => [{ title: `${text.title} – Digitalbeirat` }, { name: "robots", content: "noindex" }];

function targetLabel(target: UnsubscribeTarget) {
  if (target === "digest.taeglich") return text.dailyDigest;
  if (target === "digest.woechentlich") return text.weeklyDigest;
  return t.notifications.kinds[target];
}

/** GET only shows the confirmation; it never changes anything (mail scanners follow links). */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = await readUnsubscribeToken(token);
  return json({ token: found ? token : null, label: found ? targetLabel(found.target) : null }, { status: found ? 200 : 404 });
}

/** Works without signing in: the signed token says whose and which mails. RFC 8058 one-click posts here too. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = String(form.get("token") ?? new URL(request.url).searchParams.get("token") ?? "");
  const found = await readUnsubscribeToken(token);
  if (!found) return json({ done: null, error: text.invalid }, { status: 404 });
  await applyUnsubscribe(found);
  return json({ done: text.done(targetLabel(found.target)), error: null });
}

export default function UnsubscribePage() {
  const { token, label } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TitledSection id="unsubscribe-title" title={text.title} className="max-w-xl">
      <MailLinkConfirmation
        token={token}
        question={label ? text.confirm(label) : null}
        done={result?.done}
        error={result?.error}
        invalid={text.invalid}
        submit={text.submit}
      />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
