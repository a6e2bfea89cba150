import type { LoaderFunctionArgs } from "@remix-run/node";
import { listStatusRows } from "~/commitments/accountability.server";
import { statusCsv } from "~/commitments/export.server";
import { getUser } from "~/policy.server";
import { downloadResponse } from "~/server/download-response.server";

/** The status table as CSV (Excel-ready, formulas defused), with what the reader may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return downloadResponse(statusCsv(await listStatusRows({ reader: user })), "umsetzung-empfehlungen.csv", "csv");
}
