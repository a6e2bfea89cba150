import { describe, expect, it } from "vitest";
import { DEMO_LOGINS } from "../../db/seed/accounts";
import { DEMO_LOGINS as PRINTED } from "../../scripts/demo-logins.mjs";

describe("npm run demo prints the demo logins", () => {
  it("reads every demo account of the seed, however the file is formatted", () => {
    expect(PRINTED).toEqual(DEMO_LOGINS.map(({ role, email, password }) => ({ role, email, password })));
  });
});
