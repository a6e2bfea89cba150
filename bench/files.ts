import { get, request } from "node:http";
import { sql } from "drizzle-orm";
import { generateToken, hashToken } from "../app/accounts/token.server";
import type { Database } from "../db/client.server";
import { rows, run } from "./generate/context";

/**
 * Upload and download throughput of documents (issue 13): a staff member uploads a PDF-shaped
 * file of 5 and 20 MB to a public paper through the real form action (multipart over loopback,
 * chunked into the database), then downloads it as a visitor would. Median of RUNS each.
 */
export const FILE_SIZES_MB = [5, 20];
const RUNS = 3;
const MB = 1024 * 1024;
const BOUNDARY = "----bench-upload";

export type FileResult = { backend: string; sizeMb: number; runs: number; uploadMs: number; downloadMs: number; uploadMBps: number; downloadMBps: number };
export type FileBench = { cookie: string; owner: string; pagePath: string };

/** A staff session and a public paper to attach to; runs on the generated database before the server opens it. */
export async function prepareFileBench(db: Database): Promise<FileBench> {
  const [staff] = await rows<{ id: number }>(db, sql`select id from users where role = 'staff' order by id limit 1`);
  const [paper] = await rows<{ id: number; reference: string }>(db, sql`select id, reference from papers where is_public order by id limit 1`);
  const token = generateToken();
  await run(
    db,
    sql`insert into sessions (id, user_id, expires_at, absolute_expires_at, user_agent)
        values (${hashToken(token)}, ${staff.id}, now() + interval '12 hours', now() + interval '12 hours', 'bench-files')`,
  );
  return { cookie: `session=${token}`, owner: `paper:${paper.id}`, pagePath: `/vorlagen/${paper.reference.replaceAll("/", "-")}` };
}

function uploadBody(owner: string, sizeMb: number) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="owner"\r\n\r\n${owner}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="label"\r\n\r\nBench ${sizeMb} MB\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench-${sizeMb}mb.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\n%%EOF\n\r\n--${BOUNDARY}--\r\n`);
  return Buffer.concat([head, Buffer.alloc(sizeMb * MB - 16, 0x20), tail]);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function newestDocumentId(url: string, bench: FileBench) {
  const html = await new Promise<string>((resolve, reject) => {
    get(`${url}${bench.pagePath}`, { agent: false, headers: { Cookie: bench.cookie } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve(text));
    }).on("error", reject);
  });
  const ids = [...html.matchAll(/\/dokumente\/(\d+)/g)].map((match) => Number(match[1]));
  if (ids.length === 0) throw new Error(`Kein Dokument auf ${bench.pagePath}`);
  return Math.max(...ids);
}

/** A POST on a fresh connection (the server closes upload connections). */
function upload(target: string, body: Buffer, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = request(target, { method: "POST", agent: false, headers: { ...headers, "Content-Length": String(body.length) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A plain GET on a fresh connection, counting the body's bytes. */
function download(target: string) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    get(target, { agent: false }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

export async function measureFiles(url: string, bench: FileBench, backend: string): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const sizeMb of FILE_SIZES_MB) {
    const body = uploadBody(bench.owner, sizeMb);
    const uploads: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const status = await upload(`${url}/dokumente/hochladen`, body, {
        "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`,
        Origin: url,
        Cookie: bench.cookie,
      });
      uploads.push(performance.now() - started);
      if (status !== 302 && status !== 303) throw new Error(`Hochladen ${sizeMb} MB: HTTP ${status}`);
      ids.push(await newestDocumentId(url, bench));
    }
    const downloads: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      const { status, bytes } = await download(`${url}/dokumente/${id}`);
      downloads.push(performance.now() - started);
      if (status !== 200 || bytes !== sizeMb * MB) throw new Error(`Herunterladen ${sizeMb} MB: HTTP ${status}, ${bytes} Bytes`);
    }
    const [uploadMs, downloadMs] = [median(uploads), median(downloads)];
    results.push({
      backend,
      sizeMb,
      runs: RUNS,
      uploadMs: Math.round(uploadMs),
      downloadMs: Math.round(downloadMs),
      uploadMBps: +(sizeMb / (uploadMs / 1000)).toFixed(1),
      downloadMBps: +(sizeMb / (downloadMs / 1000)).toFixed(1),
    });
    console.log(
      `  Datei ${sizeMb} MB: hoch ${results.at(-1)!.uploadMBps} MB/s (${Math.round(uploadMs)} ms), runter ${results.at(-1)!.downloadMBps} MB/s (${Math.round(downloadMs)} ms)`,
    );
  }
  return results;
}

export function formatFiles(results: FileResult[] | undefined): string[] {
  if (!results?.length) return [];
  const lines = ["", "Dokumente (Median aus je 3, Loopback)  Datenbank  Größe  hoch MB/s  runter MB/s"];
  for (const r of results)
    lines.push(
      `${"".padEnd(39)}${r.backend.padEnd(10)} ${`${r.sizeMb} MB`.padStart(5)} ${String(r.uploadMBps).padStart(10)} ${String(r.downloadMBps).padStart(12)}`,
    );
  return lines;
}
