import { redirect } from "@remix-run/node";

/**
 * A redirect after a change, to a URL that may differ from the current one only in its hash
 * (`#comment-12`). Remix's client router skips the loaders for a hash-only navigation, so the
 * page would not show what was just written; the header makes it revalidate.
 */
export function redirectAfterChange(url: string, status = 303) {
  return redirect(url, { status, headers: { "X-Remix-Revalidate": "yes" } });
}
