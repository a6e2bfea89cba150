import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { t } from "~/i18n/de";
import { buildProcessingRecord } from "~/legal/processing-record.server";
import { ProcessingRecordPage } from "~/legal/ui/processing-record-page";
import { requirePermission } from "~/policy.server";

export const meta: MetaFunction = () => [{ title: `${t.processingRecord.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:processing-record");
  return json({ record: await buildProcessingRecord() });
}

export default function ProcessingRecordRoute() {
  const { record } = useLoaderData<typeof loader>();
  return <ProcessingRecordPage record={record} />;
}

export const ErrorBoundary = errorBoundaryWith({ 403: t.processingRecord.adminOnly });
