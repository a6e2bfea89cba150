import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { documentVersions, jobs } from "../../../db/schema";
import { jobHandler } from "../../../app/server/jobs/registry.server";
import { registerAllJobHandlers } from "../../../app/server/jobs/handlers.server";
import { search } from "../../../app/search/search.server";
import type { TestUser } from "../../support/fixtures";
import { createOwnersWithFiles, ROLES, type Role } from "./owner-fixtures";

let users: Record<Role, TestUser | null>;

/** Each file carries a word of its own, so a search says exactly which files a role finds. */
const WORD: Record<string, string> = {
  publicPaper: "Kodierwerkstatt",
  internalPaper: "Haushaltsvorbehalt",
  meeting: "Sitzungsgeld",
  publicItem: "Bürgerbüro",
  internalItem: "Vertragsstrafe",
  draftProposal: "Sprachmodell",
  openedProposal: "Rechenzentrum",
  draftRecommendation: "Pilotbetrieb",
  publishedRecommendation: "Barrierefreiheitsprüfung",
};

beforeAll(async () => {
  ({ users } = await createOwnersWithFiles((key) => ({ name: `${key}.txt`, bytes: Buffer.from(`Anlage mit dem Wort ${WORD[key]} im Text.\n`) })));
  // The text jobs the uploads queued, run through their registered handler.
  registerAllJobHandlers();
  const handler = jobHandler("documents.extract_text")!;
  for (const job of await db.select().from(jobs).where(eq(jobs.kind, "documents.extract_text")))
    await handler(job.payload, { jobId: job.id, attempt: 1, maxAttempts: 3 });
}, 120_000);

async function found(word: string) {
  const row: Partial<Record<Role, boolean>> = {};
  for (const role of ROLES) row[role] = (await search({ reader: users[role], text: word, page: 1 })).hits.some((hit) => hit.type === "document");
  return row;
}

const row = (admin: boolean, staff: boolean, expert: boolean, council: boolean, visitor: boolean) => ({ admin, staff, expert, council, visitor });

describe("searching the text of documents", () => {
  it("extracts the text of every upload", async () => {
    const states = await db.select({ state: documentVersions.textState }).from(documentVersions);
    expect(states.every(({ state }) => state === "done")).toBe(true);
  });

  it("finds a file's text only for those who may see its object", async () => {
    expect(await found(WORD.publicPaper)).toEqual(row(true, true, true, true, true));
    expect(await found(WORD.internalPaper)).toEqual(row(true, true, true, true, false));
    expect(await found(WORD.meeting)).toEqual(row(true, true, true, true, true));
    expect(await found(WORD.publicItem)).toEqual(row(true, true, true, true, true));
    expect(await found(WORD.internalItem)).toEqual(row(true, true, true, false, false));
    expect(await found(WORD.draftProposal)).toEqual(row(true, true, false, false, false));
    expect(await found(WORD.openedProposal)).toEqual(row(true, true, true, false, false));
    expect(await found(WORD.draftRecommendation)).toEqual(row(true, true, true, false, false));
    expect(await found(WORD.publishedRecommendation)).toEqual(row(true, true, true, true, true));
  });

  it("says in which attachment the word stands, with a snippet and a link to the object", async () => {
    const { hits } = await search({ reader: null, text: "Kodierwerkstatt", page: 1 });
    const hit = hits.find((h) => h.type === "document")!;
    expect(hit.title).toBe("ST/0020/2025: Stadtverwaltung entlasten, Chatbot „Schängel“ einrichten – in Anlage „publicPaper.txt“");
    expect(hit.url).toBe("/vorlagen/ST-0020-2025");
    expect(hit.snippet).toContain("⟦Kodierwerkstatt⟧");
  });
});
