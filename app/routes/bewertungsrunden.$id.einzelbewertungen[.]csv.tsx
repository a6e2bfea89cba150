import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadClosedRound } from "~/ratings/access.server";
import { csvResponse, rawScoresCsv } from "~/ratings/csv.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { round } = await loadClosedRound(request, params);
  return csvResponse(await rawScoresCsv({ roundId: round.id }), `bewertungsrunde-${round.id}-einzelbewertungen.csv`);
}
