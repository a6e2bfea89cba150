import { expect } from "vitest";
import * as invitationsRoute from "../../../app/routes/admin.einladungen";
import type { TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";

export const NEW_PASSWORD = "Rhein-Mosel-Eck-2025!";

/** Invites through the real route action and returns the token from the link shown. */
export async function inviteThroughRoute(inviter: TestUser, email: string, role: string) {
  const response = await callRoute(invitationsRoute.action, "/admin/einladungen", { user: inviter, form: { intent: "create", email, role } });
  expect(response.status).toBe(200);
  const body = await response.json();
  const link: string = body.created.link;
  expect(link).toMatch(/\/einladung\/[a-z2-7]{52}$/);
  return { link, token: link.split("/").pop()! };
}

export function tokenOf(user: TestUser) {
  return user.cookie.split("=")[1];
}
