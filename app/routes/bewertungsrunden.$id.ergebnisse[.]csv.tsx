import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadClosedRound } from "~/ratings/access.server";
import { resultsCsv } from "~/ratings/csv.server";
import { downloadResponse } from "~/server/download-response.server";
import { getRoundResults } from "~/ratings/results.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  const results = await getRoundResults({ roundId: round.id, method: round.rankingMethod });
  return downloadResponse(resultsCsv(results), `bewertungsrunde-${round.id}-ergebnisse.csv`, "csv");
}
