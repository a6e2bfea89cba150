/** A tiny browser stand-in: one cookie, form posts without JavaScript, no redirects followed. */
export type Client = { cookie?: string };

export type Reply = { status: number; location: string | null; text: string; headers: Headers };

export async function get(base: string, path: string, client: Client = {}): Promise<Reply> {
  return send(base, path, { method: "GET" }, client);
}

export async function postForm(base: string, path: string, fields: Iterable<[string, string]>, client: Client = {}): Promise<Reply> {
  const body = new URLSearchParams();
  for (const [key, value] of fields) body.append(key, value);
  return send(base, path, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }, client);
}

async function send(base: string, path: string, init: RequestInit, client: Client): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (client.cookie) headers.set("Cookie", client.cookie);
  // Like a browser: state-changing requests carry their Origin (the server refuses them without).
  if (init.method && init.method !== "GET" && init.method !== "HEAD") headers.set("Origin", new URL(base).origin);
  const response = await fetchOnLiveSocket(new URL(path, base), { ...init, headers, redirect: "manual" });
  const text = await response.text();
  const setCookie = response.headers.get("Set-Cookie");
  const session = setCookie ? /(?:^|[;,]\s*)session=([^;]*)/.exec(setCookie) : null;
  if (session) client.cookie = session[1] ? `session=${session[1]}` : undefined;
  return { status: response.status, location: response.headers.get("Location"), text, headers: response.headers };
}

/** Is the client signed in? The root loader's data names the user. */
export async function signedInUserId(base: string, client: Client): Promise<number | null> {
  const reply = await get(base, "/?_data=root", client);
  if (reply.status !== 200) throw new Error(`/?_data=root antwortet ${reply.status}`);
  return (JSON.parse(reply.text) as { user: { id: number } | null }).user?.id ?? null;
}

/**
 * Like a browser: a request that meets a kept-alive socket the server has just closed (no byte of
 * an answer came back) is sent again on another connection. Seen after the edge refused a request
 * without reading its body (issue 14); anything else, and a second failure, is thrown.
 */
async function fetchOnLiveSocket(url: URL, init: RequestInit, attempt = 1): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // The pool may hold more than one such socket: at most three tries, each on the next one.
    if (attempt >= 3 || cause?.code !== "UND_ERR_SOCKET" || !/other side closed/.test(cause.message ?? "")) throw error;
    return fetchOnLiveSocket(url, init, attempt + 1);
  }
}
