import { beforeAll, describe, expect, it } from "vitest";
import * as list from "../../../app/routes/bewertungsrunden._index";
import * as create from "../../../app/routes/bewertungsrunden.neu";
import * as detail from "../../../app/routes/bewertungsrunden.$id._index";
import * as setup from "../../../app/routes/bewertungsrunden.$id.einrichten";
import * as proposal from "../../../app/routes/bewertungsrunden.$id.vorschlaege.$proposalId";
import * as scoring from "../../../app/routes/bewertungsrunden.$id.bewerten";
import * as results from "../../../app/routes/bewertungsrunden.$id.ergebnisse";
import * as sensitivity from "../../../app/routes/bewertungsrunden.$id.sensitivitaet";
import * as print from "../../../app/routes/bewertungsrunden.$id.druck";
import * as resultsCsv from "../../../app/routes/bewertungsrunden.$id.ergebnisse[.]csv";
import * as rawCsv from "../../../app/routes/bewertungsrunden.$id.einzelbewertungen[.]csv";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { close, createDraftRound, createOpenRound, score, twoByTwo } from "./rating-fixtures";

type Role = "admin" | "staff" | "expert" | "council" | "visitor";
type Expected = Record<Role, number>;
const ROLES: Role[] = ["admin", "staff", "expert", "council", "visitor"];

let users: Record<Role, TestUser | null>;
let draft: Awaited<ReturnType<typeof createDraftRound>>;
let open: Awaited<ReturnType<typeof createOpenRound>>;
let closed: Awaited<ReturnType<typeof createOpenRound>>;

beforeAll(async () => {
  users = await createUsersForAllRoles();
  const staff = users.staff!;
  const spec = twoByTwo(staff);
  draft = await createDraftRound(spec);
  open = await createOpenRound(spec);
  closed = await createOpenRound(spec);
  const rater = await createUser("expert");
  await score(closed.roundId, rater, closed.proposals.P1, closed.criteria, { A: 7, B: 6 });
  await close(closed.roundId, staff);
});

async function statusFor(role: Role, fn: Parameters<typeof callRoute>[0], path: string, params: Record<string, string>, form?: Record<string, string>) {
  const response = await callRoute(fn, path, { user: users[role], params, form, method: form ? "POST" : "GET" });
  if (role === "visitor" && response.status === 302) expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  return response.status;
}

type Call = [Parameters<typeof callRoute>[0], string, Record<string, string>, Record<string, string>?];

/** `call` runs once per role, so actions that change state can get a fresh round each time. */
function matrix(name: string, expected: Expected, call: () => Call | Promise<Call>) {
  it(name, async () => {
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      const [fn, path, params, form] = await call();
      actual[role] = await statusFor(role, fn, path, params, form);
    }
    expect(actual).toEqual(expected);
  });
}

const BOARD_READ: Expected = { admin: 200, staff: 200, expert: 200, council: 403, visitor: 302 };
const MANAGE_READ: Expected = { admin: 200, staff: 200, expert: 403, council: 403, visitor: 302 };
const p = (id: number, extra: Record<string, string> = {}) => ({ id: String(id), ...extra });

describe("role matrix: loaders", () => {
  matrix("list", BOARD_READ, () => [list.loader, "/bewertungsrunden", {}]);
  matrix("new round form", MANAGE_READ, () => [create.loader, "/bewertungsrunden/neu", {}]);
  matrix("open round page", BOARD_READ, () => [detail.loader, `/bewertungsrunden/${open.roundId}`, p(open.roundId)]);
  matrix("draft round page: hidden from experts", { admin: 200, staff: 200, expert: 404, council: 403, visitor: 302 }, () => [
    detail.loader,
    `/bewertungsrunden/${draft.roundId}`,
    p(draft.roundId),
  ]);
  matrix("unknown round", { admin: 404, staff: 404, expert: 404, council: 403, visitor: 302 }, () => [detail.loader, "/bewertungsrunden/999999", p(999999)]);
  matrix("setup page (draft)", MANAGE_READ, () => [setup.loader, `/bewertungsrunden/${draft.roundId}/einrichten`, p(draft.roundId)]);
  matrix("setup page of an open round redirects managers", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, () => [
    setup.loader,
    `/bewertungsrunden/${open.roundId}/einrichten`,
    p(open.roundId),
  ]);
  matrix("proposal page", BOARD_READ, () => [proposal.loader, "/x", p(open.roundId, { proposalId: String(open.proposals.P1) })]);
  matrix("proposal of another round", { admin: 404, staff: 404, expert: 404, council: 403, visitor: 302 }, () => [
    proposal.loader,
    "/x",
    p(open.roundId, { proposalId: String(closed.proposals.P1) }),
  ]);
  matrix("scoring page (open): experts only", { admin: 403, staff: 403, expert: 200, council: 403, visitor: 302 }, () => [
    scoring.loader,
    `/bewertungsrunden/${open.roundId}/bewerten`,
    p(open.roundId),
  ]);
  matrix("scoring page of a closed round", { admin: 403, staff: 403, expert: 409, council: 403, visitor: 302 }, () => [
    scoring.loader,
    "/x",
    p(closed.roundId),
  ]);
  for (const [name, route] of [
    ["results", results],
    ["sensitivity", sensitivity],
    ["print view", print],
    ["results CSV", resultsCsv],
    ["raw CSV", rawCsv],
  ] as const) {
    matrix(`${name} (closed)`, BOARD_READ, () => [route.loader, "/x", p(closed.roundId)]);
    matrix(`${name} while open: blind for everyone`, { admin: 403, staff: 403, expert: 403, council: 403, visitor: 302 }, () => [
      route.loader,
      "/x",
      p(open.roundId),
    ]);
  }
});

