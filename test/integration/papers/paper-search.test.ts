import { beforeAll, describe, expect, it } from "vitest";
import { search } from "../../../app/search/search.server";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { insertItems, insertMeeting } from "../meetings/meeting-helpers";
import { insertPaper } from "./paper-helpers";

let users: Record<"admin" | "staff" | "expert" | "council" | "visitor", TestUser | null>;

beforeAll(async () => {
  users = await createUsersForAllRoles();
  await insertPaper({ body: "Die Verwaltung soll einen Chatbot einrichten." });
  await insertPaper({
    reference: "BV/0087/2025",
    paperType: "Beschlussvorlage",
    name: "Teststellung Plattform Vertrag",
    body: "Haftung und Auftragsverarbeitung",
    isPublic: false,
  });
  const meeting = await insertMeeting({ name: "5. Sitzung" });
  await insertItems(meeting.id, [
    { number: "1", name: "Vorstellung der Chatbot-Lösung", description: "Ein Softwareanbieter präsentiert." },
    { number: "2", name: "Haftung der Anbieter", isPublic: false, description: "Vertraulich: Auftragsverarbeitung" },
  ]);
});

const titles = async (user: TestUser | null, text: string) =>
  (await search({ reader: user ? { id: user.id, role: user.role } : null, text, page: 1 })).hits.map((hit) => `${hit.type}:${hit.title}`);

describe("search over papers and agenda items", () => {
  it("finds papers and public agenda items with German stemming", async () => {
    const hits = await titles(null, "Chatbots");
    expect(hits).toEqual(
      expect.arrayContaining([expect.stringMatching(/^paper:AT\/0014\/2025: /), "agendaItem:TOP 1: Vorstellung der Chatbot-Lösung – 5. Sitzung"]),
    );
  });

  it.each(["admin", "staff", "expert", "council", "visitor"] as const)("shows non-public papers and items to the right readers (%s)", async (role) => {
    const hits = await titles(users[role], "Auftragsverarbeitung");
    const paper = hits.some((hit) => hit.startsWith("paper:BV/0087/2025"));
    const item = hits.some((hit) => hit.startsWith("agendaItem:TOP 2"));
    expect(paper).toBe(role !== "visitor");
    expect(item).toBe(role === "admin" || role === "staff" || role === "expert");
  });
});
