import { describe, expect, it } from "vitest";
import { SCHEMAS, validateListPage, validateOparlObject } from "./oparl-schema";

const BASE = "https://portal.example/oparl/v1";
const STAMPS = { created: "2025-02-05T10:00:00+01:00", modified: "2025-02-07T10:00:00+01:00" };
const paper = {
  id: `${BASE}/paper/1`,
  type: "https://schema.oparl.org/1.1/Paper",
  name: "Stellungnahme der Verwaltung",
  reference: "ST/0020/2025",
  date: "2025-02-05",
  consultation: [{ id: `${BASE}/consultation/1`, type: "https://schema.oparl.org/1.1/Consultation", role: "Kenntnisnahme", ...STAMPS }],
  ...STAMPS,
};

/** The checker the export and import tests rely on finds what it must find. */
describe("the OParl schema check", () => {
  it("reads the twelve object schemas vendored from OParl/spec", () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual(
      [
        "AgendaItem",
        "Body",
        "Consultation",
        "File",
        "LegislativeTerm",
        "Location",
        "Meeting",
        "Membership",
        "Organization",
        "Paper",
        "Person",
        "System",
      ].sort(),
    );
    expect(SCHEMAS.Body.required).toContain("legislativeTerm");
  });

  it("accepts a conforming Paper with an embedded Consultation and vendor fields", () => {
    expect(validateOparlObject({ ...paper, "digitalbeirat:source": "https://ris.example/paper/1" })).toEqual([]);
  });

  it.each([
    ["a date in German form", { ...paper, date: "05.02.2025" }, /format/],
    ["a date-time without offset", { ...paper, modified: "2025-02-07T10:00:00" }, /format/],
    ["a list of URLs given as one string", { ...paper, relatedPaper: `${BASE}/paper/2` }, /must be array/],
    ["a 1.0 type", { ...paper, type: "https://schema.oparl.org/1.0/Paper" }, /unbekannter type/],
    ["an empty optional list", { ...paper, relatedPaper: [] }, /leere Liste/],
    ["null for an optional field", { ...paper, paperType: null }, /leer/],
    ["a property OParl does not know", { ...paper, status: "beraten" }, /keine OParl-Eigenschaft/],
    ["an embedded object without its type", { ...paper, consultation: [{ id: `${BASE}/consultation/1`, ...STAMPS }] }, /required|unbekannter|type/],
    [
      "an embedded Consultation with organization as a string",
      { ...paper, consultation: [{ ...paper.consultation[0], organization: `${BASE}/organization/1` }] },
      /must be array/,
    ],
    ["no modified", { ...paper, modified: undefined }, /modified fehlt|must be string/],
  ])("refuses %s", (_label, object, reason) => {
    const problems = validateOparlObject(JSON.parse(JSON.stringify(object)));
    expect(problems.join("\n")).toMatch(reason);
  });

  it("refuses a Meeting whose embedded agenda item has no order (required by AgendaItem.json)", () => {
    const meeting = {
      id: `${BASE}/meeting/1`,
      type: "https://schema.oparl.org/1.1/Meeting",
      name: "Sitzung",
      agendaItem: [{ id: `${BASE}/agendaItem/1`, type: "https://schema.oparl.org/1.1/AgendaItem", name: "Begrüßung", ...STAMPS }],
      ...STAMPS,
    };
    expect(validateOparlObject(meeting).join("\n")).toMatch(/order/);
    meeting.agendaItem[0] = { ...meeting.agendaItem[0], order: 1 } as (typeof meeting.agendaItem)[0];
    expect(validateOparlObject(meeting)).toEqual([]);
  });

  it("takes a tombstone with id, type, created, modified and deleted, and nothing more", () => {
    const tombstone = { id: `${BASE}/agendaItem/7`, type: "https://schema.oparl.org/1.1/AgendaItem", deleted: true, ...STAMPS };
    expect(validateOparlObject(tombstone)).toEqual([]);
    expect(validateOparlObject({ ...tombstone, name: "Vertraulich" }).join("\n")).toMatch(/gelöschtes AgendaItem mit name/);
    expect(validateOparlObject({ ...tombstone, created: undefined }).join("\n")).toMatch(/created/);
  });

  it("checks every object of a list page", () => {
    expect(validateListPage({ data: [paper], pagination: {}, links: {} })).toEqual([]);
    expect(validateListPage({ data: [{ ...paper, date: "gestern" }], pagination: {}, links: {} })).toHaveLength(1);
    expect(validateListPage({ data: [] })).toEqual(["pagination fehlt", "links fehlt"]);
  });
});
