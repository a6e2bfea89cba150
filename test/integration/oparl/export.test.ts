import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_LOGINS } from "../../../db/seed/accounts";
import { startServer, type RunningServer } from "../../support/server";
import { getOparl, postForm, signIn, walkList } from "./oparl-client";
import { validateListPage, validateOparlObject } from "./oparl-schema";

let server: RunningServer;
let base: string;
const login = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;

beforeAll(async () => {
  // BENCH_QUERY_LOG makes the server report each request's SQL statement count (X-Query-Count).
  server = await startServer(inject("pgTemplate"), { demo: true, env: { BENCH_QUERY_LOG: "1" } });
  base = `${server.url}/oparl/v1`;
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const LISTS = ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "legislativeTermList", "locationList", "membership"];

describe("OParl export on the demo data", () => {
  it("starts at the System and reaches a Body with every list OParl 1.1 requires", async () => {
    const system = await getOparl(base);
    expect(system.status).toBe(200);
    expect(system.json).toMatchObject({ id: base, type: "https://schema.oparl.org/1.1/System", oparlVersion: "https://schema.oparl.org/1.1/" });
    expect(validateOparlObject(system.json)).toEqual([]);
    const bodies = await getOparl(system.json.body);
    expect(validateListPage(bodies.json)).toEqual([]);
    const body = bodies.json.data[0];
    for (const list of LISTS) expect(body[list], list).toMatch(new RegExp(`^${base}/body/1/`));
    expect(body.legislativeTerm[0]).toMatchObject({ type: "https://schema.oparl.org/1.1/LegislativeTerm", startDate: "2024-07-01" });
    expect(body.license).toMatch(/^https:\/\//);
    expect((await getOparl(body.id)).json).toEqual(body);
  });

  it("tells the Koblenz story: AT/0014/2025, ST/0020/2025 in the Stadtrat on 06.02.2025, and EM/0001/2025 answering both", async () => {
    const { data: papers } = await walkList(`${base}/body/1/paper`);
    const byReference = Object.fromEntries(papers.map((p: any) => [p.reference, p]));
    const antrag = byReference["AT/0014/2025"];
    const statement = byReference["ST/0020/2025"];
    const recommendation = byReference["EM/0001/2025"];
    expect(antrag).toMatchObject({ paperType: "Antrag", date: "2025-01-21" });
    expect(statement).toMatchObject({ paperType: "Stellungnahme", date: "2025-02-05", "digitalbeirat:underDirectionOf": "Dezernat 1" });
    // Imported shape: the source object and its RIS page; the portal page under a vendor key.
    expect(statement["digitalbeirat:source"]).toMatch(/^https:\/\/ris\.example\.org\/.+\/paper\/ST-0020-2025$/);
    expect(statement.web).toMatch(/^https:\/\/ris\.example\.org\//);
    expect(statement["digitalbeirat:web"]).toBe(`${server.url}/vorlagen/ST-0020-2025`);
    expect(statement.relatedPaper).toEqual(expect.arrayContaining([antrag.id, recommendation.id]));
    const stadtrat = statement.consultation.find((c: any) => c["digitalbeirat:date"] === "2025-02-06");
    expect(stadtrat).toMatchObject({ role: "Entscheidung", authoritative: true, "digitalbeirat:result": "zur Kenntnis genommen" });
    const meeting = await getOparl(stadtrat.meeting);
    expect(meeting.json).toMatchObject({ name: "Sitzung des Stadtrats", start: "2025-02-06T14:00:00+00:00" });
    const organization = await getOparl(stadtrat.organization[0]);
    expect(organization.json.name).toBe("Stadtrat");
    expect(recommendation).toMatchObject({ paperType: "Empfehlung des Digitalbeirats", web: expect.stringMatching(/\/empfehlungen\/\d+$/) });
    expect(recommendation.relatedPaper).toEqual([antrag.id, statement.id]);
    expect(recommendation.originatorOrganization).toHaveLength(1);
    // A hand-made paper: web is the portal page, no source.
    expect(byReference["MI/0041/2025"]).toMatchObject({ web: `${server.url}/vorlagen/MI-0041-2025` });
    expect(byReference["MI/0041/2025"]["digitalbeirat:source"]).toBeUndefined();
  });

  it("walks from the System through every URL without dangling references, duplicates or schema violations", async () => {
    const seen = new Map<string, any>();
    const queue = [base];
    const listIds = new Map<string, Set<string>>();
    let requests = 0;
    while (queue.length > 0 && requests < 400) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      requests += 1;
      const { status, json } = await getOparl(url);
      expect(status, `dangling reference ${url}`).toBe(200);
      seen.set(url, json);
      const objects: any[] = [];
      if (Array.isArray(json.data)) {
        expect(validateListPage(json), url).toEqual([]);
        const listKey = url.split("?")[0];
        const ids = listIds.get(listKey) ?? new Set<string>();
        for (const object of json.data) {
          expect(ids.has(object.id), `duplicate ${object.id} in ${listKey}`).toBe(false);
          ids.add(object.id);
          objects.push(object);
        }
        listIds.set(listKey, ids);
        if (json.links.next) queue.push(json.links.next);
      } else {
        expect(validateOparlObject(json), url).toEqual([]);
        if (json.id !== url) expect(json.id, "an object answers under its own id").toBe(url);
        objects.push(json);
      }
      const text = JSON.stringify(objects);
      for (const match of text.matchAll(new RegExp(`"(${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^"]*)"`, "g"))) {
        const target = match[1];
        if (!target.includes("?") && !seen.has(target)) queue.push(target);
      }
    }
    expect(queue.filter((url) => !seen.has(url))).toEqual([]);
    expect(listIds.get(`${base}/body/1/meeting`)?.size).toBeGreaterThanOrEqual(3);
    expect(listIds.get(`${base}/body/1/person`)?.size).toBe(1);
  }, 120_000);

  it("exports nothing internal: no board-internal topics, non-public items, drafts, votes or persons without consent", async () => {
    const texts: string[] = [];
    for (const list of ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "legislativeTerm", "location", "membership"]) {
      const { pages } = await walkList(`${base}/body/1/${list}`);
      texts.push(JSON.stringify(pages));
    }
    const everything = texts.join("\n");
    for (const secret of [
      "BV/0087/2025", // non-public paper
      "Teststellung einer KI-Plattform: Vereinbarung",
      "Angebote und Preise der Anbieter", // non-public agenda items
      "Lagebild IT-Sicherheit",
      "Vertragsfragen",
      "Vertraulich",
      "KI-Plattform: Teststellung mit messbaren Erfolgskriterien", // draft recommendation
      "IT-Sicherheit in der Stadtverwaltung", // internal topic
      "/bewertungsrunden",
      "/themen/", // rating rounds and topics are never linked (the published text may name a round)
      "Jonas Wagner",
      "Leyla Özdemir",
      "Stefan Hoffmann",
      "Miriam Schulz", // no consent
      "Markus Schneider",
      "Petra Admin",
      "Thomas Becker", // staff, admin, council are not board members
      "@demo.digitalbeirat.de",
      "befangen",
      "enthaltung",
      "yesCount",
      "quorum",
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
    expect(everything).toContain("Dr. Anna Keller"); // the demo expert consented
    // The public agenda of the 5th meeting counts only public items.
    const { data: meetings } = await walkList(`${base}/body/1/meeting`);
    const fifth = meetings.find((m: any) => m.name === "5. Sitzung des Digitalbeirats");
    expect(fifth.agendaItem.map((i: any) => i.order)).toEqual(fifth.agendaItem.map((_: any, index: number) => index + 1));
  });

  it("answers every role the same: a session adds nothing to the export", async () => {
    const visitor = (await getOparl(`${base}/body/1/paper?limit=200`)).text;
    for (const role of ["admin", "staff", "expert", "council"]) {
      const cookie = await signIn(server.url, login(role).email, login(role).password);
      const asRole = await getOparl(`${base}/body/1/paper?limit=200`, { Cookie: cookie });
      expect(asRole.text, role).toBe(visitor);
      const agenda = await getOparl(`${base}/body/1/agendaItem?limit=200`, { Cookie: cookie });
      expect(agenda.text).not.toContain("Angebote und Preise");
    }
  });

  it("pages with limit, keeps filters in every link, and refuses bad parameters as OParl errors", async () => {
    const all = await walkList(`${base}/body/1/paper?limit=200`);
    const since = "2000-01-01T00:00:00+01:00";
    const paged = await walkList(`${base}/body/1/paper?created_since=${encodeURIComponent(since)}&limit=2`);
    expect(paged.pages.length).toBe(Math.ceil(all.data.length / 2));
    expect(paged.data.map((p: any) => p.id)).toEqual(all.data.map((p: any) => p.id));
    for (const page of paged.pages) {
      for (const link of Object.values(page.links) as string[]) {
        expect(link).toContain("created_since=2000-01-01T00%3A00%3A00%2B01%3A00");
        expect(link).toContain("limit=2");
      }
    }
    expect(paged.pages[1].links.prev).toBe(paged.pages[0].links.self);
    const future = await getOparl(`${base}/body/1/paper?modified_since=${encodeURIComponent("2999-01-01T00:00:00+00:00")}`);
    expect(future.json.data).toEqual([]);
    const huge = await getOparl(`${base}/body/1/paper?limit=100000`);
    expect(huge.json.pagination.elementsPerPage).toBe(200);
    for (const bad of ["modified_since=gestern", "created_until=2025-01-01", "limit=0", "page=-1"]) {
      const answer = await getOparl(`${base}/body/1/paper?${bad}`);
      expect(answer.status, bad).toBe(400);
      expect(answer.json).toMatchObject({ type: "https://schema.oparl.org/1.1/Error", message: expect.any(String) });
    }
    const missing = await getOparl(`${base}/paper/999999`);
    expect(missing.status).toBe(404);
    expect(missing.json.type).toBe("https://schema.oparl.org/1.1/Error");
    const post = await fetch(`${base}/body/1/paper`, { method: "POST", headers: { Origin: server.url } });
    expect(post.status).toBe(405);
    expect(post.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers a list page with a constant number of SQL statements, whatever its size", async () => {
    for (const list of ["paper", "meeting", "agendaItem", "consultation", "organization", "person"]) {
      const counts: number[] = [];
      for (const limit of [1, 200]) {
        const response = await fetch(`${base}/body/1/${list}?limit=${limit}`);
        counts.push(Number(response.headers.get("x-query-count")));
      }
      expect(counts[0], list).toBeGreaterThan(0);
      expect(counts[1], list).toBeLessThanOrEqual(counts[0] + 2); // a page with both kinds of paper adds their loaders, no more
      expect(counts[1], list).toBeLessThanOrEqual(8);
    }
  });

  it("reports a withdrawn consent as a deleted Person under modified_since, and not without it", async () => {
    const expert = login("expert");
    const before = new Date(Date.now() - 2000).toISOString().replace(/\.\d+Z$/, "+00:00");
    const { data: people } = await walkList(`${base}/body/1/person`);
    expect(people).toHaveLength(1);
    const cookie = await signIn(server.url, expert.email, expert.password);
    const saved = await postForm(`${server.url}/konto`, cookie, { intent: "oparl-consent" });
    expect(saved.status).toBe(200);
    expect((await walkList(`${base}/body/1/person`)).data).toEqual([]);
    const changes = await walkList(`${base}/body/1/person?modified_since=${encodeURIComponent(before)}`);
    expect(changes.data).toEqual([
      { id: people[0].id, type: "https://schema.oparl.org/1.1/Person", created: people[0].created, modified: expect.any(String), deleted: true },
    ]);
    const single = await getOparl(people[0].id);
    expect(single.status).toBe(200);
    expect(single.json.deleted).toBe(true);
    const membership = await getOparl(people[0].membership[0].id);
    expect(membership.json.deleted).toBe(true);
    const exported = await fetch(`${server.url}/konto/export`, { headers: { Cookie: cookie } });
    expect((await exported.json()).oparlConsent).toEqual({ personInOparlExport: false, consentGivenAt: null });
    await postForm(`${server.url}/konto`, cookie, { intent: "oparl-consent", consent: "on" });
    expect((await walkList(`${base}/body/1/person`)).data).toHaveLength(1);
  });
  it("moves a meeting's modified when staff write the minutes of an embedded agenda item, and lists it under modified_since", async () => {
    const staff = login("staff");
    const cookie = await signIn(server.url, staff.email, staff.password);
    const { data: meetings } = await walkList(`${base}/body/1/meeting?limit=200`);
    const board = meetings.filter((m: any) => /\/meeting\/\d+$/.test(m.id) && (m.agendaItem ?? []).length > 0);
    let changed: { meeting: any; item: any } | null = null;
    for (const meeting of board) {
      const portalId = meeting.id.split("/").pop();
      const item = meeting.agendaItem[0];
      const saved = await postForm(`${server.url}/sitzungen/${portalId}/protokoll`, cookie, {
        intent: "minutes",
        itemId: item.id.split("/").pop(),
        minutes: "Im OParl-Test ergänzt.",
        result: "zur Kenntnis genommen",
      });
      if (saved.status === 302) {
        changed = { meeting, item };
        break;
      }
      expect(saved.status, `minutes of ${meeting.id}`).toBe(409); // only held meetings take minutes
    }
    expect(changed, "a held board meeting with a public item").not.toBeNull();
    const { meeting, item } = changed!;
    const after = (await getOparl(meeting.id)).json;
    expect(validateOparlObject(after)).toEqual([]);
    expect(Date.parse(after.modified)).toBeGreaterThan(Date.parse(meeting.modified));
    const embedded = after.agendaItem.find((candidate: any) => candidate.id === item.id);
    expect(Date.parse(embedded.modified)).toBeGreaterThan(Date.parse(item.modified));
    expect(Date.parse(after.modified)).toBeGreaterThanOrEqual(Date.parse(embedded.modified));
    const since = encodeURIComponent(new Date(Date.parse(embedded.modified) - 1000).toISOString().replace(/\.\d+Z$/, "+00:00"));
    expect((await walkList(`${base}/body/1/meeting?modified_since=${since}`)).data.map((m: any) => m.id)).toContain(meeting.id);
    expect((await walkList(`${base}/body/1/agendaItem?modified_since=${since}`)).data.map((i: any) => i.id)).toContain(item.id);
  });
});
