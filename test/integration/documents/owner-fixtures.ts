import { desc } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { documentVersions } from "../../../db/schema";
import { publishRecommendation } from "../../../app/recommendations/publication.server";
import { castVote, closeVote, startVote } from "../../../app/recommendations/voting.server";
import { openRound } from "../../../app/ratings/rounds.server";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { insertItems, insertMeeting } from "../meetings/meeting-helpers";
import { insertPaper } from "../papers/paper-helpers";
import { createDraftRound, DAY } from "../ratings/rating-fixtures";
import { createDraft, expectOk } from "../recommendations/recommendation-fixtures";
import { postUpload, type UploadFile } from "./document-helpers";

export type Role = "admin" | "staff" | "expert" | "council" | "visitor";
export const ROLES: Role[] = ["admin", "staff", "expert", "council", "visitor"];

/** Uploads through the action and returns the new document's id. */
export async function attach(user: TestUser, owner: string, file: UploadFile, label = file.name) {
  const response = await postUpload({ user, fields: { owner, label }, file });
  if (response.status !== 302) throw new Error(`Upload ${owner}: ${response.status} ${await response.text()}`);
  const [row] = await db.select().from(documentVersions).orderBy(desc(documentVersions.id)).limit(1);
  return row.documentId;
}

/**
 * One file on every kind of owner and visibility: public and internal paper, meeting, public and
 * non-public agenda item, proposals of a draft and of an opened round, a recommendation draft
 * and a published public recommendation. `file(key)` gives each its own content.
 */
export async function createOwnersWithFiles(file: (key: string) => UploadFile) {
  const users: Record<Role, TestUser | null> = await createUsersForAllRoles();
  const staff = users.staff!;
  const expert = users.expert!;
  const author = await createUser("expert");
  const publicPaper = await insertPaper({ reference: "ST/0020/2025", paperType: "Stellungnahme", isPublic: true });
  const internalPaper = await insertPaper({ reference: "BV/0087/2025", paperType: "Beschlussvorlage", isPublic: false });
  const meeting = await insertMeeting();
  const [publicItem, internalItem] = await insertItems(meeting.id, [
    { number: "1", name: "Chatbot", isPublic: true },
    { number: "2", name: "Vertragsfragen", isPublic: false },
  ]);
  const draftRound = await createDraftRound({ staff, criteria: [["a", 100]], proposals: ["Anbieter A"] });
  const openedRound = await createDraftRound({ staff, criteria: [["a", 100]], proposals: ["Anbieter B"] });
  const draftRecommendation = await createDraft(author, { title: "Entwurf zur KI-Plattform" });
  const publishedRecommendation = await createDraft(author, { title: "Empfehlung zum Chatbot" });
  const ids: Record<string, number> = {};
  ids.publicPaper = await attach(staff, `paper:${publicPaper.id}`, file("publicPaper"));
  ids.internalPaper = await attach(staff, `paper:${internalPaper.id}`, file("internalPaper"));
  ids.meeting = await attach(staff, `meeting:${meeting.id}`, file("meeting"));
  ids.publicItem = await attach(staff, `agendaItem:${publicItem.id}`, file("publicItem"));
  ids.internalItem = await attach(staff, `agendaItem:${internalItem.id}`, file("internalItem"));
  ids.draftProposal = await attach(staff, `proposal:${draftRound.proposals["Anbieter A"]}`, file("draftProposal"));
  ids.openedProposal = await attach(staff, `proposal:${openedRound.proposals["Anbieter B"]}`, file("openedProposal"));
  ids.draftRecommendation = await attach(author, `recommendation:${draftRecommendation}`, file("draftRecommendation"));
  ids.publishedRecommendation = await attach(author, `recommendation:${publishedRecommendation}`, file("publishedRecommendation"));
  await openRound({ roundId: openedRound.roundId, closesAt: new Date(Date.now() + 7 * DAY), actor: staff });
  await expectOk(startVote({ actor: staff, id: publishedRecommendation, deadline: new Date(Date.now() + 7 * DAY) }));
  for (const voter of [expert, author]) await expectOk(castVote({ actor: voter, id: publishedRecommendation, choice: "ja" }));
  await expectOk(closeVote({ actor: staff, id: publishedRecommendation }));
  await expectOk(publishRecommendation({ actor: staff, id: publishedRecommendation, isPublic: true }));
  const owners = {
    publicPaper: `paper:${publicPaper.id}`,
    openedProposal: `proposal:${openedRound.proposals["Anbieter B"]}`,
    draftProposal: `proposal:${draftRound.proposals["Anbieter A"]}`,
    draftRecommendation: `recommendation:${draftRecommendation}`,
    publishedRecommendation: `recommendation:${publishedRecommendation}`,
  };
  return { users, author, ids, owners };
}
