import { describe, expect, it } from "vitest";
import * as adminIndex from "../../../app/routes/admin._index";
import * as invitationsRoute from "../../../app/routes/admin.einladungen";
import * as accounts from "../../../app/routes/admin.konten";
import * as auditLog from "../../../app/routes/admin.protokoll";
import * as accessibility from "../../../app/routes/barrierefreiheit";
import * as privacy from "../../../app/routes/datenschutz";
import * as accept from "../../../app/routes/einladung.$token";
import * as imprint from "../../../app/routes/impressum";
import * as account from "../../../app/routes/konto._index";
import * as exportRoute from "../../../app/routes/konto.export";
import * as deletion from "../../../app/routes/konto.loeschen";
import * as password from "../../../app/routes/konto.passwort";
import { hashToken } from "../../../app/accounts/token.server";
import { createUser, createUsersForAllRoles, TEST_PASSWORD, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { inviteThroughRoute, NEW_PASSWORD } from "./helpers";

type RoleName = "admin" | "staff" | "expert" | "council" | "visitor";
type Expected = Record<RoleName, number>;
type Handler = Parameters<typeof callRoute>[0];

const ROLES: RoleName[] = ["admin", "staff", "expert", "council", "visitor"];
const ADMIN_STAFF: Expected = { admin: 200, staff: 200, expert: 403, council: 403, visitor: 302 };
const ADMIN_ONLY: Expected = { admin: 200, staff: 403, expert: 403, council: 403, visitor: 302 };
const SIGNED_IN: Expected = { admin: 200, staff: 200, expert: 200, council: 200, visitor: 302 };
const EVERYONE: Expected = { admin: 200, staff: 200, expert: 200, council: 200, visitor: 200 };

type Options = { form?: Record<string, string>; params?: Record<string, string>; visitorGoesTo?: RegExp };

/** Status for a fresh user of the role; a visitor's 302 must lead to the login (unless told otherwise). */
async function statusFor(role: RoleName, handler: Handler, path: string, { visitorGoesTo = /^\/login\?redirectTo=/, ...options }: Options = {}) {
  const users = await createUsersForAllRoles();
  const user = role === "visitor" ? null : users[role];
  const response = await callRoute(handler, path, { user, ...options });
  if (response.status === 302 && role === "visitor") expect(response.headers.get("Location")).toMatch(visitorGoesTo);
  return response.status;
}

async function expectMatrix(handler: Handler, path: string, expected: Expected, options: Options = {}) {
  const actual: Partial<Expected> = {};
  for (const role of ROLES) actual[role] = await statusFor(role, handler, path, options);
  expect(actual).toEqual(expected);
}

describe("role matrix: loaders", () => {
  it("GET /admin", () => expectMatrix(adminIndex.loader, "/admin", ADMIN_STAFF));
  it("GET /admin/einladungen", () => expectMatrix(invitationsRoute.loader, "/admin/einladungen", ADMIN_STAFF));
  it("GET /admin/konten", () => expectMatrix(accounts.loader, "/admin/konten", ADMIN_ONLY));
  it("GET /admin/protokoll", () => expectMatrix(auditLog.loader, "/admin/protokoll", ADMIN_ONLY));
  it("GET /konto", () => expectMatrix(account.loader, "/konto", SIGNED_IN));
  it("GET /konto/passwort", () => expectMatrix(password.loader, "/konto/passwort", SIGNED_IN));
  it("GET /konto/loeschen", () => expectMatrix(deletion.loader, "/konto/loeschen", SIGNED_IN));
  it("GET /konto/export", () => expectMatrix(exportRoute.loader, "/konto/export", SIGNED_IN));
  it("GET /impressum, /datenschutz, /barrierefreiheit", async () => {
    await expectMatrix(imprint.loader as Handler, "/impressum", EVERYONE);
    await expectMatrix(privacy.loader as Handler, "/datenschutz", EVERYONE);
    await expectMatrix(accessibility.loader as Handler, "/barrierefreiheit", EVERYONE);
  });
  it("GET /einladung/:token (open link; signed-in users see a note)", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "matrix-get@example.org", "expert");
    await expectMatrix(accept.loader, `/einladung/${token}`, EVERYONE, { params: { token } });
  });
});

