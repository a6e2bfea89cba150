// Leichte Sprache, Gebärdensprache and the privacy page's periods, through the routes' loaders.
import { afterEach, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { resetEnv } from "../../../app/env.server";
import { t } from "../../../app/i18n/de";
import { setSignLanguageVideoSource } from "../../../app/legal/sign-language.server";
import { SignLanguagePage } from "../../../app/legal/ui/sign-language-page";
import * as accessibility from "../../../app/routes/barrierefreiheit";
import * as easyLanguage from "../../../app/routes/leichte-sprache";
import * as privacy from "../../../app/routes/datenschutz";
import * as signLanguage from "../../../app/routes/gebaerdensprache";
import { callRoute } from "../../support/remix";

const PERIODS = {
  AUDIT_RETENTION_MONTHS: "18",
  MAIL_RETENTION_DAYS: "45",
  NOTIFICATION_RETENTION_DAYS: "60",
  INVITATION_RETENTION_DAYS: "14",
  JOB_RETENTION_DAYS: "21",
  DELETED_ACCOUNT_RETENTION_DAYS: "0",
  OPERATOR_EMAIL: "barrierefrei@musterstadt.example",
};
const VIDEO = { url: "/dokumente/42/dgs-portal.mp4", mimeType: "video/mp4", title: "Das Portal in DGS" };

afterEach(() => {
  for (const key of Object.keys(PERIODS)) delete process.env[key];
  resetEnv();
  setSignLanguageVideoSource(null);
});

type Section = { heading: string; paragraphs?: string[]; items?: string[]; lines?: string[] };
const textOf = (sections: Section[]) => sections.flatMap((s) => [s.heading, ...(s.paragraphs ?? []), ...(s.items ?? []), ...(s.lines ?? [])]).join("\n");

async function load(route: { loader: unknown }, url: string) {
  return (await callRoute(route.loader as never, url)).json();
}

describe("privacy page", () => {
  it("states every retention period from the same settings the purge job reads", async () => {
    Object.assign(process.env, PERIODS);
    resetEnv();
    const { operator } = await load(privacy, "/datenschutz");
    const text = textOf(t.legal.privacy.sections(operator));
    for (const expected of [
      "Protokolleinträge: 18 Monate",
      "45 Tage nach dem Versand",
      "60 Tage nach dem Lesen",
      "14 Tage nach Annahme, Widerruf oder Ablauf",
      "Hintergrundaufträge (z. B. Mailversand): gelöscht 21 Tage nach ihrem Abschluss",
      "beim nächsten nächtlichen Löschlauf nach der Kontolöschung",
      "Sitzungen (Anmeldungen): gültig bis 120 Minuten ohne Aktivität",
      "Links zum Zurücksetzen des Passworts: 60 Minuten gültig",
      "Anmeldeschritte zwischen Passwort und zweitem Faktor: 10 Minuten gültig",
      "Zähler fehlgeschlagener Anmeldungen",
      "jede Nacht um 03:30 Uhr",
    ]) {
      expect(text).toContain(expected);
    }
    for (const row of t.retention.rows(operator.retention)) expect(text).toContain(row.data);
  });
});

describe("Gebärdensprache", () => {
  it("says that no DGS video is offered yet and how to ask instead, and the statement says the same", async () => {
    const { video, operator } = await load(signLanguage, "/gebaerdensprache");
    expect(video).toBeNull();
    const html = renderToStaticMarkup(createElement(SignLanguagePage, { operator, video }));
    expect(html).not.toContain("<video");
    expect(html).toContain("Ein Video in Deutscher Gebärdensprache (DGS) bieten wir derzeit noch nicht an.");
    expect(html).toContain(operator.email);
    const statement = await load(accessibility, "/barrierefreiheit");
    expect(statement.offers).toEqual({ signLanguageVideo: false });
    const text = textOf(t.legal.accessibility.sections(statement.operator, statement.offers));
    expect(text).toContain("Informationen in Deutscher Gebärdensprache werden derzeit nicht angeboten.");
    expect(text).toContain("Ein Video in Deutscher Gebärdensprache gibt es noch nicht.");
    expect(text).not.toContain("Leichte Sprache und Informationen in Deutscher Gebärdensprache werden derzeit nicht angeboten");
  });

  it("shows the configured video with controls, and the statement and Leichte Sprache name it", async () => {
    setSignLanguageVideoSource(async () => VIDEO);
    const { video, operator } = await load(signLanguage, "/gebaerdensprache");
    expect(video).toEqual(VIDEO);
    const html = renderToStaticMarkup(createElement(SignLanguagePage, { operator, video }));
    expect(html).toContain('<video controls="" preload="metadata"');
    expect(html).toContain(`<source src="${VIDEO.url}" type="video/mp4"/>`);
    expect(html).toContain(`Video „${VIDEO.title}“ herunterladen`);
    expect(html).not.toContain("derzeit noch nicht an");
    const statement = await load(accessibility, "/barrierefreiheit");
    const text = textOf(t.legal.accessibility.sections(statement.operator, statement.offers));
    expect(text).toContain("Ein Video in Deutscher Gebärdensprache erklärt das Portal");
    expect(text).not.toContain("derzeit nicht angeboten");
    const easy = await load(easyLanguage, "/leichte-sprache");
    expect(textOf(t.easyLanguage.sections(easy.operator, easy.offers))).toContain("Es gibt ein Video in Deutscher Gebärden-Sprache.");
  });
});

describe("Leichte Sprache", () => {
  it("keeps to one short statement per line without abbreviations, and names the operator's contact", async () => {
    Object.assign(process.env, PERIODS);
    resetEnv();
    const { operator, offers } = await load(easyLanguage, "/leichte-sprache");
    const sections = t.easyLanguage.sections(operator, offers);
    const contact = [operator.email, operator.phone, operator.address];
    for (const line of sections.flatMap((section) => section.lines)) {
      expect(line, line).not.toMatch(/\b(z\. ?B\.|bzw\.|usw\.|ggf\.|d\. ?h\.|ca\.|DGS|BITV|DSGVO)/);
      if (contact.some((value) => line.includes(value))) continue;
      expect(line, `${line}: eine Aussage je Zeile`).not.toMatch(/[.?!]\s/);
      expect(line.split(/\s+/).length, line).toBeLessThanOrEqual(13);
    }
    expect(textOf(sections)).toContain("barrierefrei@musterstadt.example");
    expect(sections.map((section) => section.heading)).toEqual([
      "Was ist der Digital-Beirat?",
      "Was ist dieses Portal?",
      "Was finden Sie wo?",
      "So benutzen Sie das Portal",
      "Anmelden",
      "Ihre Daten",
      "Ist das Portal barriere-frei?",
      "Haben Sie ein Problem mit dem Portal?",
    ]);
  });
});
