import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadClosedRound } from "~/models/rating-access.server";
import { csvResponse, resultsCsv } from "~/models/rating-csv.server";
import { getRoundResults } from "~/models/rating-results.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  const results = await getRoundResults({ roundId: round.id, method: round.rankingMethod });
  return csvResponse(resultsCsv(results), `bewertungsrunde-${round.id}-ergebnisse.csv`);
}
