import { describe, expect, it } from "vitest";
import { deleteOwnAccount } from "../../../app/accounts/account.server";
import { exportUserData } from "../../../app/accounts/data-export.server";
import { loadDocumentSection } from "../../../app/documents/documents.server";
import { createUser, TEST_PASSWORD } from "../../support/fixtures";
import { insertPaper } from "../papers/paper-helpers";
import { pdfBytes } from "./document-helpers";
import { attach } from "./owner-fixtures";

describe("uploads and the member who made them", () => {
  it("the data export lists the member's uploads; after deletion the files stay, by „ehemaliges Mitglied“", async () => {
    const staff = await createUser("staff", { name: "Petra Verwaltung" });
    const paper = await insertPaper();
    const id = await attach(staff, `paper:${paper.id}`, { name: "Stellungnahme.pdf", bytes: pdfBytes() }, "Anlage 1 – Stellungnahme");
    const exported = (await exportUserData({ userId: staff.id })) as unknown as { documentUploads: Array<Record<string, unknown>> };
    expect(exported.documentUploads).toEqual([
      expect.objectContaining({ documentId: id, label: "Anlage 1 – Stellungnahme", fileName: "Stellungnahme.pdf", ownerType: "paper", version: 1 }),
    ]);
    const before = await loadDocumentSection({ ref: { type: "paper", id: paper.id }, reader: null });
    expect(before!.items[0].current.uploadedBy).toBe("Petra Verwaltung");
    await deleteOwnAccount({ userId: staff.id, password: TEST_PASSWORD });
    const after = await loadDocumentSection({ ref: { type: "paper", id: paper.id }, reader: null });
    expect(after!.items.map((item) => [item.id, item.current.uploadedBy])).toEqual([[id, "ehemaliges Mitglied"]]);
  });
});
