import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { jobs, papers } from "../../../db/schema";
import * as oparl from "../../../app/routes/oparl.v1.$";
import { registerAllJobHandlers } from "../../../app/server/jobs/handlers.server";
import { jobHandler } from "../../../app/server/jobs/registry.server";
import { createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { validateListPage, validateOparlObject } from "../oparl/oparl-schema";
import { postUpload } from "./document-helpers";
import { createOwnersWithFiles } from "./owner-fixtures";

const BASE = "http://localhost:3000/oparl/v1";
let ids: Record<string, number>;
let owners: Record<string, string>;

async function get(path: string) {
  const response = await callRoute(oparl.loader, `/oparl/v1/${path}`, { params: { "*": path } });
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
});
