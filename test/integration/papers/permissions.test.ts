import { beforeAll, describe, expect, it } from "vitest";
import * as list from "../../../app/routes/vorlagen._index";
import * as create from "../../../app/routes/vorlagen.neu";
import * as page from "../../../app/routes/vorlagen.$reference._index";
import * as edit from "../../../app/routes/vorlagen.$reference.bearbeiten";
import * as gremienweg from "../../../app/routes/vorlagen.$reference.gremienweg";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { allRoles as all, expectOutcomes, ROLES, staffOnly, type Expectation, type RoleName } from "../../support/role-outcomes";
import { insertOrganizations, insertPaper } from "./paper-helpers";

let users: Record<RoleName, TestUser | null>;
const check = (call: (user: TestUser | null, role: RoleName) => Promise<Response>, expected: Expectation) => expectOutcomes(users, call, expected);
let organizationId: number;

const paperForm = (reference: string) => ({
  reference,
  paperType: "Anfrage",
  name: "Anfrage zur IT-Sicherheit",
  date: "2025-03-03",
  originator: "Ratsmitglied (Demo)",
  isPublic: "on",
});

beforeAll(async () => {
  users = await createUsersForAllRoles();
  organizationId = (await insertOrganizations())[0].id;
  await insertPaper();
  await insertPaper({ reference: "BV/0087/2025", paperType: "Beschlussvorlage", name: "Vertrauliche Vereinbarung", isPublic: false });
});

describe("reading papers", () => {
  it("the list and public papers are open to everyone; non-public papers to accounts only", async () => {
    await check((user) => callRoute(list.loader, "/vorlagen?typ=Antrag&status=offen", { user }), all(200));
    await check((user) => callRoute(page.loader, "/vorlagen/AT-0014-2025", { user, params: { reference: "AT-0014-2025" } }), all(200));
    await check((user) => callRoute(page.loader, "/vorlagen/BV-0087-2025", { user, params: { reference: "BV-0087-2025" } }), { ...all(200), visitor: 404 });
    await check((user) => callRoute(page.loader, "/vorlagen/ZZ-0000-2025", { user, params: { reference: "ZZ-0000-2025" } }), all(404));
  });

  it("the list leaves non-public papers out for visitors", async () => {
    const seen: Record<string, boolean> = {};
    for (const role of ROLES) seen[role] = (await (await callRoute(list.loader, "/vorlagen", { user: users[role] })).text()).includes("BV/0087/2025");
    expect(seen).toEqual({ admin: true, staff: true, expert: true, council: true, visitor: false });
  });
});

describe("managing papers", () => {
  it("create: form and action for staff and admins only", async () => {
    await check((user) => callRoute(create.loader, "/vorlagen/neu", { user }), staffOnly(200));
    await check((user, role) => callRoute(create.action, "/vorlagen/neu", { user, form: paperForm(`AF/000${ROLES.indexOf(role) + 1}/2025`) }), staffOnly(302));
  });

  it("edit and Gremienweg: form and actions for staff and admins only", async () => {
    const params = { reference: "AT-0014-2025" };
    await check((user) => callRoute(edit.loader, "/vorlagen/AT-0014-2025/bearbeiten", { user, params }), staffOnly(200));
    await check(
      (user) => callRoute(edit.action, "/vorlagen/AT-0014-2025/bearbeiten", { user, params, form: { ...paperForm("AT/0014/2025"), paperType: "Antrag" } }),
      staffOnly(302),
    );
    await check((user) => callRoute(gremienweg.loader, "/vorlagen/AT-0014-2025/gremienweg", { user, params }), staffOnly(200));
    await check(
      (user) =>
        callRoute(gremienweg.action, "/vorlagen/AT-0014-2025/gremienweg", {
          user,
          params,
          form: { intent: "add", organizationId: String(organizationId), role: "vorberatung" },
        }),
      staffOnly(302),
    );
    await check((user) => callRoute(gremienweg.loader, "/vorlagen/ZZ-0000-2025/gremienweg", { user, params: { reference: "ZZ-0000-2025" } }), staffOnly(404));
  });
});