describe("role matrix: actions", () => {
  it("POST /admin/einladungen create (expert role)", async () => {
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      actual[role] = await statusFor(role, invitationsRoute.action, "/admin/einladungen", {
        form: { intent: "create", email: `neu-${role}@example.org`, role: "expert" },
      });
    }
    expect(actual).toEqual(ADMIN_STAFF);
  });

  it("POST /admin/einladungen create (admin role): only admins", async () => {
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      actual[role] = await statusFor(role, invitationsRoute.action, "/admin/einladungen", {
        form: { intent: "create", email: `chef-${role}@example.org`, role: "admin" },
      });
    }
    expect(actual).toEqual({ ...ADMIN_STAFF, staff: 403 });
  });

  it("POST /admin/einladungen revoke; staff cannot revoke an admin invitation (404)", async () => {
    const inviter = await createUser("admin");
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      await inviteThroughRoute(inviter, `widerruf-${role}@example.org`, "expert");
      const list = await (await callRoute(invitationsRoute.loader, "/admin/einladungen", { user: inviter })).json();
      const id = list.invitations.find((i: { email: string }) => i.email === `widerruf-${role}@example.org`).id;
      actual[role] = await statusFor(role, invitationsRoute.action, "/admin/einladungen", { form: { intent: "revoke", id: String(id) } });
    }
    expect(actual).toEqual(ADMIN_STAFF);
    await inviteThroughRoute(inviter, "admin-einladung@example.org", "admin");
    const list = await (await callRoute(invitationsRoute.loader, "/admin/einladungen", { user: inviter })).json();
    const adminInvitation = list.invitations.find((i: { email: string }) => i.email === "admin-einladung@example.org").id;
    expect(await statusFor("staff", invitationsRoute.action, "/admin/einladungen", { form: { intent: "revoke", id: String(adminInvitation) } })).toBe(404);
  });

  it("POST /admin/konten role change and disable", async () => {
    for (const intent of ["role", "disable"]) {
      const actual: Partial<Expected> = {};
      for (const role of ROLES) {
        const target = await createUser("council");
        actual[role] = await statusFor(role, accounts.action, "/admin/konten", {
          form: { intent, userId: String(target.id), role: "expert", password: TEST_PASSWORD },
        });
      }
      expect(actual).toEqual(ADMIN_ONLY);
    }
  });

  it("POST /konto profile and end-session", async () => {
    await expectMatrix(account.action, "/konto", SIGNED_IN, { form: { intent: "profile", name: "Neuer Name" } });
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      const stranger = await createUser("expert");
      actual[role] = await statusFor(role, account.action, "/konto", { form: { intent: "end-session", sessionId: hashToken(stranger.cookie.split("=")[1]) } });
    }
    expect(actual).toEqual({ admin: 404, staff: 404, expert: 404, council: 404, visitor: 302 });
  });

  it("POST /konto/passwort", () =>
    expectMatrix(password.action, "/konto/passwort", SIGNED_IN, {
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    }));

  it("POST /konto/loeschen deletes one's own account (then redirects home)", async () => {
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      const users = await createUsersForAllRoles();
      const user: TestUser | null = role === "visitor" ? null : users[role];
      const response = await callRoute(deletion.action, "/konto/loeschen", { user, form: { password: TEST_PASSWORD } });
      expect(response.headers.get("Location")).toBe(role === "visitor" ? "/login?redirectTo=%2Fkonto%2Floeschen" : "/");
      actual[role] = response.status;
    }
    expect(actual).toEqual({ admin: 302, staff: 302, expert: 302, council: 302, visitor: 302 });
  });

  it("POST /einladung/:token: visitors accept, signed-in users get 409", async () => {
    const admin = await createUser("admin");
    const actual: Partial<Expected> = {};
    for (const role of ROLES) {
      const { token } = await inviteThroughRoute(admin, `annahme-${role}@example.org`, "expert");
      actual[role] = await statusFor(role, accept.action, `/einladung/${token}`, {
        params: { token },
        form: { name: "Neu", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
        visitorGoesTo: /^\/$/,
      });
    }
    expect(actual).toEqual({ admin: 409, staff: 409, expert: 409, council: 409, visitor: 302 });
  });
});
