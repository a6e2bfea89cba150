import { PassThrough, Readable } from "node:stream";
import { afterAll, describe, expect, inject, it } from "vitest";
import { getDatabaseHandle, useDatabaseHandle } from "../../../db/client.server";
import { writeBackup } from "../../../app/server/backup/dump.server";
import { restoreBackup } from "../../../app/server/backup/restore.server";
import * as download from "../../../app/routes/dokumente.$id._index";
import { createUser } from "../../support/fixtures";
import { createTestDatabase, type TestDatabase } from "../../support/database";
import { callRoute } from "../../support/remix";
import { insertPaper } from "../papers/paper-helpers";
import { pdfBytes } from "./document-helpers";
import { attach } from "./owner-fixtures";

let target: TestDatabase | undefined;
afterAll(async () => {
  await target?.dispose();
});

describe("documents in backups", () => {
  it("a file of several chunks goes into the backup and comes back byte for byte", async () => {
    const staff = await createUser("staff");
    const paper = await insertPaper();
    // 700 KB: three chunks of the 256 KiB the storage writes.
    const bytes = Buffer.concat([pdfBytes().subarray(0, -6), Buffer.alloc(700 * 1024, 0x20), Buffer.from("%%EOF\n")]);
    const id = await attach(staff, `paper:${paper.id}`, { name: "Haushalt.pdf", bytes });
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on("data", (part: Buffer) => parts.push(part));
    const summary = await writeBackup(getDatabaseHandle(), out);
    expect(summary.tables.document_chunks).toBe(3);
    const source = getDatabaseHandle();
    target = await createTestDatabase(inject("pgTemplate"));
    await restoreBackup(target.handle, Readable.from([Buffer.concat(parts)]), { force: true });
    useDatabaseHandle(target.handle);
    try {
      const response = await callRoute(download.loader, `/dokumente/${id}`, { params: { id: String(id) } });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      useDatabaseHandle(source);
    }
  });
});
