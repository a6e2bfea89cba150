import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadClosedRound } from "~/ratings/access.server";
import { rawScoresCsv } from "~/ratings/csv.server";
import { downloadResponse } from "~/server/download-response.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  return downloadResponse(await rawScoresCsv({ roundId: round.id }), `bewertungsrunde-${round.id}-einzelbewertungen.csv`, "csv");
}
