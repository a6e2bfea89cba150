import { t } from "~/i18n/de";

/**
 * HTTP for the import: only the configured source's host, a timeout per request, a size
 * limit per response, retries with backoff for network errors and 5xx, no redirects to
 * elsewhere. Tolerates raw control characters inside JSON strings (seen in real RIS output).
 */
export type SourceClientOptions = {
  systemUrl: string;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  backoffMs?: number;
};

export type Fetched = { ok: true; url: string; json: unknown } | { ok: false; url: string; status?: number; reason: string };

const text = t.oparl.import.errors;

export class SourceClient {
  readonly origin: URL;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  requests = 0;

  constructor(options: SourceClientOptions) {
    this.origin = new URL(options.systemUrl);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
  }

  /** The URL on the source's host (http ids are rewritten to the configured scheme), or null. */
  own(raw: unknown): string | null {
    if (typeof raw !== "string" || raw.length > 2000) return null;
    let url: URL;
    try {
      url = new URL(raw.trim());
    } catch {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.hostname.toLowerCase() !== this.origin.hostname.toLowerCase()) return null;
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    const ownPort = this.origin.port || (this.origin.protocol === "https:" ? "443" : "80");
    if (url.protocol === this.origin.protocol && port !== ownPort) return null;
    url.protocol = this.origin.protocol;
    url.port = this.origin.port;
    url.hash = "";
    return url.toString();
  }

  async getJson(rawUrl: string): Promise<Fetched> {
    const url = this.own(rawUrl);
    if (!url) return { ok: false, url: rawUrl, reason: text.foreignUrl(String(rawUrl).slice(0, 200)) };
    let last: Fetched = { ok: false, url, reason: "" };
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
      last = await this.once(url);
      const retryable = !last.ok && (last.status === undefined || last.status >= 500) && last.reason !== text.tooLarge && last.reason !== text.notJson;
      if (!retryable) return last;
    }
    return last;
  }

  private async once(url: string, redirects = 0): Promise<Fetched> {
    this.requests += 1;
    let response: Response;
    try {
      response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(this.timeoutMs), headers: { Accept: "application/json" } });
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? text.timeout : String((error as Error).message ?? error).slice(0, 200);
      return { ok: false, url, reason };
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const target = this.own(new URL(response.headers.get("location") ?? "", url).toString());
      if (!target || redirects >= 3) return { ok: false, url, status: response.status, reason: text.foreignUrl(response.headers.get("location") ?? "") };
      return this.once(target, redirects + 1);
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, url, status: response.status, reason: `HTTP ${response.status}` };
    }
    const body = await this.readBounded(response);
    if (body === null) return { ok: false, url, status: response.status, reason: text.tooLarge };
    const json = parseLenient(body);
    return json === undefined ? { ok: false, url, status: response.status, reason: text.notJson } : { ok: true, url, json };
  }

  private async readBounded(response: Response): Promise<string | null> {
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > this.maxBytes) {
      await response.body?.cancel();
      return null;
    }
    const reader = response.body?.getReader();
    if (!reader) return "";
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > this.maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString("utf8");
  }
}

/** JSON.parse, and on failure once more with raw control characters turned into spaces. */
export function parseLenient(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    try {
      return JSON.parse(body.replace(/[\u0000-\u001f]/g, " "));
    } catch {
      return undefined;
    }
  }
}
