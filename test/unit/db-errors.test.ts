import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isInvalidInput } from "../../app/server/db-errors.server";

function withCode(code: string, message = "x") {
  return Object.assign(new Error(message), { code });
}

describe("isDatabaseUnavailable", () => {
  it.each(["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECT_TIMEOUT", "57P01", "57P03", "08006", "08001"])(
    "recognises %s as an outage",
    (code) => expect(isDatabaseUnavailable(withCode(code))).toBe(true),
  );

  it("looks through drizzle's cause and Node's AggregateError", () => {
    const refused = new AggregateError([withCode("ECONNREFUSED")], "connect failed");
    const wrapped = new Error("Failed query: select 1", { cause: refused });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it.each(["23505", "23514", "42P01", "40001", "22P02"])("treats SQLSTATE %s as a query error, not an outage", (code) => {
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode(code) }))).toBe(false);
  });

  it("ignores values that are not errors", () => {
    for (const value of [null, undefined, "ECONNREFUSED", 42, new Response(null, { status: 503 })]) {
      expect(isDatabaseUnavailable(value)).toBe(false);
    }
  });

  it("stops on a cause cycle", () => {
    const a = withCode("XX000") as Error & { cause?: unknown };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("isInvalidInput", () => {
  it.each(["22P02", "22003", "22021", "22P05", "22007", "22008", "22001"])("treats SQLSTATE %s (a refused value) as bad input", (code) => {
    expect(isInvalidInput(new Error("Failed query", { cause: withCode(code) }))).toBe(true);
  });

  it.each(["22012", "23505", "42601", "ECONNREFUSED", "57P01"])("leaves %s alone", (code) => {
    expect(isInvalidInput(new Error("Failed query", { cause: withCode(code) }))).toBe(false);
  });
});
