import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../db/client.server";
import { auditEvents, meetings, ratingRecusals, ratingRounds, users } from "../../db/schema";
import { cleanText, idField, parseId, textField } from "../../app/lib/fields";
import * as account from "../../app/routes/konto._index";
import * as adminAccounts from "../../app/routes/admin.konten";
import * as adminInvitations from "../../app/routes/admin.einladungen";
import * as newRound from "../../app/routes/bewertungsrunden.neu";
import * as scoring from "../../app/routes/bewertungsrunden.$id.bewerten";
import * as roundDetail from "../../app/routes/bewertungsrunden.$id._index";
import * as editMeeting from "../../app/routes/sitzungen.$id.bearbeiten";
import * as agenda from "../../app/routes/sitzungen.$id.tagesordnung";
import * as meetingPage from "../../app/routes/sitzungen.$id._index";
import * as recommendation from "../../app/routes/empfehlungen.$id._index";
import * as topicList from "../../app/routes/themen._index";
import * as newTopic from "../../app/routes/themen.neu";
import * as paperList from "../../app/routes/vorlagen._index";
import * as gremienweg from "../../app/routes/vorlagen.$reference.gremienweg";
import * as searchPage from "../../app/routes/suche";
import { createUser, type TestUser } from "../support/fixtures";
import { callRoute } from "../support/remix";
import { insertItems, insertMeeting } from "./meetings/meeting-helpers";
import { insertOrganizations, insertPaper } from "./papers/paper-helpers";
import { createOpenRound } from "./ratings/rating-fixtures";
import { createDraft } from "./recommendations/recommendation-fixtures";

const HUGE = "99999999999999999999"; // 20 digits: PostgreSQL `integer` refuses it (22003)
const NUL = "\u0000";
const LONG = "x".repeat(20_000);

let admin: TestUser;
let staff: TestUser;
let expert: TestUser;

beforeAll(async () => {
  [admin, staff, expert] = await Promise.all([createUser("admin"), createUser("staff"), createUser("expert")]);
});

async function auditCount() {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row.n;
}

/** Runs a write that must be refused: a 4xx, and no audit event (every write is audited) in the meantime. */
async function expectRefused(call: () => Promise<Response>) {
  const before = await auditCount();
  const response = await call();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(await auditCount()).toBe(before);
  return response;
}

describe("shared field building blocks", () => {
  it("accepts ids 1 … 2147483647 only", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId("2147483647")).toBe(2_147_483_647);
    for (const bad of ["2147483648", HUGE, "0", "-1", "1e3", "0x10", "4.2", "", " ", `1${NUL}`, undefined]) expect(parseId(bad)).toBeNull();
    const parsed = idField().safeParse(HUGE);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/gültigen Eintrag/);
  });

  it("strips NUL and other control characters but keeps tabs and newlines", () => {
    expect(cleanText(`a${NUL}b\u0007c\u001Bd\u007F\te\r\nf`)).toBe("abcd\te\nf");
    expect(textField({ max: 10, label: "Titel" }).safeParse(`${NUL}${NUL} `).error?.issues[0].message).toBe("Bitte füllen Sie „Titel“ aus.");
    expect(textField({ max: 3, label: "Titel" }).safeParse("abcd").error?.issues[0].message).toMatch(/höchstens 3 Zeichen/);
    expect(textField({ max: 10, label: "Titel" }).parse(` Ti${NUL}tel `)).toBe("Titel");
  });
});

