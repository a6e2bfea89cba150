import { eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { consultations, organizations, papers, recommendations } from "../../../db/schema";
import { createRecommendation, type RecommendationInput } from "../../../app/recommendations/drafting.server";
import { closeVote, castVote, startVote } from "../../../app/recommendations/voting.server";
import { publishRecommendation } from "../../../app/recommendations/publication.server";
import type { TestUser } from "../../support/fixtures";

let paperCounter = 100;

/** A council paper with a Gremienweg step that may carry the council's decision. */
export async function createPaper(options: { reference?: string; isPublic?: boolean; decided?: boolean } = {}) {
  paperCounter += 1;
  const reference = options.reference ?? `AT/${String(paperCounter).padStart(4, "0")}/2025`;
  const [paper] = await db
    .insert(papers)
    .values({ reference, paperType: "Antrag", name: `Antrag ${reference}`, date: "2025-01-20", originator: "Ratsfraktion", isPublic: options.isPublic ?? true })
    .returning();
  let [council] = await db.select().from(organizations).where(eq(organizations.shortName, "stadtrat"));
  council ??= (await db.insert(organizations).values({ name: "Stadtrat", shortName: "stadtrat", classification: "Rat" }).returning())[0];
  await db.insert(consultations).values({
    paperId: paper.id,
    organizationId: council.id,
    position: 1,
    role: "entscheidung",
    date: options.decided ? "2025-02-06" : null,
    result: options.decided ? "mehrheitlich" : null,
    countYes: options.decided ? 30 : null,
    countNo: options.decided ? 12 : null,
    countAbstention: options.decided ? 2 : null,
  });
  return paper;
}

export function draftInput(overrides: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    title: "Chatbot zunächst pilotieren",
    summary: "Pilot für die zehn häufigsten Anfragen.",
    body: "Der Digitalbeirat empfiehlt, den Chatbot zunächst für die zehn häufigsten Bürgeranfragen zu pilotieren.",
    papers: [],
    topics: [],
    rounds: [],
    meetingId: null,
    ...overrides,
  };
}

export async function createDraft(author: TestUser, overrides: Partial<RecommendationInput> = {}) {
  const result = await createRecommendation({ actor: author, input: draftInput(overrides) });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

const inOneWeek = () => new Date(Date.now() + 7 * 24 * 3600_000);

/** Draft → vote with the given experts voting Ja → closed → optionally published. */
export async function createDecided(
  { author, staff, voters, choice = "ja" }: { author: TestUser; staff: TestUser; voters: TestUser[]; choice?: "ja" | "nein" },
  publish?: { isPublic: boolean },
  overrides: Partial<RecommendationInput> = {},
) {
  const id = await createDraft(author, overrides);
  await expectOk(startVote({ actor: staff, id, deadline: inOneWeek() }));
  for (const voter of voters) await expectOk(castVote({ actor: voter, id, choice }));
  await expectOk(closeVote({ actor: staff, id }));
  if (publish) await expectOk(publishRecommendation({ actor: staff, id, isPublic: publish.isPublic }));
  return id;
}

/** Published for everyone, on council papers made here first (the setting of the timeline, commitment and import tests). */
export async function createPublishedOnPapers(people: Parameters<typeof createDecided>[0], paperOptions: Array<{ reference: string; decided?: boolean }>) {
  for (const options of paperOptions) await createPaper(options);
  return createDecided(people, { isPublic: true }, { papers: paperOptions.map((options) => options.reference) });
}

export async function expectOk<T extends { ok: boolean }>(promise: Promise<T>): Promise<Extract<T, { ok: true }>> {
  const result = await promise;
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export async function statusOf(id: number) {
  const [row] = await db.select({ status: recommendations.status }).from(recommendations).where(eq(recommendations.id, id));
  return row?.status;
}
