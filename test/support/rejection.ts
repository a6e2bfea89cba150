import { expect } from "vitest";

/** What a promise rejected with; the test fails if it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>, message = "the promise should have been rejected"): Promise<unknown> {
  const outcome = await promise.then(
    () => ({ rejected: false, error: undefined }),
    (error: unknown) => ({ rejected: true, error }),
  );
  expect(outcome.rejected, message).toBe(true);
  return outcome.error;
}

/** The error a promise rejected with, which must be an instance of `type`. */
export async function rejectedWith<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(type);
  return error as T;
}