describe("role matrix: actions", () => {
  matrix("create round", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, () => [
    create.action,
    "/bewertungsrunden/neu",
    {},
    { title: "Neue Runde", rankingMethod: "mean" },
  ]);
  matrix("round page action (unknown intent shows the gate)", { admin: 400, staff: 400, expert: 403, council: 403, visitor: 302 }, () => [
    detail.action,
    "/x",
    p(open.roundId),
    { intent: "nichts" },
  ]);
  matrix("setup: add criterion", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, () => [
    setup.action,
    "/x",
    p(draft.roundId),
    { intent: "add-criterion", title: `K ${Math.random()}`, weight: "0" },
  ]);
  matrix("setup of an open round: frozen", { admin: 409, staff: 409, expert: 403, council: 403, visitor: 302 }, () => [
    setup.action,
    "/x",
    p(open.roundId),
    { intent: "add-criterion", title: "Zu spät", weight: "0" },
  ]);
  matrix("edit proposal (draft)", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, () => [
    proposal.action,
    "/x",
    p(draft.roundId, { proposalId: String(draft.proposals.P1) }),
    { title: "P1", vendor: "P1 GmbH" },
  ]);
  matrix("save scores (open)", { admin: 403, staff: 403, expert: 302, council: 403, visitor: 302 }, () => [
    scoring.action,
    "/x",
    p(open.roundId),
    { intent: "save", proposalId: String(open.proposals.P2), [`score-${open.criteria.A}`]: "5" },
  ]);
  matrix("open a round", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, async () => {
    const fresh = await createDraftRound({ staff: users.staff!, criteria: [["A", 100]], proposals: ["P1"] });
    return [detail.action, "/x", p(fresh.roundId), { intent: "open", closesAt: "2099-06-30T12:00" }];
  });
  matrix("close a round", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, async () => {
    const fresh = await createOpenRound({ staff: users.staff!, criteria: [["A", 100]], proposals: ["P1"] });
    return [detail.action, "/x", p(fresh.roundId), { intent: "close" }];
  });
  matrix("delete a draft", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, async () => {
    const fresh = await createDraftRound({ staff: users.staff!, criteria: [["A", 100]], proposals: ["P1"] });
    return [detail.action, "/x", p(fresh.roundId), { intent: "delete" }];
  });
  matrix("setup: save weights", { admin: 302, staff: 302, expert: 403, council: 403, visitor: 302 }, async () => {
    const fresh = await createDraftRound({
      staff: users.staff!,
      criteria: [
        ["A", 50],
        ["B", 50],
      ],
      proposals: [],
    });
    return [setup.action, "/x", p(fresh.roundId), { intent: "save-weights", [`weight-${fresh.criteria.A}`]: "60", [`weight-${fresh.criteria.B}`]: "40" }];
  });
  matrix("declare a recusal (open)", { admin: 403, staff: 403, expert: 302, council: 403, visitor: 302 }, () => [
    scoring.action,
    "/x",
    p(open.roundId),
    { intent: "recuse", proposalId: String(open.proposals.P1), reason: "Früherer Arbeitgeber" },
  ]);
  matrix("save scores (closed)", { admin: 403, staff: 403, expert: 409, council: 403, visitor: 302 }, () => [
    scoring.action,
    "/x",
    p(closed.roundId),
    { intent: "save", proposalId: String(closed.proposals.P2), [`score-${closed.criteria.A}`]: "5" },
  ]);
});
