import { beforeAll, describe, expect, it } from "vitest";
import { search } from "../../../app/search/search.server";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { createDraftRound, createOpenRound } from "./rating-fixtures";
import { addProposal } from "../../../app/ratings/setup.server";
import { proposalInput } from "./rating-fixtures";

let users: Awaited<ReturnType<typeof createUsersForAllRoles>>;

beforeAll(async () => {
  users = await createUsersForAllRoles();
  const open = await createOpenRound({ staff: users.staff, criteria: [["A", 100]], proposals: ["Schängel-Assistent"] });
  void open;
  const draft = await createDraftRound({ staff: users.staff, criteria: [["A", 100]], proposals: [] });
  await addProposal({ roundId: draft.roundId, input: { ...proposalInput("Geheimer Entwurf"), summary: "Moselbyte Angebot im Entwurf" }, actor: users.staff });
});

const hits = async (reader: TestUser | null, text: string) =>
  (await search({ reader: reader ? { id: reader.id, role: reader.role } : null, text, page: 1 })).hits.filter((h) => h.type.startsWith("rating"));

describe("search branch for rating rounds and proposals", () => {
  it("finds proposals for board members, drafts only for staff, nothing for council and visitors", async () => {
    expect((await hits(users.expert, "Schängel-Assistent")).map((h) => h.type)).toContain("ratingProposal");
    expect(await hits(users.expert, "Moselbyte")).toEqual([]);
    expect((await hits(users.staff, "Moselbyte")).map((h) => h.title)).toEqual(["Geheimer Entwurf (Geheimer Entwurf GmbH)"]);
    expect(await hits(users.council, "Schängel-Assistent")).toEqual([]);
    expect(await hits(null, "Schängel-Assistent")).toEqual([]);
  });
});
