import { afterEach, describe, expect, it } from "vitest";
import { resetEnv } from "../../../app/env.server";
import { legal } from "../../../app/i18n/de/legal";
import * as privacy from "../../../app/routes/datenschutz";
import * as imprint from "../../../app/routes/impressum";
import * as accessibility from "../../../app/routes/barrierefreiheit";
import { callRoute } from "../../support/remix";

const CONFIGURED = {
  OPERATOR_NAME: "Stadtverwaltung Musterstadt",
  OPERATOR_ADDRESS: "Rathausplatz 1, 55555 Musterstadt",
  OPERATOR_EMAIL: "beirat@musterstadt.example",
  OPERATOR_PHONE: "01234 5678",
  OPERATOR_REPRESENTATIVE: "Oberbürgermeisterin Erika Muster",
  DATA_PROTECTION_OFFICER: "Datenschutz Musterstadt, dsb@musterstadt.example",
  SESSION_IDLE_MINUTES: "45",
};

afterEach(() => {
  for (const key of Object.keys(CONFIGURED)) delete process.env[key];
  resetEnv();
});

function pageText(sections: Array<{ heading: string; paragraphs: string[]; items?: string[] }>) {
  return sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.items ?? [])]).join("\n");
}

describe("legal pages", () => {
  it("state the configured operator, data protection officer and lifetimes", async () => {
    Object.assign(process.env, CONFIGURED);
    resetEnv();
    const { operator } = await (await callRoute(privacy.loader as never, "/datenschutz")).json();
    const privacyText = pageText(legal.privacy.sections(operator));
    for (const expected of [
      "Stadtverwaltung Musterstadt",
      "Rathausplatz 1, 55555 Musterstadt",
      "dsb@musterstadt.example",
      "Art. 6 Abs. 1 Buchst. e DSGVO",
      "§ 3 Landesdatenschutzgesetz Rheinland-Pfalz",
      "nach 45 Minuten",
      "Art. 77 DSGVO",
    ]) {
      expect(privacyText).toContain(expected);
    }
    const imprintText = pageText(legal.imprint.sections((await (await callRoute(imprint.loader as never, "/impressum")).json()).operator));
    expect(imprintText).toContain("Oberbürgermeisterin Erika Muster");
    expect(imprintText).toContain("01234 5678");
    const a11yData = await (await callRoute(accessibility.loader as never, "/barrierefreiheit")).json();
    const a11yText = pageText(legal.accessibility.sections(a11yData.operator, a11yData.offers));
    for (const expected of ["BITV 2.0", "beirat@musterstadt.example", "Durchsetzungsstelle", "Schlichtung"]) expect(a11yText).toContain(expected);
  });
});
