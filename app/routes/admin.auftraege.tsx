import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FormAlert, IntentButtonForm } from "~/ui/form";
import { errorBoundaryWith } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { formatDateTime, isoString } from "~/lib/dates";
import { parseId, readForm } from "~/lib/fields";
import { requirePermission } from "~/policy.server";
import { listJobs, retryJob } from "~/server/jobs/queue.server";
import { DataTable } from "~/ui/table";
import { TitledSection } from "~/ui/titled-section";

const text = t.mail.jobs;
export const meta: MetaFunction = () => [{ title: `${text.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:jobs");
  const [failed, pending] = await Promise.all([listJobs({ states: ["failed"] }), listJobs({ states: ["pending", "running"] })]);
  return json({ failed, pending });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:jobs");
  const form = await readForm(request);
  const id = parseId(form.get("id"));
  if (form.get("intent") !== "retry" || !id) return json({ notice: null, error: text.gone }, { status: 400 });
  if (!(await retryJob({ id, actorId: user.id }))) return json({ notice: null, error: text.gone }, { status: 404 });
  return json({ notice: text.retried, error: null });
}

type JobRow = ReturnType<typeof useLoaderData<typeof loader>>["failed"][number];

function JobTable({ jobs, caption, retry }: { jobs: JobRow[]; caption: string; retry: boolean }) {
  if (jobs.length === 0) return <p>{text.none}</p>;
  return (
    <DataTable caption={caption} captionClassName="sr-only" className="w-full" columns={[text.kind, text.attempts, text.runAt, text.error, text.actions]}>
      {jobs.map((job) => (
        <tr key={job.id}>
          <th scope="row" className="font-normal">
            {job.kind}{" "}
            <span className="text-sm text-slate-700">
              #{job.id} · {text.states[job.state]}
            </span>
          </th>
          <td>
            {job.attempts} / {job.maxAttempts}
          </td>
          <td>
            <time dateTime={isoString(job.runAt)}>{formatDateTime(job.runAt)}</time>
          </td>
          <td className="break-all text-sm">{job.lastError ?? ""}</td>
          <td>
            {retry || job.state === "pending" ? (
              <IntentButtonForm intent="retry" label={text.retry} buttonClassName="btn-secondary py-1" ariaLabel={`${text.retry}: ${job.kind} #${job.id}`}>
                <input type="hidden" name="id" value={job.id} />
              </IntentButtonForm>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export default function AdminJobs() {
  const { failed, pending } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <TitledSection id="jobs-title" title={text.title}>
      <p className="mb-4 max-w-3xl">{text.intro}</p>
      <FormAlert message={result?.notice} tone="success" />
      <FormAlert message={result?.error} />
      <h2>{text.failed}</h2>
      <JobTable jobs={failed} caption={text.failed} retry />
      <h2>{text.pending}</h2>
      <JobTable jobs={pending} caption={text.pending} retry={false} />
    </TitledSection>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.mail.admin.adminOnly });
