import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { documentContents, documents, documentVersions, jobs, papers } from "../../../db/schema";
import { resetEnv } from "../../../app/env.server";
import { readContent } from "../../../app/documents/storage.server";
import { FETCH_FILE_JOB } from "../../../app/oparl/import/files.server";
import { enqueueSync, runQueuedSyncs, saveSourceSetting } from "../../../app/oparl/import/runs.server";
import * as oparlRoute from "../../../app/routes/oparl.v1.$";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import { search } from "../../../app/search/search.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { lastSyncRun, startFixtureRis, type FixtureRis } from "./fixture-ris";

let ris: FixtureRis;
const WORKER = { backoffMs: 5, retries: 1, timeoutMs: 5000 };
const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");
const textBytes = readFileSync(path.join(FIXTURES, "oparl/ris/files/anlage.txt"));
const pdfBytes = readFileSync(path.join(FIXTURES, "documents/text.pdf"));
const sha512 = (bytes: Buffer) => createHash("sha512").update(bytes).digest("hex");
const KINDS = [FETCH_FILE_JOB, "documents.extract_text"];

async function sync() {
  await enqueueSync({ actorId: null, trigger: "manual" });
  await runQueuedSyncs(WORKER);
  return lastSyncRun();
}
const fileRequests = () => ris.requests.filter((key) => key.startsWith("/oparl/files/"));
const documentOf = async (n: number) =>
  (
    await db
      .select()
      .from(documents)
      .where(eq(documents.importedFrom, `${ris.url}/oparl/file/${n}`))
  )[0];
const versionsOf = (documentId: number) => db.select().from(documentVersions).where(eq(documentVersions.documentId, documentId));
const oparl = async (p: string) => {
  const response = await callRoute(oparlRoute.loader, `/oparl/v1/${p}`, { params: { "*": p.split("?")[0] } });
  return { status: response.status, json: (await response.json()) as any };
};
const page = async () => jsonOf(await callRoute(paperPage.loader, "/vorlagen/BV-0050-2025", { params: { reference: "BV-0050-2025" } }));
const fetchJobs = () => db.select().from(jobs).where(eq(jobs.kind, FETCH_FILE_JOB));

beforeAll(async () => {
  process.env.FILE_MAX_MB = "1";
  resetEnv();
  ris = await startFixtureRis();
  ris.state = "files1";
  const admin = await createUser("admin");
  await saveSourceSetting({ actorId: admin.id, systemUrl: ris.systemUrl, bodyUrl: null });
});
afterAll(async () => {
  delete process.env.FILE_MAX_MB;
  resetEnv();
  await ris?.close();
});

