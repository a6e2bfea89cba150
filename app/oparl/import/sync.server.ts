import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { oparlSyncCursors } from "#db/schema";
import { t } from "~/i18n/de";
import { SourceClient, type SourceClientOptions } from "./client.server";
import { upsertCouncilMeeting } from "./meetings.server";
import { isRecord, listOf, typeNameOf } from "./normalize";
import { upsertOrganization } from "./organizations.server";
import { upsertPaper } from "./papers.server";
import { RunReport } from "./report";
import type { Imported } from "./admit.server";

const text = t.oparl.import.errors;
/** Overlap against clock skew between us and the source: modified_since starts this much earlier. */
const OVERLAP_MS = 5 * 60 * 1000;

export type SyncOptions = Omit<SourceClientOptions, "systemUrl"> & {
  baseUrl: string;
  bodyUrl?: string | null;
  /** Pages per list and run; the rest follows on the next run (the cursor remembers where). */
  maxPages?: number;
  onProgress?: () => Promise<void>;
  /** The sync run whose report a refused file's fetch job adds to. */
  runId?: number | null;
  /** Filled as the run goes, so a caller keeps it when the run fails half-way. */
  report?: RunReport;
};

export class SyncError extends Error {}

/**
 * One sync with the city's RIS: System → Body → organizations, meetings, papers, each list
 * walked through links.next with modified_since from its last complete walk. Every object is
 * its own transaction; the cursor moves only over fully processed pages.
 */
export async function syncFromRis(options: SyncOptions): Promise<RunReport> {
  const client = new SourceClient({ ...options, systemUrl: options.baseUrl });
  const report = options.report ?? new RunReport();
  const system = await client.getJson(options.baseUrl);
  if (!system.ok) throw new SyncError(text.fetch(system.url, system.reason));
  const body = await chooseBody(client, system.json, options.bodyUrl ?? null);
  const orgCache = new Map<string, number | null>();
  const lists: Array<[string, (raw: unknown) => Promise<Imported>]> = [
    ["organization", (raw) => upsertOrganization(client, raw)],
    ["meeting", (raw) => upsertCouncilMeeting(client, raw, orgCache)],
    ["paper", (raw) => upsertPaper(client, raw, orgCache, { runId: options.runId ?? null, count: (outcome, id) => report.count("file", outcome, id) })],
  ];
  for (const [list, upsert] of lists) {
    const listUrl = client.own(body[list]);
    if (!listUrl) {
      report.problem({ list, reason: text.foreignUrl(String(body[list] ?? "")) });
      continue;
    }
    await walkList({ client, list, listUrl, upsert, report, maxPages: options.maxPages ?? 500, onProgress: options.onProgress });
  }
  return report;
}

async function chooseBody(client: SourceClient, system: unknown, wanted: string | null): Promise<Record<string, unknown>> {
  if (!isRecord(system)) throw new SyncError(text.notJson);
  const bodyRef = system.body;
  let candidates: unknown[] = [];
  if (typeof bodyRef === "string") {
    const fetched = await client.getJson(bodyRef);
    if (!fetched.ok) throw new SyncError(text.fetch(fetched.url, fetched.reason));
    // A list page, a bare array, or (seen in the wild) one Body object instead of a list.
    const json = fetched.json;
    candidates = isRecord(json) && Array.isArray(json.data) ? json.data : Array.isArray(json) ? json : [json];
  } else {
    candidates = listOf(bodyRef);
  }
  const bodies = candidates.filter((c): c is Record<string, unknown> => isRecord(c) && typeNameOf(c.type) === "Body");
  const chosen = wanted ? bodies.find((b) => client.own(b.id) === client.own(wanted)) : bodies[0];
  if (!chosen) throw new SyncError(text.noBody);
  return chosen;
}

type Walk = {
  client: SourceClient;
  list: string;
  listUrl: string;
  upsert: (raw: unknown) => Promise<Imported>;
  report: RunReport;
  maxPages: number;
  onProgress?: () => Promise<void>;
};

async function walkList({ client, list, listUrl, upsert, report, maxPages, onProgress }: Walk) {
  const [cursor] = await db.select().from(oparlSyncCursors).where(eq(oparlSyncCursors.listUrl, listUrl));
  const walkStartedAt = cursor?.resumeUrl && cursor.walkStartedAt ? cursor.walkStartedAt : new Date();
  let url: string | null = cursor?.resumeUrl ?? firstPageUrl(listUrl, cursor?.since ?? null);
  const incremental = Boolean(cursor?.since);
  report.touch(list);
  for (let pages = 0; url; pages++) {
    if (pages >= maxPages) {
      report.problem({ list, reason: text.maxPages(list) });
      return;
    }
    const fetched = await client.getJson(url);
    // An empty modified_since answer comes as 404 from some servers.
    if (!fetched.ok && fetched.status === 404 && incremental) break;
    if (!fetched.ok) throw new SyncError(text.fetch(fetched.url, fetched.reason));
    const { items, next } = readPage(fetched.json);
    for (const item of items) {
      try {
        const { outcome, id } = await upsert(item);
        report.count(list, outcome, id);
      } catch (error) {
        if (isRecord(error) && String(error.code ?? "").startsWith("ECONN")) throw error;
        report.count(
          list,
          { refused: `${t.oparl.import.refused.database}: ${String((error as Error).message).slice(0, 200)}` },
          isRecord(item) ? String(item.id ?? "") : undefined,
        );
      }
    }
    let nextUrl: string | null = null;
    if (next) {
      nextUrl = client.own(next);
      if (!nextUrl) throw new SyncError(text.foreignUrl(next));
    }
    await saveCursor(
      listUrl,
      nextUrl ? { resumeUrl: nextUrl, walkStartedAt } : { resumeUrl: null, walkStartedAt: null, since: new Date(walkStartedAt.getTime() - OVERLAP_MS) },
    );
    await onProgress?.();
    url = nextUrl;
  }
  if (url === null) return;
  await saveCursor(listUrl, { resumeUrl: null, walkStartedAt: null, since: new Date(walkStartedAt.getTime() - OVERLAP_MS) });
}

function firstPageUrl(listUrl: string, since: Date | null) {
  if (!since) return listUrl;
  const url = new URL(listUrl);
  url.searchParams.set("modified_since", `${since.toISOString().slice(0, 19)}+00:00`);
  return url.toString();
}

function readPage(json: unknown): { items: unknown[]; next: string | null } {
  if (Array.isArray(json)) return { items: json, next: null };
  if (!isRecord(json)) return { items: [], next: null };
  if (!Array.isArray(json.data)) return { items: typeNameOf(json.type) ? [json] : [], next: null };
  const links = isRecord(json.links) ? json.links : {};
  const next = typeof links.next === "string" && links.next.trim() ? links.next : null;
  return { items: json.data.slice(0, 10_000), next };
}

async function saveCursor(listUrl: string, values: Partial<typeof oparlSyncCursors.$inferInsert>) {
  await db
    .insert(oparlSyncCursors)
    .values({ listUrl, ...values })
    .onConflictDoUpdate({ target: oparlSyncCursors.listUrl, set: { ...values, updatedAt: new Date() } });
}
