import { beforeAll, describe, expect, it } from "vitest";
import * as download from "../../../app/routes/dokumente.$id._index";
import * as remove from "../../../app/routes/dokumente.$id.loeschen";
import type { TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { pdfBytes, PNG_BYTES, postUpload } from "./document-helpers";
import { attach, createOwnersWithFiles, ROLES, type Role } from "./owner-fixtures";

let users: Record<Role, TestUser | null>;
let author: TestUser;
let ids: Record<string, number>;
let owners: Record<string, string>;

beforeAll(async () => {
  ({ users, author, ids, owners } = await createOwnersWithFiles((key) => ({ name: `${key}.txt`, bytes: Buffer.from(`Inhalt ${key}\n`) })));
}, 120_000);

const get = (id: number | string, user: TestUser | null, headers: Record<string, string> = {}, query = "") =>
  callRoute(download.loader, `/dokumente/${id}${query}`, { user, params: { id: String(id) }, headers });

async function statuses(id: number | string, query = "") {
  const row: Partial<Record<Role, number>> = {};
  for (const role of ROLES) row[role] = (await get(id, users[role], {}, query)).status;
  return row;
}

const row = (admin: number, staff: number, expert: number, council: number, visitor: number) => ({ admin, staff, expert, council, visitor });

describe("who may download a file: the same as who may read its object", () => {
  it("follows each owner's visibility; what a role may not see is 404, as is a guessed id", async () => {
    expect(await statuses(ids.publicPaper)).toEqual(row(200, 200, 200, 200, 200));
    expect(await statuses(ids.internalPaper)).toEqual(row(200, 200, 200, 200, 404));
    expect(await statuses(ids.meeting)).toEqual(row(200, 200, 200, 200, 200));
    expect(await statuses(ids.publicItem)).toEqual(row(200, 200, 200, 200, 200));
    expect(await statuses(ids.internalItem)).toEqual(row(200, 200, 200, 404, 404));
    // Draft rounds are hidden from all but staff (decision 030), so are their files.
    expect(await statuses(ids.draftProposal)).toEqual(row(200, 200, 404, 404, 404));
    expect(await statuses(ids.openedProposal)).toEqual(row(200, 200, 200, 404, 404));
    expect(await statuses(ids.draftRecommendation)).toEqual(row(200, 200, 200, 404, 404));
    expect(await statuses(ids.publishedRecommendation)).toEqual(row(200, 200, 200, 200, 200));
    expect(await statuses(999_999)).toEqual(row(404, 404, 404, 404, 404));
    expect(await statuses("1e3")).toEqual(row(404, 404, 404, 404, 404));
    expect(await statuses(ids.internalPaper, "?fassung=1")).toEqual(row(200, 200, 200, 200, 404));
    expect(await statuses(ids.publicPaper, "?fassung=7")).toEqual(row(404, 404, 404, 404, 404));
  });

  it("files freeze with their object: an opened round's proposal, a published recommendation", async () => {
    const file = { name: "nachtrag.pdf", bytes: pdfBytes() };
    const expert = users.expert!;
    expect((await postUpload({ user: expert, fields: { owner: owners.openedProposal }, file })).status).toBe(409);
    expect((await postUpload({ user: users.staff!, fields: { owner: owners.openedProposal }, file })).status).toBe(409);
    expect((await postUpload({ user: author, fields: { owner: owners.publishedRecommendation }, file })).status).toBe(409);
    expect((await postUpload({ user: author, fields: { replaces: String(ids.publishedRecommendation) }, file })).status).toBe(409);
    // Invisible owners are not found, also for uploads.
    expect((await postUpload({ user: users.council!, fields: { owner: owners.draftProposal }, file })).status).toBe(404);
    // Staff attach to draft proposals, which experts do not see yet; another expert may not attach to someone's recommendation draft.
    expect((await postUpload({ user: users.staff!, fields: { owner: owners.draftProposal }, file })).status).toBe(302);
    expect((await postUpload({ user: expert, fields: { owner: owners.draftProposal }, file })).status).toBe(404);
    expect((await postUpload({ user: expert, fields: { owner: owners.draftRecommendation }, file })).status).toBe(403);
    expect((await postUpload({ user: author, fields: { owner: owners.draftRecommendation }, file })).status).toBe(302);
  });

  it("deleting: staff on papers, refused to others; a deleted file is gone for everyone", async () => {
    const id = await attach(users.staff!, owners.publicPaper, { name: "weg.txt", bytes: Buffer.from("weg\n") });
    const post = (user: TestUser | null) =>
      callRoute(remove.action, `/dokumente/${id}/loeschen`, { user, params: { id: String(id) }, form: { intent: "delete" } });
    expect((await post(users.council)).status).toBe(403);
    expect((await post(users.expert)).status).toBe(403);
    expect((await post(null)).status).toBe(302);
    expect((await post(users.staff)).status).toBe(302);
    expect(await statuses(id)).toEqual(row(404, 404, 404, 404, 404));
    expect((await post(users.staff)).status).toBe(404);
  });
});

describe("download headers", () => {
  it("names the file per RFC 6266/5987, forbids sniffing, and sandboxes what is not shown inline", async () => {
    const id = await attach(users.staff!, owners.publicPaper, { name: "Übersicht Dienste.csv", bytes: Buffer.from("Dienst;Anzahl\nOZG;293\n") });
    const response = await get(id, null);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="Ubersicht Dienste.csv"; filename*=UTF-8''%C3%9Cbersicht%20Dienste.csv`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/(^|; )sandbox($|;)/);
    expect(await response.text()).toBe("Dienst;Anzahl\nOZG;293\n");
  });

  it("shows PDFs and images inline, in a sandbox without script", async () => {
    const pdf = await attach(users.staff!, owners.publicPaper, { name: "Stellungnahme.pdf", bytes: pdfBytes() });
    const png = await attach(users.staff!, owners.publicPaper, { name: "Grafik.png", bytes: PNG_BYTES });
    const pdfResponse = await get(pdf, null);
    expect(pdfResponse.headers.get("Content-Type")).toBe("application/pdf");
    expect(pdfResponse.headers.get("Content-Disposition")).toMatch(/^inline; filename="Stellungnahme.pdf"/);
    expect(pdfResponse.headers.get("Content-Security-Policy")).toMatch(/default-src 'none'.*; sandbox$/);
    expect(pdfResponse.headers.get("Content-Security-Policy")).not.toMatch(/script-src/);
    const pngResponse = await get(png, null);
    expect(pngResponse.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect(pngResponse.headers.get("Content-Security-Policy")).toMatch(/sandbox/);
    expect(Buffer.from(await pngResponse.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it("answers ranges with 206, unsatisfiable ones with 416, and a matching ETag with 304", async () => {
    const bytes = pdfBytes("Teststellung KI-Plattform");
    const id = await attach(users.staff!, owners.publicPaper, { name: "gross.pdf", bytes });
    const full = await get(id, null);
    const etag = full.headers.get("ETag")!;
    expect(full.headers.get("Accept-Ranges")).toBe("bytes");
    expect(Number(full.headers.get("Content-Length"))).toBe(bytes.length);
    const part = await get(id, null, { Range: "bytes=5-14" });
    expect(part.status).toBe(206);
    expect(part.headers.get("Content-Range")).toBe(`bytes 5-14/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(5, 15));
    const suffix = await get(id, null, { Range: "bytes=-6" });
    expect(Buffer.from(await suffix.arrayBuffer()).toString("latin1")).toBe("%%EOF\n");
    expect((await get(id, null, { Range: `bytes=${bytes.length}-` })).status).toBe(416);
    expect((await get(id, null, { "If-None-Match": etag })).status).toBe(304);
    expect((await get(id, null, { Range: "bytes=0-3", "If-Range": '"anders"' })).status).toBe(200);
  });
});