describe("files of imported papers", () => {
  it("records the files in the sync and fetches each by its own job: content, type and checksum checked, text searchable", async () => {
    ris.failures.set("/oparl/files/anlage.txt", 1); // the file's URL is down for the first attempt
    const run = await sync();
    expect(run.state).toBe("succeeded");
    expect(run.counts.file).toEqual({ created: 5, updated: 0, unchanged: 0, deleted: 0, refused: 1 });
    expect(run.problems).toContainEqual(expect.objectContaining({ list: "file", id: `${ris.url}/oparl/file/54` }));
    expect(fileRequests()).toEqual([]); // no byte fetched inside the sync
    expect(await fetchJobs()).toHaveLength(5);

    await runDueJobs({ kinds: KINDS });
    const text = await documentOf(51);
    const [outage] = (await fetchJobs()).filter((job) => job.payload.documentId === text.id);
    expect(outage).toMatchObject({ state: "pending", attempts: 1 });
    expect(outage.lastError).toContain("HTTP 500");
    expect(await versionsOf(text.id)).toEqual([]);
    // The backoff is over: the retry fetches it.
    await db
      .update(jobs)
      .set({ runAt: sql`now()` })
      .where(eq(jobs.id, outage.id));
    await runDueJobs({ kinds: KINDS });
    expect((await fetchJobs()).map((job) => job.state)).toEqual(["done", "done", "done", "done", "done"]);

    const [textVersion] = await versionsOf(text.id);
    expect(textVersion).toMatchObject({ mimeType: "text/plain", fileName: "anlage.txt", size: textBytes.length, sha512: sha512(textBytes), textState: "done" });
    expect(await readContent(textVersion.contentId)).toEqual(textBytes);
    const [pdfVersion] = await versionsOf((await documentOf(50)).id);
    expect(pdfVersion).toMatchObject({ mimeType: "application/pdf", fileName: "vorlage.pdf", size: pdfBytes.length, sha512: sha512(pdfBytes) });

    const refusals: Record<number, RegExp> = { 52: /HTML- und SVG/, 53: /größer als 1 MB|höchstens 1 MB/, 55: /Prüfsumme/ };
    const finished = await lastSyncRun();
    for (const [n, reason] of Object.entries(refusals)) {
      const document = await documentOf(Number(n));
      expect(document.importSource).toMatchObject({ state: "refused", reason: expect.stringMatching(reason) });
      expect(await versionsOf(document.id)).toEqual([]);
      expect(finished.problems).toContainEqual({ list: "file", id: `${ris.url}/oparl/file/${n}`, reason: expect.stringMatching(reason) });
    }
    expect(await db.select().from(documentContents).where(eq(documentContents.complete, false))).toEqual([]); // refused bytes are gone

    const shown = (await page()).documents.items;
    expect(shown.map((item: any) => [item.label, item.role, item.current.uploadedBy])).toEqual([
      ["Vorlage", "main", "Ratsinformationssystem"],
      ["Anlage 1 – Erläuterung", "auxiliary", "Ratsinformationssystem"],
    ]);
    const hits = (await search({ reader: null, text: "Leerrohrtrasse", page: 1 })).hits;
    expect(hits.filter((hit) => hit.type === "document")).toHaveLength(1);

    const [paper] = await db.select().from(papers).where(eq(papers.reference, "BV/0050/2025"));
    const exported = (await oparl(`paper/${paper.id}`)).json;
    expect(exported.mainFile).toMatchObject({ name: "Vorlage", mimeType: "application/pdf", "digitalbeirat:source": `${ris.url}/oparl/file/50` });
    expect(exported.auxiliaryFile).toEqual([
      expect.objectContaining({ name: "Anlage 1 – Erläuterung", sha512Checksum: sha512(textBytes), text: expect.stringContaining("Leerrohrtrasse") }),
    ]);
  }, 120_000);

  it("fetches nothing again when the source's files are unchanged", async () => {
    ris.state = "files2";
    const requests = fileRequests().length;
    const run = await sync();
    expect(run.counts.paper.updated).toBe(1);
    expect(run.counts.file).toEqual({ created: 0, updated: 0, unchanged: 5, deleted: 0, refused: 1 });
    expect(await runDueJobs({ kinds: KINDS })).toBe(0);
    expect(fileRequests()).toHaveLength(requests);
  });

  it("removes a file the source deleted or no longer lists, keeps its history, and leaves a tombstone in the export", async () => {
    const text = await documentOf(51);
    const refused = await documentOf(52);
    const before = new Date(Date.now() - 2000).toISOString().replace(/\.\d+Z$/, "+00:00");
    ris.state = "files3";
    const run = await sync();
    expect(run.counts.file).toEqual({ created: 0, updated: 0, unchanged: 1, deleted: 4, refused: 0 });
    expect(
      await db
        .select()
        .from(documents)
        .where(and(isNotNull(documents.importedFrom), sql`${documents.deletedAt} is null`)),
    ).toHaveLength(1);
    expect(await versionsOf(text.id)).toHaveLength(1); // the record stays
    expect((await page()).documents.items.map((item: any) => item.label)).toEqual(["Vorlage"]);
    expect((await search({ reader: null, text: "Leerrohrtrasse", page: 1 })).hits.filter((hit) => hit.type === "document")).toEqual([]);

    const tombstone = (await oparl(`file/${text.id}`)).json;
    expect(tombstone).toMatchObject({ id: expect.stringMatching(new RegExp(`/file/${text.id}$`)), deleted: true });
    const changes = (await oparl(`body/1/file?modified_since=${encodeURIComponent(before)}`)).json;
    expect(changes.data).toContainEqual(expect.objectContaining({ id: tombstone.id, deleted: true }));
    expect((await oparl(`file/${refused.id}`)).status).toBe(404); // never public, so no tombstone
  });
});
