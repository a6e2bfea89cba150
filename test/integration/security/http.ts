import { request as httpRequest } from "node:http";
import { DEMO_LOGINS } from "../../../db/seed/accounts";
import type { RunningServer } from "../../support/server";

export type Reply = { status: number; headers: Headers; text: string; location: string | null };

/** One request, no redirects followed; `origin: true` sends the server's own Origin. */
export async function send(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit; cookie?: string; origin?: boolean } = {},
): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.origin) headers.set("Origin", new URL(base).origin);
  const response = await fetch(new URL(path, base), {
    method: init.method ?? "GET",
    headers,
    body: init.body,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text(), location: response.headers.get("Location") };
}

export function form(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  return body;
}

export const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

export function demoLogin(role: "admin" | "staff" | "expert" | "council") {
  return DEMO_LOGINS.find((login) => login.role === role)!;
}

/** Signs in through POST /login and returns the cookie for later requests. */
export async function signIn(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const reply = await send(base, "/login", { method: "POST", origin: true, headers: { ...FORM, ...headers }, body: form({ email, password }) });
  const cookie = /((?:__Host-)?session=[^;]+)/.exec(reply.headers.get("Set-Cookie") ?? "")?.[1];
  if (reply.status !== 302 || !cookie) throw new Error(`Anmeldung als ${email}: ${reply.status} ${reply.text.slice(0, 200)}`);
  return cookie;
}

export async function signInAs(server: RunningServer, role: "admin" | "staff" | "expert" | "council") {
  const login = demoLogin(role);
  return signIn(server.url, login.email, login.password);
}

/**
 * Raw HTTP (no fetch): writes the head (`email=` unless given), then body chunks of `fill` until
 * the server answers or `maxBytes` are written; returns the status and how much was written before
 * the answer came. `agent: false` sends it on a connection of its own.
 */
export function sendLarge(
  base: string,
  path: string,
  options: { chunked: boolean; declaredLength?: number; maxBytes: number; headers?: Record<string, string>; head?: string; fill?: string; agent?: false },
) {
  const url = new URL(base);
  return new Promise<{ status: number; written: number; text: string }>((resolve, reject) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string> = { ...FORM, Origin: url.origin, ...options.headers };
    if (!options.chunked) headers["Content-Length"] = String(options.declaredLength ?? options.maxBytes);
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "POST", headers, agent: options.agent }, (res) => {
      answered = true;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, written, text }));
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, options.fill ?? "a");
    const pump = () => {
      while (!answered && written < options.maxBytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.write(options.head ?? "email=");
    pump();
  });
}

/** Server log lines written while `run` ran. */
export async function logDuring(server: RunningServer, run: () => Promise<unknown>) {
  const before = server.output().length;
  await run();
  await new Promise((resolve) => setTimeout(resolve, 100));
  return server.output().slice(before);
}

export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** A request fetch refuses to send (TRACE), over plain HTTP. */
export function sendRaw(base: string, path: string, method: string) {
  const url = new URL(base);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end();
  });
}
