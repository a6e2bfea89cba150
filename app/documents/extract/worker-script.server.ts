import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FROM_ROOT = "app/documents/extract/worker.mjs";
let found: string | undefined;

/**
 * The worker file's path. The worker is started by path, and the classic Remix compiler bundles
 * this module into build/index.js without copying worker.mjs (nor would esbuild follow a
 * `new URL("./worker.mjs", import.meta.url)`), so the file stays where it is in the source tree
 * and is looked up: beside this module (TypeScript sources: vitest, tsx), then under each folder
 * above this module (build/index.js → project root), then under the working directory (a
 * REMIX_BUILD_DIR outside the project; server.mjs already serves public/ relative to it).
 * A deployment therefore ships app/documents/extract/ with node_modules, as it ships server.mjs.
 */
export function extractionWorkerScript(): string {
  if (found) return found;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, "worker.mjs")];
  for (let dir = here; ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, FROM_ROOT));
    if (dir === path.dirname(dir)) break;
  }
  candidates.push(path.resolve(process.cwd(), FROM_ROOT));
  found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`Text extraction worker not found (looked for ${FROM_ROOT} from ${here} and ${process.cwd()})`);
  return found;
}
