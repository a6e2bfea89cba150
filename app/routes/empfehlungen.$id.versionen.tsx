import { parseId } from "~/lib/fields";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { DiffView } from "~/recommendations/ui/diff-view";
import { VersionTable } from "~/recommendations/ui/version-table";
import { t } from "~/i18n/de";
import { compareVersions } from "~/recommendations/drafting.server";
import { getVisibleRecommendation, listVersions } from "~/recommendations/recommendations.server";
import { notFound, requirePermission } from "~/policy.server";
import { SubmitButton } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: `${t.recommendations.versions.title} – Digitalbeirat` }];

const v = t.recommendations.versions;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:recommendation:draft");
  const id = parseId(params.id);
  const url = new URL(request.url);
  if (!id) notFound(t.recommendations.notFound);
  const rec = await getVisibleRecommendation({ id, reader: user });
  if (!rec) notFound(t.recommendations.notFound);
  const versions = await listVersions({ id });
  const to = parseId(url.searchParams.get("bis")) ?? rec.latestVersion;
  const from = parseId(url.searchParams.get("von")) ?? Math.max(1, to - 1);
  const diff = from === to ? null : await compareVersions({ id, from: Math.min(from, to), to: Math.max(from, to) });
  if (from !== to && !diff) notFound(t.recommendations.errors.versionMissing);
  return json({ rec: { id, title: rec.title }, versions, from: Math.min(from, to), to: Math.max(from, to), diff });
}

export default function VersionsPage() {
  const { rec, versions, from, to, diff } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="versions-title" className="space-y-4">
      <p className="text-sm">
        <a href={`/empfehlungen/${rec.id}`}>{rec.title}</a>
      </p>
      <h1 id="versions-title">{v.title}</h1>
      <VersionTable versions={versions} />
      {versions.length > 1 ? (
        <Form method="get" className="no-print flex flex-wrap items-end gap-3">
          {(["von", "bis"] as const).map((name) => (
            <div key={name} className="flex flex-col">
              <label htmlFor={`version-${name}`}>{name === "von" ? v.from : v.to}</label>
              <select id={`version-${name}`} name={name} defaultValue={name === "von" ? from : to}>
                {versions.map((version) => (
                  <option key={version.number} value={version.number}>
                    {v.number} {version.number}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <SubmitButton className="btn-secondary">{v.compare}</SubmitButton>
        </Form>
      ) : null}
      {diff ? (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">{v.diffHeading(from, to)}</h2>
          <p className="text-sm text-slate-700">{v.legend}</p>
          {diff.map(({ field, parts }) => (
            <div key={field}>
              <h3>{v.field[field]}</h3>
              <DiffView parts={parts} />
            </div>
          ))}
        </section>
      ) : null}
    </section>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.recommendations.notFound });
