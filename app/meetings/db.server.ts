/** Name of the violated constraint (unique, check, FK, trigger), on PGlite and postgres.js. */
export function violatedConstraint(error: unknown, depth = 0): string | null {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const record = error as { constraint?: unknown; constraint_name?: unknown; cause?: unknown };
  const name = record.constraint ?? record.constraint_name;
  if (typeof name === "string" && name) return name;
  return violatedConstraint(record.cause, depth + 1);
}

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
