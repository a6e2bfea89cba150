import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { TestUser } from "./fixtures";

const BASE = "http://localhost:3000";

type CallOptions = {
  user?: TestUser | null;
  params?: Record<string, string>;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** The load context server.mjs would pass (client address, CSP nonce). */
  context?: Record<string, unknown>;
};

export function buildRequest(path: string, options: CallOptions & { method?: string } = {}) {
  const headers = new Headers(options.headers);
  if (options.user) headers.set("Cookie", options.user.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(new URL(path, BASE), { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

/**
 * Calls a loader or action the way Remix does, and returns the Response either way:
 * thrown responses (redirects, 403, 404) are caught and returned.
 */
export async function callRoute(
  fn: (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown,
  path: string,
  options: CallOptions & { method?: string } = {},
): Promise<Response> {
  const request = buildRequest(path, options);
  try {
    const result = await fn({ request, params: options.params ?? {}, context: options.context ?? {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function jsonOf<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
