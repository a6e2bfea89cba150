import { beforeAll, describe, expect, it } from "vitest";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import * as list from "../../../app/routes/empfehlungen._index";
import * as create from "../../../app/routes/empfehlungen.neu";
import * as detail from "../../../app/routes/empfehlungen.$id._index";
import * as edit from "../../../app/routes/empfehlungen.$id.bearbeiten";
import * as versions from "../../../app/routes/empfehlungen.$id.versionen";
import * as print from "../../../app/routes/empfehlungen.$id.druck";
import * as feed from "../../../app/routes/empfehlungen[.]atom";
import { startVote } from "../../../app/recommendations/voting.server";
import { createDecided, createDraft, expectOk } from "./recommendation-fixtures";

type Role = "admin" | "staff" | "expert" | "council" | "visitor";
const ROLES: Role[] = ["admin", "staff", "expert", "council", "visitor"];
let users: Record<Role, TestUser | null>;
let author: TestUser;
let ids: { draft: number; voting: number; councilOnly: number; publicRec: number };

beforeAll(async () => {
  const all = await createUsersForAllRoles();
  users = all;
  author = await createUser("expert");
  const voters = [all.expert, author];
  ids = {
    draft: await createDraft(author),
    voting: await createDraft(author),
    councilOnly: await createDecided({ author, staff: all.staff, voters }, { isPublic: false }),
    publicRec: await createDecided({ author, staff: all.staff, voters }, { isPublic: true }),
  };
  await expectOk(startVote({ actor: all.staff, id: ids.voting, deadline: new Date(Date.now() + 86_400_000) }));
});

type Fn = Parameters<typeof callRoute>[0];
async function statuses(
  fn: Fn,
  path: (role: Role) => string,
  options: { params?: (role: Role) => Record<string, string>; form?: (role: Role) => Promise<Record<string, string>> | Record<string, string> } = {},
) {
  const result: Partial<Record<Role, number>> = {};
  for (const role of ROLES) {
    const response = await callRoute(fn, path(role), {
      user: users[role],
      params: options.params?.(role),
      form: options.form ? await options.form(role) : undefined,
    });
    result[role] = response.status === 302 && response.headers.get("Location")?.startsWith("/login") ? 302 : response.status;
  }
  return result;
}
const idParams = (id: number) => () => ({ id: String(id) });
const board = (ok: number, council: number) => ({ admin: ok, staff: ok, expert: ok, council, visitor: 302 });

