import { getDatabaseHandle } from "../../db/client.server";

/**
 * A value made once per test database. Files share their worker process (isolate: false), so a
 * plain module-level cache in a helper would outlive the file whose database holds the row.
 */
export function perDatabase<T>(make: () => Promise<T>): () => Promise<T> {
  const made = new WeakMap<object, Promise<T>>();
  return () => {
    const handle = getDatabaseHandle();
    let value = made.get(handle);
    if (!value) {
      value = make();
      made.set(handle, value);
    }
    return value;
  };
}
