import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { seedDemo } from "../../../db/seed/index";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import * as meetingList from "../../../app/routes/sitzungen._index";
import * as meetingPage from "../../../app/routes/sitzungen.$id._index";
import { markdownToText } from "../../../app/lib/markdown.server";
import { callRoute, jsonOf } from "../../support/remix";

const reference = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/ST-0020-2025.txt"), "utf8");
const words = (text: string) => text.replace(/\s+/g, " ").trim();
// markdownToText leaves HTML entities in place; the reference is plain text.
const plain = (markdown: string) =>
  markdownToText(markdown)
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

beforeAll(async () => {
  await seedDemo(db);
}, 120_000);

describe("the Koblenz demo story", () => {
  it("has ST/0020/2025 word for word as the council published it", async () => {
    const page = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/ST-0020-2025", { params: { reference: "ST-0020-2025" } }));
    const { paper } = page;
    expect(paper).toMatchObject({
      paperType: "Stellungnahme",
      date: "2025-02-05",
      underDirectionOf: "Dezernat 1",
      originator: "10-Amt für Personal und Organisation",
      fileNumber: "10",
    });
    expect(reference).toContain(paper.name);
    const text = reference.split("Stellungnahme:")[1].split("Beschlussempfehlung:");
    expect(words(plain(paper.body))).toBe(words(text[0]));
    expect(words(plain(paper.resolutionRecommendation))).toBe(words(text[1]));
    expect(paper.answers.map((p: { reference: string }) => p.reference)).toEqual(["AT/0014/2025"]);
    expect(page.steps.map((s: { organizationName: string; date: string | null; result: string | null }) => [s.organizationName, s.date, s.result])).toEqual([
      ["Stadtrat", "2025-02-06", "kenntnis"],
      ["Haupt- und Finanzausschuss", null, null],
    ]);
  });

  it("traces AT/0014/2025 to the Stadtrat, the statement and the board", async () => {
    const page = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/AT-0014-2025", { params: { reference: "AT-0014-2025" } }));
    expect(page.paper.name).toBe("Stadtverwaltung entlasten, Chatbot „Schängel“ einrichten, Kooperation mit Aleph Alpha anstreben");
    expect(page.paper.originator).toBe("AfD-Ratsfraktion");
    expect(page.paper.status).toBe("erledigt");
    expect(page.related).toEqual([expect.objectContaining({ reference: "ST/0020/2025", direction: "answeredBy" })]);
    expect(page.boardItems.map((i: { meetingName: string }) => i.meetingName)).toEqual(["4. Sitzung des Digitalbeirats"]);
  });

  it("has the vendor presentation on the next meeting, with a non-public part", async () => {
    const list = await jsonOf(await callRoute(meetingList.loader, "/sitzungen"));
    const next = list.meetings[0];
    expect(next.name).toBe("5. Sitzung des Digitalbeirats");
    const page = await jsonOf(await callRoute(meetingPage.loader, `/sitzungen/${next.id}`, { params: { id: String(next.id) } }));
    const names = page.items.map((i: { name: string | null }) => i.name);
    expect(names).toContain("Vorstellung einer Chatbot-Lösung durch einen Softwareanbieter");
    expect(names).toContain(null);
    const past = await jsonOf(await callRoute(meetingList.loader, "/sitzungen?zeit=vergangen"));
    const held = past.meetings.find((m: { name: string }) => m.name === "4. Sitzung des Digitalbeirats");
    const heldPage = await jsonOf(await callRoute(meetingPage.loader, `/sitzungen/${held.id}`, { params: { id: String(held.id) } }));
    expect(heldPage.items[1].minutesHtml).toContain("grundsätzlich positiv");
    expect(heldPage.attendees.length).toBeGreaterThan(3);
  });
});
