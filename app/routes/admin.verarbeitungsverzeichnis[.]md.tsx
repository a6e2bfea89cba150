import type { LoaderFunctionArgs } from "@remix-run/node";
import { processingRecordMarkdown } from "~/legal/processing-record-markdown";
import { buildProcessingRecord } from "~/legal/processing-record.server";
import { requirePermission } from "~/policy.server";
import { downloadResponse } from "~/server/download-response.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:processing-record");
  const record = await buildProcessingRecord();
  return downloadResponse(processingRecordMarkdown(record), "verarbeitungsverzeichnis.md", "markdown");
}
