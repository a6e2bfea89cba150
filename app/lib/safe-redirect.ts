// Any origin works as the base: only whether the target stays on it matters.
const BASE = "http://portal.invalid";

/**
 * A `redirectTo` as a same-origin path, or `fallback`. The value is parsed with the WHATWG URL
 * parser (what the browser will do with the Location header: it drops tabs and line breaks and
 * reads `\` as `/`) against a base origin, and kept only if it resolves to that origin. The
 * result is rebuilt from the parsed path, query and hash, never the raw value, and refused if
 * it could itself be read as protocol-relative (`//host`, from `/.//host`).
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof target !== "string" || target.length === 0 || target.length > 2_000) return fallback;
  // Only a path may come in: no scheme, no host, and nothing a browser would silently drop.

  if (!target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  // Encoded forms too (`/%2F%2Fhost`, `/%5Chost`): a proxy or another app might decode them.
  if (/^\/(\/|\\)/.test(decodedOrRaw(url.pathname))) return fallback;
  return new URL(path, BASE).origin === BASE ? path : fallback;
}

function decodedOrRaw(path: string) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