describe("every action reads its form through the cleaning edge", () => {
  it("no file under app/ calls request.formData() except app/lib/fields.ts", () => {
    const root = path.resolve(__dirname, "../../app");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file));
    const offenders = files.filter(
      (file) => file !== path.join("lib", "fields.ts") && readFileSync(path.join(root, file), "utf8").includes("request.formData()"),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});

describe("NUL bytes in free text never reach PostgreSQL", () => {
  it("/konto: a name of only NUL bytes is a field error; NUL inside a name is dropped", async () => {
    const refused = await expectRefused(() =>
      callRoute(account.action, "/konto", { user: expert, form: { intent: "profile", name: NUL.repeat(3), organisation: "", expertise: "" } }),
    );
    expect((await refused.json()).errors.name).toBeTruthy();
    const saved = await callRoute(account.action, "/konto", {
      user: expert,
      form: { intent: "profile", name: `Anna${NUL} Keller`, organisation: `Stadt${NUL}`, expertise: `KI${NUL}` },
    });
    expect(saved.status).toBe(200);
    const [row] = await db.select().from(users).where(eq(users.id, expert.id));
    expect(row).toMatchObject({ name: "Anna Keller", organisation: "Stadt", expertise: ["KI"] });
  });

  it("/bewertungsrunden/neu: a title of NUL bytes is a field error and creates no round", async () => {
    const [before] = await db.select({ n: count() }).from(ratingRounds);
    await expectRefused(() =>
      callRoute(newRound.action, "/bewertungsrunden/neu", {
        user: staff,
        form: { title: NUL.repeat(10), description: NUL, topicId: "", rankingMethod: "median" },
      }),
    );
    const [after] = await db.select({ n: count() }).from(ratingRounds);
    expect(after.n).toBe(before.n);
    const created = await callRoute(newRound.action, "/bewertungsrunden/neu", {
      user: staff,
      form: { title: `Chatbot${NUL}-Anbieter`, description: `a${NUL}b`, topicId: HUGE, rankingMethod: "median" },
    });
    expect(created.status).toBeLessThan(500);
  });

  it("/bewertungsrunden/:id/bewerten: a recusal reason of NUL bytes or a 20-digit proposal id is refused", async () => {
    const round = await createOpenRound({ staff, proposals: ["P1"], criteria: [["k", 100]] });
    const params = { id: String(round.roundId) };
    const reason = await expectRefused(() =>
      callRoute(scoring.action, "/x", { user: expert, params, form: { intent: "recuse", proposalId: String(round.proposals.P1), reason: NUL.repeat(20) } }),
    );
    expect((await reason.json()).errors.reason).toBeTruthy();
    await expectRefused(() =>
      callRoute(scoring.action, "/x", { user: expert, params, form: { intent: "recuse", proposalId: HUGE, reason: "Ich berate den Anbieter." } }),
    );
    expect(await db.select().from(ratingRecusals).where(eq(ratingRecusals.roundId, round.roundId))).toHaveLength(0);
    const page = await callRoute(scoring.loader, `/x?vorschlag=${HUGE}`, { user: expert, params });
    expect(page.status).toBe(200);
  });

  it("/sitzungen/:id/bearbeiten: a cancellation reason of NUL bytes is a field error and changes nothing", async () => {
    const meeting = await insertMeeting();
    const response = await expectRefused(() =>
      callRoute(editMeeting.action, `/sitzungen/${meeting.id}/bearbeiten`, {
        user: staff,
        params: { id: String(meeting.id) },
        form: {
          name: "5. Sitzung",
          start: "2025-03-27T17:00",
          end: "2025-03-27T19:00",
          locationRoom: "",
          locationAddress: "",
          state: "terminiert",
          cancelled: "on",
          cancellationReason: NUL.repeat(5),
        },
      }),
    );
    expect((await response.json()).errors.cancellationReason).toBeTruthy();
    const [row] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row.cancelled).toBe(false);
  });

  it("/empfehlungen/:id: a comment of NUL bytes, a 20-digit meeting or co-author id are refused", async () => {
    const id = await createDraft(expert);
    const post = (form: Record<string, string>) => callRoute(recommendation.action, `/empfehlungen/${id}`, { user: expert, params: { id: String(id) }, form });
    await expectRefused(() => post({ intent: "comment", comment: NUL.repeat(4) }));
    await expectRefused(() => post({ intent: "add-coauthor", coauthor: HUGE }));
    await expectRefused(() =>
      callRoute(recommendation.action, `/empfehlungen/${id}`, {
        user: staff,
        params: { id: String(id) },
        form: { intent: "start-vote", deadline: "2099-01-01T10:00", meetingId: HUGE },
      }),
    );
  });

  it("/themen/neu: NUL bytes are dropped from title and body; a 20-digit field id is a field error", async () => {
    const response = await expectRefused(() =>
      callRoute(newTopic.action, "/themen/neu", { user: staff, form: { title: `Chat${NUL}bot`, body: `Text${NUL}`, fieldId: HUGE, visibility: "public" } }),
    );
    expect((await response.json()).errors.fieldId).toBeTruthy();
  });
});

