import { beforeAll, describe, expect, it } from "vitest";
import * as resultsCsv from "../../../app/routes/bewertungsrunden.$id.ergebnisse[.]csv";
import * as rawCsv from "../../../app/routes/bewertungsrunden.$id.einzelbewertungen[.]csv";
import { csvCell } from "../../../app/ratings/csv.server";
import { saveScores } from "../../../app/ratings/scores.server";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { close, createOpenRound, score } from "./rating-fixtures";

let staff: TestUser;
let experts: TestUser[];
let round: Awaited<ReturnType<typeof createOpenRound>>;

beforeAll(async () => {
  staff = await createUser("staff");
  experts = await Promise.all([createUser("expert"), createUser("expert")]);
  round = await createOpenRound({
    staff,
    criteria: [
      ["A", 75],
      ["B", 25],
    ],
    proposals: ["P1", "P2"],
    knockout: { title: "AVV", failing: ["P2"] },
  });
  await saveScores({
    roundId: round.roundId,
    proposalId: round.proposals.P1,
    rater: experts[0],
    entries: [
      { criterionId: round.criteria.A, score: 9, reason: '=HYPERLINK("x"); sehr gut\nzweite Zeile' },
      { criterionId: round.criteria.B, score: 6, reason: "" },
    ],
  });
  await score(round.roundId, experts[1], round.proposals.P1, round.criteria, { A: 6, B: 4 });
  await close(round.roundId, staff);
});

const get = (route: typeof resultsCsv | typeof rawCsv) => callRoute(route.loader, "/x", { user: experts[0], params: { id: String(round.roundId) } });

describe("CSV exports", () => {
  it("exports results for German Excel: UTF-8 with BOM, semicolons, decimal commas", async () => {
    const response = await get(resultsCsv);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="bewertungsrunde-\d+-ergebnisse\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Rang;Vorschlag;Anbieter;Mittelwert Nutzwert;Median Nutzwert;Bewertende;Standardabweichung;Status;Kriterium A (75 %) Mittelwert;Kriterium B (25 %) Mittelwert",
    );
    // P1: (9·75 + 6·25)/100 = 8.25 and (6·75 + 4·25)/100 = 5.5 → mean 6.875, median 6.875
    expect(lines[1]).toBe("1;P1;P1 GmbH;6,88;6,88;2;1,94;;7,50;5,00");
    expect(lines[2]).toBe(";P2;P2 GmbH;;;0;;ausgeschlossen: AVV nicht erfüllt;;");
  });

  it("exports raw scores under pseudonyms, with no names or ids, quoting and defusing formulas", async () => {
    const response = await get(rawCsv);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    for (const expert of experts) {
      expect(text).not.toContain(expert.name);
      expect(text).not.toContain(expert.email);
    }
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("Bewertende Person;Vorschlag;Anbieter;Kriterium;Gewicht (%);Punkte;Begründung");
    expect(text).toContain(`;Kriterium A;75;9;"'=HYPERLINK(""x""); sehr gut\nzweite Zeile"`);
    const people = new Set(
      text
        .split("\r\n")
        .slice(1)
        .filter((l) => l.startsWith("Person"))
        .map((l) => l.split(";")[0]),
    );
    expect([...people].sort()).toEqual(["Person A", "Person B"]);
  });

  it("quotes cells with separators, quotes and line breaks", () => {
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('sagt "ja"')).toBe('"sagt ""ja"""');
    expect(csvCell("+49 261")).toBe("'+49 261");
    expect(csvCell("plain")).toBe("plain");
  });
});
