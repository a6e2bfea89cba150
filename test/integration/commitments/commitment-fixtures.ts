import { eq } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { commitments } from "../../../db/schema";
import * as newCommitment from "../../../app/routes/zusagen.neu";
import * as commitmentPage from "../../../app/routes/zusagen.$id";
import type { TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";

export const PROMISE = {
  title: "Vorstellung einer Chatbot-Variante",
  promise: "Die Vorstellung einer Chatbot-Variante durch einen Softwareanbieter ist in den nächsten Wochen vorgesehen.",
  office: "10-Amt für Personal und Organisation",
  sourcePassage: "Abschnitt 1. Chatbots",
  dueText: "in den nächsten Wochen",
};

/** Records a commitment through the form's action; returns its id. */
export async function recordCommitment(user: TestUser, form: Record<string, string | string[]>) {
  const response = await callRoute(newCommitment.action, "/zusagen/neu", { user, form: { ...PROMISE, ...form } });
  if (response.status !== 303) throw new Error(`expected 303, got ${response.status}: ${await response.text()}`);
  return Number(/\/zusagen\/(\d+)$/.exec(response.headers.get("Location") ?? "")![1]);
}

export function postToCommitment(user: TestUser | null, id: number, form: Record<string, string>) {
  return callRoute(commitmentPage.action, `/zusagen/${id}`, { user, params: { id: String(id) }, form });
}

export function readCommitment(user: TestUser | null, id: number) {
  return callRoute(commitmentPage.loader, `/zusagen/${id}`, { user, params: { id: String(id) } });
}

export async function commitmentRow(id: number) {
  return (await db.select().from(commitments).where(eq(commitments.id, id)))[0];
}
