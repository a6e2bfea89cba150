// The permission tests' one shape: call a route as each role and compare what each got.
import { expect } from "vitest";
import type { TestUser } from "./fixtures";

export type RoleName = "admin" | "staff" | "expert" | "council" | "visitor";
/** A status, or "login" for a 302 to the login page. */
export type Outcome = number | "login";
export type Expectation = Record<RoleName, Outcome>;
export const ROLES: RoleName[] = ["admin", "staff", "expert", "council", "visitor"];

export const allRoles = (status: Outcome): Expectation => ({ admin: status, staff: status, expert: status, council: status, visitor: status });
export const staffOnly = (ok: Outcome): Expectation => ({ admin: ok, staff: ok, expert: 403, council: 403, visitor: "login" });
/** Board-internal: the board gets `ok`; council members and visitors do not learn that it exists. */
export const boardOnly = (ok: Outcome): Expectation => ({ admin: ok, staff: ok, expert: ok, council: 404, visitor: 404 });

export function outcome(response: Response): Outcome {
  const location = response.headers.get("Location") ?? "";
  return response.status === 302 && location.startsWith("/login") ? "login" : response.status;
}

/** Calls once per role (visitor: user null), in ROLES order, and expects exactly these outcomes. */
export async function expectOutcomes(
  users: Record<RoleName, TestUser | null>,
  call: (user: TestUser | null, role: RoleName) => Promise<Response>,
  expected: Expectation,
) {
  const actual: Partial<Expectation> = {};
  for (const role of ROLES) actual[role] = outcome(await call(users[role], role));
  expect(actual).toEqual(expected);
}