describe("role matrix for /empfehlungen*", () => {
  it("list and feed are open to everyone", async () => {
    expect(await statuses(list.loader, () => "/empfehlungen")).toEqual({ admin: 200, staff: 200, expert: 200, council: 200, visitor: 200 });
    expect(await statuses(feed.loader, () => "/empfehlungen.atom")).toEqual({ admin: 200, staff: 200, expert: 200, council: 200, visitor: 200 });
  });

  it("drafting: board members only", async () => {
    expect(await statuses(create.loader, () => "/empfehlungen/neu")).toEqual(board(200, 403));
    expect(await statuses(create.action, () => "/empfehlungen/neu", { form: () => ({ title: "Neu", body: "Text" }) })).toEqual(board(303, 403));
  });

  it("detail of a draft: board only; council and visitors do not learn it exists", async () => {
    expect(await statuses(detail.loader, () => `/empfehlungen/${ids.draft}`, { params: idParams(ids.draft) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 200,
      council: 404,
      visitor: 404,
    });
  });

  it("detail of a published recommendation: council-only vs public", async () => {
    expect(await statuses(detail.loader, () => "/x", { params: idParams(ids.councilOnly) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 200,
      council: 200,
      visitor: 404,
    });
    expect(await statuses(detail.loader, () => "/x", { params: idParams(ids.publicRec) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 200,
      council: 200,
      visitor: 200,
    });
    expect(await statuses(print.loader, () => "/x", { params: idParams(ids.councilOnly) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 200,
      council: 200,
      visitor: 404,
    });
    expect(await statuses(print.loader, () => "/x", { params: idParams(ids.publicRec) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 200,
      council: 200,
      visitor: 200,
    });
    expect(await statuses(print.loader, () => "/x", { params: idParams(ids.draft) })).toEqual({
      admin: 404,
      staff: 404,
      expert: 404,
      council: 404,
      visitor: 404,
    });
  });

  it("edit: authors and staff on drafts, staff corrections on published, 409 on frozen", async () => {
    expect(await statuses(edit.loader, () => "/x", { params: idParams(ids.draft) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 403,
      council: 404,
      visitor: 302,
    });
    expect(await statuses(edit.loader, () => "/x", { params: idParams(ids.publicRec) })).toEqual({
      admin: 200,
      staff: 200,
      expert: 403,
      council: 403,
      visitor: 302,
    });
    expect(await statuses(edit.loader, () => "/x", { params: idParams(ids.voting) })).toEqual({
      admin: 409,
      staff: 409,
      expert: 409,
      council: 404,
      visitor: 302,
    });
    expect((await callRoute(edit.loader, "/x", { user: author, params: idParams(ids.draft)() })).status).toBe(200);
  });

  it("versions: board only", async () => {
    expect(await statuses(versions.loader, () => "/x", { params: idParams(ids.draft) })).toEqual(board(200, 403));
  });

  it("voting: experts only", async () => {
    expect(await statuses(detail.action, () => "/x", { params: idParams(ids.voting), form: () => ({ intent: "vote", choice: "enthaltung" }) })).toEqual({
      admin: 403,
      staff: 403,
      expert: 303,
      council: 404,
      visitor: 302,
    });
  });

  it("comments on a draft: board members", async () => {
    expect(await statuses(detail.action, () => "/x", { params: idParams(ids.draft), form: () => ({ intent: "comment", comment: "Guter Ansatz." }) })).toEqual(
      board(303, 404),
    );
  });

  it("start and close of a vote, publication: staff and admin", async () => {
    const drafts: Partial<Record<Role, number>> = {};
    for (const role of ROLES) drafts[role] = await createDraft(author);
    const deadline = "2099-01-01T12:00";
    expect(
      await statuses(detail.action, () => "/x", { params: (role) => ({ id: String(drafts[role]) }), form: () => ({ intent: "start-vote", deadline }) }),
    ).toEqual({ admin: 303, staff: 303, expert: 403, council: 404, visitor: 302 });
    expect(await statuses(detail.action, () => "/x", { params: (role) => ({ id: String(drafts[role]) }), form: () => ({ intent: "close-vote" }) })).toEqual({
      admin: 303,
      staff: 303,
      expert: 403,
      council: 404,
      visitor: 302,
    });
    const adopted: Partial<Record<Role, number>> = {};
    for (const role of ROLES) adopted[role] = await createDecided({ author, staff: users.staff!, voters: [users.expert!, author] });
    expect(await statuses(detail.action, () => "/x", { params: (role) => ({ id: String(adopted[role]) }), form: () => ({ intent: "publish" }) })).toEqual({
      admin: 303,
      staff: 303,
      expert: 403,
      council: 404,
      visitor: 302,
    });
    expect(await statuses(detail.action, () => "/x", { params: idParams(ids.councilOnly), form: () => ({ intent: "make-public" }) })).toEqual({
      admin: 303,
      staff: 303,
      expert: 403,
      council: 403,
      visitor: 302,
    });
  });

  it("an unknown intent or id is a 4xx, never a 500", async () => {
    expect((await callRoute(detail.action, "/x", { user: users.staff, params: idParams(ids.draft)(), form: { intent: "explode" } })).status).toBe(400);
    expect((await callRoute(detail.loader, "/x", { user: users.staff, params: { id: "abc" } })).status).toBe(404);
    expect((await callRoute(detail.loader, "/x", { user: users.staff, params: { id: "99999999999" } })).status).toBe(404);
  });
});
