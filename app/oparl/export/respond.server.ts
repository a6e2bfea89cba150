import { isDatabaseUnavailable } from "~/server/db-errors.server";
import { t } from "~/i18n/de";
import { answerOparl, oparlError, type OparlResult } from "./dispatch.server";

/** Headers every /oparl/v1 answer carries (spec 2.4 and 2.6). */
export const OPARL_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Cache-Control": "no-cache",
  "X-Content-Type-Options": "nosniff",
};

function toResponse(result: OparlResult, extra: Record<string, string> = {}) {
  return new Response(JSON.stringify(result.body), { status: result.status, headers: { ...OPARL_HEADERS, ...extra } });
}

/** GET /oparl/v1/<splat>. Sessions play no part: every caller gets the same public data. */
export async function oparlResponse(request: Request, splat: string | undefined): Promise<Response> {
  const url = new URL(request.url);
  const segments = (splat ?? "").split("/").filter((segment) => segment.length > 0);
  if (segments.length > 4 || segments.some((segment) => segment.length > 100)) return toResponse(oparlError(404, t.oparl.export.errors.notFound));
  try {
    return toResponse(await answerOparl(segments, url));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return toResponse(oparlError(503, t.oparl.export.errors.unavailable), { "Retry-After": "5" });
  }
}

/** Anything but GET: preflight answered, writes refused (the API is read-only). */
export function oparlMethodResponse(request: Request): Response {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: { ...OPARL_HEADERS, Allow: "GET, HEAD, OPTIONS" } });
  return toResponse(oparlError(405, t.oparl.export.errors.methodNotAllowed), { Allow: "GET, HEAD, OPTIONS" });
}
