import { routeId } from "~/lib/fields";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { PrintDocument } from "~/recommendations/ui/print-document";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { loadRecommendationPrint } from "~/recommendations/page.server";
import { getUser, notFound } from "~/policy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.rec.reference ?? ""} ${data?.rec.title ?? ""} – Druckansicht` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const id = routeId(params.id, t.recommendations.notFound);
  const page = await loadRecommendationPrint({ id, reader: user });
  // The print view is the council document: only for published recommendations.
  if (!page || page.rec.status !== "published") notFound(t.recommendations.notFound);
  return json({
    ...page,
    boardName: env().BOARD_NAME,
  });
}

export default function PrintPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print mb-4 flex flex-wrap gap-4 text-sm">
        <a href={`/empfehlungen/${data.rec.id}`}>{t.recommendations.print.back}</a>
        <span className="text-slate-700">{t.recommendations.print.printHint}</span>
      </p>
      <PrintDocument {...data} />
    </>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.recommendations.notFound });
