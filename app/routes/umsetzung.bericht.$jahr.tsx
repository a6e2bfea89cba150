import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ReportDocument } from "~/commitments/ui/report-document";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { loadAnnualReport } from "~/commitments/report.server";
import { notFound, requirePermission } from "~/policy.server";

const r = t.commitments.report;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${r.title(data?.year ?? 0)} – Druckansicht` }];

/** The board's annual report to the council: board members print it (A4). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:commitment:internal");
  const year = /^(19|20)\d{2}$/.test(params.jahr ?? "") ? Number(params.jahr) : notFound();
  const rows = await loadAnnualReport({ year, reader: user });
  return json({ year, rows, boardName: env().BOARD_NAME, today: new Date().toISOString() });
}

export default function AnnualReportPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print mb-4 flex flex-wrap gap-4 text-sm">
        <a href="/umsetzung">{r.back}</a>
        <span className="text-slate-700">{r.printHint}</span>
      </p>
      <ReportDocument {...data} />
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
