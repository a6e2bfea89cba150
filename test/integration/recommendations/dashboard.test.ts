import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { recommendations, users } from "../../../db/schema";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import * as index from "../../../app/routes/_index";
import { createDecided, createPaper } from "./recommendation-fixtures";

let council: TestUser;
let olderId: number;
let newerId: number;

beforeAll(async () => {
  const staff = await createUser("staff");
  const author = await createUser("expert");
  council = await createUser("council");
  await createPaper({ reference: "AT/0501/2025" });
  await createPaper({ reference: "AT/0502/2025", decided: true });
  olderId = await createDecided({ author, staff, voters: [author] }, { isPublic: false }, { title: "Ältere Empfehlung", papers: ["AT/0501/2025"] });
  newerId = await createDecided(
    { author, staff, voters: [author] },
    { isPublic: false },
    { title: "Neue Empfehlung", papers: ["AT/0501/2025", "AT/0502/2025"] },
  );
  const lastVisit = new Date(Date.now() - 3600_000);
  await db
    .update(recommendations)
    .set({ publishedAt: new Date(lastVisit.getTime() - 86_400_000) })
    .where(eq(recommendations.id, olderId));
  await db.update(users).set({ previousVisitAt: lastVisit }).where(eq(users.id, council.id));
});

describe("council dashboard", () => {
  it("lists recommendations published since the previous visit and papers still awaiting the council", async () => {
    const data = await (await callRoute(index.loader, "/", { user: council })).json();
    expect(data.councilView.fresh.map((r: { id: number }) => r.id)).toEqual([newerId]);
    const awaiting = data.councilView.awaiting.map((a: { paperReference: string; recommendationId: number }) => `${a.paperReference}#${a.recommendationId}`);
    // AT/0502/2025 has the council's decision recorded: no longer awaiting.
    expect(awaiting.sort()).toEqual([`AT/0501/2025#${newerId}`, `AT/0501/2025#${olderId}`].sort());
    expect(data.councilView.awaiting[0].paperPath).toBe("/vorlagen/AT-0501-2025");
  });

  it("is only loaded for council members", async () => {
    const expert = await createUser("expert");
    expect((await (await callRoute(index.loader, "/", { user: expert })).json()).councilView).toBeNull();
    expect((await (await callRoute(index.loader, "/", { user: null })).json()).councilView).toBeNull();
  });
});
