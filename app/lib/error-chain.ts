export type ErrorLink = { code?: unknown; message?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown; errors?: unknown };

/**
 * An error, its causes and an AggregateError's errors, at most six deep: drizzle wraps the
 * driver's error in `cause`, Node's connect errors are AggregateErrors.
 */
export function* errorChain(error: unknown, depth = 0): Generator<ErrorLink> {
  if (!error || typeof error !== "object" || depth > 5) return;
  const link = error as ErrorLink;
  yield link;
  if (Array.isArray(link.errors)) for (const inner of link.errors) yield* errorChain(inner, depth + 1);
  yield* errorChain(link.cause, depth + 1);
}

/** The first SQLSTATE or driver code in the chain that `accept` takes. */
export function findErrorCode(error: unknown, accept: (code: string) => boolean): string | null {
  for (const link of errorChain(error)) if (typeof link.code === "string" && accept(link.code)) return link.code;
  return null;
}

/** Name of the violated constraint (unique, check, foreign key), on PGlite and postgres.js. */
export function violatedConstraint(error: unknown): string | null {
  for (const link of errorChain(error)) {
    const name = link.constraint ?? link.constraint_name;
    if (typeof name === "string" && name) return name;
  }
  return null;
}
