import { violatedConstraint } from "~/lib/error-chain";

/** Runs `work`; a violation of one of `known` becomes `{ constraint }`, anything else rethrows. */
export async function catchConstraint<T>(known: readonly string[], work: () => Promise<T>): Promise<T | { constraint: string }> {
  try {
    return await work();
  } catch (error) {
    const name = violatedConstraint(error);
    if (name && known.includes(name)) return { constraint: name };
    throw error;
  }
}

export function isConstraintFailure(value: unknown): value is { constraint: string } {
  return typeof value === "object" && value !== null && "constraint" in value && Object.keys(value).length === 1;
}
