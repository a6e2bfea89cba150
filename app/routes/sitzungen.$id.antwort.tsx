import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { readForm, routeId } from "~/lib/fields";
import { readMeetingResponseToken, setMeetingResponse } from "~/meetings/responses.server";
import { MailLinkConfirmation } from "~/ui/mail-link-confirmation";
import { TitledSection } from "~/ui/titled-section";

const text = t.notifications.meetingResponse;
export const meta: MetaFunction = () => [{ title: `${text.title} – Digitalbeirat` }, { name: "robots", content: "noindex" }];

const answerLabel = (response: string) => (response === "zugesagt" ? text.accept : text.decline);

/** GET shows what the link would record; only the POST records it (link scanners must not answer for the member). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const meetingId = routeId(params.id);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const found = await readMeetingResponseToken({ meetingId, token });
  if (!found) return json({ token: null, question: null }, { status: 404 });
  return json({ token, question: text.confirm(answerLabel(found.response), found.name, formatDateTime(found.start)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const meetingId = routeId(params.id);
  const form = await readForm(request);
  const found = await readMeetingResponseToken({ meetingId, token: String(form.get("token") ?? "") });
  if (!found) return json({ done: null }, { status: 404 });
  await setMeetingResponse(found);
  return json({ done: text.done(answerLabel(found.response)) });
}

export default function MeetingResponsePage() {
  const { token, question } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TitledSection id="response-title" title={text.title} className="max-w-xl">
      <MailLinkConfirmation token={token} question={question} done={result?.done} invalid={text.invalid} submit={text.submit} />
      <p className="mt-6">
        <a href="/sitzungen">{t.meetings.title}</a>
      </p>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
