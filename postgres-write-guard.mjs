// Module hook registered by server.mjs: patches postgres.js 3.4.9 (latest on npm) where a
// connection lost to a database restart crashes the process. Upstream issues porsager/postgres
// #1154 and #1208, fix proposed in PRs #1168/#1209, not released. Two defects:
// - a write deferred with setImmediate runs after closed() set the socket to null and throws
//   an uncatchable TypeError ("Cannot read properties of null (reading 'write')");
// - closed()/terminate() cancel that immediate without resetting it, so the connection never
//   flushes again (every later query on it hangs until connect_timeout).
// The guard rejects the pending queries with CONNECTION_CLOSED instead, and the teardown resets
// the write state. If the source no longer matches (a fixed release), nothing is changed.
const TARGET = "/node_modules/postgres/src/connection.js";

const REPLACEMENTS = [
  [
    "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    "  function nextWrite(fn) {\n    if (!socket) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)",
  ],
  ["    clearImmediate(nextWriteTimer)\n", "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n"],
];

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.endsWith(TARGET) || result.source == null) return result;
  let source = String(result.source);
  const unpatched = REPLACEMENTS.filter(([from]) => !source.includes(from));
  if (unpatched.length > 0) {
    console.warn("postgres-write-guard: postgres.js hat sich geändert, kein Patch angewendet");
    return result;
  }
  for (const [from, to] of REPLACEMENTS) source = source.replaceAll(from, to);
  return { ...result, source };
}
