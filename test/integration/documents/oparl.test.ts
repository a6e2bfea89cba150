import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "../../../db/client.server";
import { documents, jobs, papers } from "../../../db/schema";
import * as oparl from "../../../app/routes/oparl.v1.$";
import * as remove from "../../../app/routes/dokumente.$id.loeschen";
import { registerAllJobHandlers } from "../../../app/server/jobs/handlers.server";
import { jobHandler } from "../../../app/server/jobs/registry.server";
import { createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { validateListPage, validateOparlObject } from "../oparl/oparl-schema";
import { postUpload } from "./document-helpers";
import { attach, createOwnersWithFiles } from "./owner-fixtures";

const BASE = "http://localhost:3000/oparl/v1";
let ids: Record<string, number>;
let owners: Record<string, string>;

async function get(path: string) {
  const response = await callRoute(oparl.loader, `/oparl/v1/${path}`, { params: { "*": path.split("?")[0] } });
  return { status: response.status, json: (await response.json()) as any };
}

beforeAll(async () => {
  ({ ids, owners } = await createOwnersWithFiles((key) => ({ name: `${key}.txt`, bytes: Buffer.from(`Text der Anlage ${key}\n`) })));
  registerAllJobHandlers();
  for (const job of await db.select().from(jobs).where(eq(jobs.kind, "documents.extract_text")))
    await jobHandler("documents.extract_text")!(job.payload, { jobId: job.id, attempt: 1, maxAttempts: 3 });
}, 120_000);

describe("documents in the OParl export", () => {
  it("lists exactly the files a visitor may download, as valid File objects", async () => {
    const { json } = await get("body/1/file");
    expect(validateListPage(json)).toEqual([]);
    const listed = json.data.map((file: any) => file.id).sort();
    const expected = ["publicPaper", "meeting", "publicItem", "publishedRecommendation"].map((key) => `${BASE}/file/${ids[key]}`).sort();
    expect(listed).toEqual(expected);
    for (const file of json.data) expect(validateOparlObject(file)).toEqual([]);
    const paperFile = json.data.find((file: any) => file.id === `${BASE}/file/${ids.publicPaper}`);
    expect(paperFile).toMatchObject({
      type: "https://schema.oparl.org/1.1/File",
      name: "publicPaper.txt",
      fileName: "publicPaper.txt",
      mimeType: "text/plain",
      size: Buffer.byteLength("Text der Anlage publicPaper\n"),
      sha512Checksum: createHash("sha512").update("Text der Anlage publicPaper\n").digest("hex"),
      text: "Text der Anlage publicPaper",
      accessUrl: `http://localhost:3000/dokumente/${ids.publicPaper}`,
      downloadUrl: `http://localhost:3000/dokumente/${ids.publicPaper}`,
    });
    expect(paperFile.paper[0]).toMatch(new RegExp(`^${BASE}/paper/\\d+$`));
    expect((await get(`file/${ids.internalPaper}`)).status).toBe(404);
    expect((await get(`file/${ids.draftProposal}`)).status).toBe(404);
    expect((await get(`file/${ids.publicPaper}`)).json).toEqual(paperFile);
  });

  it("embeds files as mainFile/auxiliaryFile of papers and as invitation/auxiliaryFile of meetings and agenda items", async () => {
    const paperId = Number(owners.publicPaper.split(":")[1]);
    const main = await postUpload({
      user: await createUser("staff"),
      fields: { owner: owners.publicPaper, label: "Stellungnahme", role: "main" },
      file: { name: "Stellungnahme.txt", bytes: Buffer.from("Stellungnahme der Verwaltung\n") },
    });
    expect(main.status).toBe(302);
    const [paper] = await db.select().from(papers).where(eq(papers.id, paperId));
    const { json } = await get(`paper/${paper.id}`);
    expect(validateOparlObject(json)).toEqual([]);
    expect(json.mainFile).toMatchObject({ name: "Stellungnahme", mimeType: "text/plain" });
    expect(json.auxiliaryFile.map((file: any) => file.id)).toEqual([`${BASE}/file/${ids.publicPaper}`]);
    const meetings = (await get("body/1/meeting")).json.data;
    const meeting = meetings.find((m: any) => m.auxiliaryFile);
    expect(meeting.auxiliaryFile.map((file: any) => file.id)).toEqual([`${BASE}/file/${ids.meeting}`]);
    expect(meeting.agendaItem.flatMap((item: any) => item.auxiliaryFile ?? []).map((file: any) => file.id)).toEqual([`${BASE}/file/${ids.publicItem}`]);
    expect(JSON.stringify(meetings)).not.toContain(`/file/${ids.internalItem}"`);
  });

  it("a file change moves its paper's or meeting's modified; a deleted public file leaves a tombstone under modified_since", async () => {
    const staff = await createUser("staff");
    const paperId = Number(owners.publicPaper.split(":")[1]);
    const ownerOf = async (id: number) => (await db.select().from(documents).where(eq(documents.id, id)))[0];
    const itemId = (await ownerOf(ids.publicItem)).agendaItemId!;
    const internalPaper = `paper:${(await ownerOf(ids.internalPaper)).paperId}`;
    const stamps = async () =>
      (
        await queryRows<{ paper: string; meeting: string }>(
          db,
          sql`select (select updated_at::text from papers where id = ${paperId}) as paper,
            (select m.updated_at::text from meetings m join agenda_items a on a.meeting_id = m.id where a.id = ${itemId}) as meeting`,
        )
      )[0];
    const before = await stamps();
    const since = new Date(Date.now() - 2000).toISOString().replace(/\.\d+Z$/, "+00:00");
    const paperFile = await attach(staff, owners.publicPaper, { name: "neu.txt", bytes: Buffer.from("Neue Anlage\n") });
    const afterPaper = await stamps();
    expect(afterPaper.paper > before.paper).toBe(true);
    expect(afterPaper.meeting).toBe(before.meeting);
    await attach(staff, `agendaItem:${itemId}`, { name: "top.txt", bytes: Buffer.from("Anlage zum Tagesordnungspunkt\n") });
    expect((await stamps()).meeting > before.meeting).toBe(true);

    const internalFile = await attach(staff, internalPaper, { name: "intern.txt", bytes: Buffer.from("intern\n") });
    for (const id of [paperFile, internalFile]) {
      const response = await callRoute(remove.action, `/dokumente/${id}/loeschen`, { user: staff, params: { id: String(id) }, form: { intent: "delete" } });
      expect(response.status).toBe(302);
    }
    const tombstone = (await get(`file/${paperFile}`)).json;
    expect(tombstone).toMatchObject({ id: `${BASE}/file/${paperFile}`, type: "https://schema.oparl.org/1.1/File", deleted: true });
    expect(validateOparlObject(tombstone)).toEqual([]);
    const changes = (await get(`body/1/file?modified_since=${encodeURIComponent(since)}`)).json;
    expect(changes.data).toContainEqual(expect.objectContaining({ id: `${BASE}/file/${paperFile}`, deleted: true }));
    expect((await get("body/1/file")).json.data.map((file: any) => file.id)).not.toContain(`${BASE}/file/${paperFile}`);
    // A file no visitor could see leaves no trace in the export.
    expect((await get(`file/${internalFile}`)).status).toBe(404);
    expect(JSON.stringify(changes)).not.toContain(`/file/${internalFile}"`);
  });
});
