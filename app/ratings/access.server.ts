import type { Params } from "@remix-run/react";
import { t } from "~/i18n/de";
import { routeId } from "~/lib/fields";
import { getRoundForViewer } from "~/ratings/rounds.server";
import { forbidden, notFound, requirePermission, type Permission } from "~/policy.server";

/** auth → parse → model for every round page: the user, with the permission, and the round they may see. */
export async function loadRound(request: Request, params: Params, permission: Permission = "read:round") {
  const user = await requirePermission(request, permission);
  const roundId = routeId(params.id, t.ratings.errors.roundNotFound);
  const round = (await getRoundForViewer({ roundId, viewer: user })) ?? notFound(t.ratings.errors.roundNotFound);
  return { user, round };
}

/** Results stay hidden until the round is closed (by staff or by its closing date). */
export async function loadClosedRound(request: Request, params: Params) {
  const loaded = await loadRound(request, params);
  if (loaded.round.status !== "closed") forbidden(t.ratings.results.notYet);
  return loaded;
}
