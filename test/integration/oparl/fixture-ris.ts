import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { oparlSyncRuns } from "../../../db/schema";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/oparl/ris");
/** The bytes behind the File objects' URLs (papers-files-*.json); gross.pdf is made on the fly. */
const FILES: Record<string, string> = {
  "/oparl/files/vorlage.pdf": path.resolve(DIR, "../../documents/text.pdf"),
  "/oparl/files/anlage.txt": path.join(DIR, "files/anlage.txt"),
  "/oparl/files/anlage-kopie.txt": path.join(DIR, "files/anlage.txt"),
  "/oparl/files/angebot.pdf": path.join(DIR, "files/angebot.pdf"),
};
/** Over the test's FILE_MAX_MB of 1, sent without Content-Length so only reading finds out. */
const OVERSIZED = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2 * 1024 * 1024, 0x20), Buffer.from("\n%%EOF\n")]);
const ROUTES = JSON.parse(readFileSync(path.join(DIR, "routes.json"), "utf8")) as Record<string, Record<string, string | number>>;

export type FixtureRis = {
  url: string;
  systemUrl: string;
  state: "state1" | "state2" | "files1" | "files2" | "files3";
  /** Paths (with ?page=N) that answer 500: `times` left, or Infinity for an outage. */
  failures: Map<string, number>;
  requests: string[];
  close: () => Promise<void>;
};

/**
 * A small OParl server on loopback serving the JSON files in test/fixtures/oparl/ris as the
 * city's RIS. `{{BASE}}` in them becomes this server's /oparl URL. state2 answers the
 * modified_since lists of a second sync; failures simulate HTTP 500 and outages.
 */
export async function startFixtureRis(): Promise<FixtureRis> {
  const fixture = { state: "state1", failures: new Map<string, number>(), requests: [] as string[] } as FixtureRis;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const page = url.searchParams.get("page");
    const key = url.pathname + (url.searchParams.has("modified_since") ? "?since" : page ? `?page=${page}` : "");
    fixture.requests.push(key);
    const failing = fixture.failures.get(key);
    if (failing && failing > 0) {
      fixture.failures.set(key, failing - 1);
      response.writeHead(500, { "Content-Type": "text/plain" }).end("Interner Fehler");
      return;
    }
    if (url.pathname === "/oparl/files/gross.pdf") {
      response.on("error", () => {}); // the importer hangs up half-way
      response.writeHead(200, { "Content-Type": "application/pdf", "Transfer-Encoding": "chunked" });
      response.end(OVERSIZED);
      return;
    }
    if (FILES[url.pathname]) {
      response.writeHead(200, { "Content-Type": "application/pdf" }).end(readFileSync(FILES[url.pathname]));
      return;
    }
    const target = ROUTES[fixture.state][key];
    if (target === undefined || target === 404) {
      response.writeHead(404, { "Content-Type": "application/json" }).end('{"type":"https://schema.oparl.org/1.1/Error","message":"nicht gefunden"}');
      return;
    }
    const body = target === "[]" ? "[]" : readFileSync(path.join(DIR, String(target)), "utf8").replaceAll("{{BASE}}", `${fixture.url}/oparl`);
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("no address");
  fixture.url = `http://127.0.0.1:${address.port}`;
  fixture.systemUrl = `${fixture.url}/oparl/system`;
  fixture.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fixture;
}

/** The newest sync run. */
export async function lastSyncRun() {
  const [run] = await db
    .select()
    .from(oparlSyncRuns)
    .orderBy(sql`id desc`)
    .limit(1);
  return run;
}