describe("20-digit ids never reach PostgreSQL", () => {
  it("/admin/konten: role, disable and enable with a 20-digit user id are field errors", async () => {
    for (const intent of ["role", "disable", "enable"]) {
      await expectRefused(() => callRoute(adminAccounts.action, "/admin/konten", { user: admin, form: { intent, userId: HUGE, role: "expert" } }));
    }
  });

  it("/admin/einladungen: revoking a 20-digit invitation id is refused", async () => {
    await expectRefused(() => callRoute(adminInvitations.action, "/admin/einladungen", { user: admin, form: { intent: "revoke", id: HUGE } }));
  });

  it("/sitzungen/:id/tagesordnung: update, remove and move with a 20-digit item id are refused", async () => {
    const meeting = await insertMeeting();
    await insertItems(meeting.id, [{ number: "1", name: "Begrüßung" }]);
    for (const intent of ["update", "remove", "up", "down"]) {
      await expectRefused(() =>
        callRoute(agenda.action, "/x", {
          user: staff,
          params: { id: String(meeting.id) },
          form: { intent, itemId: HUGE, number: "1", name: "Begrüßung", isPublic: "on" },
        }),
      );
    }
    expect((await callRoute(agenda.loader, `/x?bearbeiten=${HUGE}`, { user: staff, params: { id: String(meeting.id) } })).status).toBe(200);
  });

  it("/vorlagen/:reference/gremienweg: a 20-digit committee id is a field error", async () => {
    const [stadtrat] = await insertOrganizations();
    await insertPaper();
    const response = await expectRefused(() =>
      callRoute(gremienweg.action, "/x", {
        user: staff,
        params: { reference: "AT-0014-2025" },
        form: { intent: "add", organizationId: HUGE, date: "", role: "entscheidung", isPublic: "on" },
      }),
    );
    expect((await response.json()).errors.organizationId).toBeTruthy();
    await expectRefused(() =>
      callRoute(gremienweg.action, "/x", {
        user: staff,
        params: { reference: "AT-0014-2025" },
        form: { intent: "remove", consultationId: HUGE, organizationId: String(stadtrat.id) },
      }),
    );
  });

  it("route parameters that are no valid id answer 404 in every domain", async () => {
    // Leading zeros, hex, exponents, signs and spaces are no ids either (decision 044).
    for (const bad of [HUGE, "2147483648", "0", "abc", `1${NUL}`, "007", "0x1", "1e3", "+1", " 1", "1.0"]) {
      const params = { id: bad };
      expect((await callRoute(recommendation.loader, "/x", { user: staff, params })).status).toBe(404);
      expect((await callRoute(meetingPage.loader, "/x", { user: staff, params })).status).toBe(404);
      expect((await callRoute(roundDetail.loader, "/x", { user: staff, params })).status).toBe(404);
      expect((await callRoute(editMeeting.action, "/x", { user: staff, params, form: { name: "x" } })).status).toBe(404);
    }
  });
});

describe("query-string filters are bounded", () => {
  it("/themen?feld= ignores over-long, 20-digit and NUL values", async () => {
    for (const feld of [LONG, HUGE, `1${NUL}`, "-1"]) {
      const response = await callRoute(topicList.loader, `/themen?feld=${encodeURIComponent(feld)}`, { user: staff });
      expect(response.status).toBe(200);
      expect((await response.json()).fieldId).toBeNull();
    }
  });

  it("/vorlagen ignores unknown or over-long ?typ=, ?gremium=, ?jahr= and ?status=", async () => {
    const query = new URLSearchParams({ typ: LONG, gremium: `${NUL}${LONG}`, jahr: HUGE, status: NUL, seite: HUGE });
    expect((await callRoute(paperList.loader, `/vorlagen?${query}`, { user: staff })).status).toBe(200);
  });

  it("/suche answers an over-long query with 400 and a NUL query without error", async () => {
    expect((await callRoute(searchPage.loader, `/suche?q=${encodeURIComponent(LONG)}`, { user: staff })).status).toBe(400);
    expect((await callRoute(searchPage.loader, `/suche?q=${encodeURIComponent(`Chat${NUL}bot`)}`, { user: staff })).status).toBe(200);
  });
});
