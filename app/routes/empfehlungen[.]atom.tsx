import type { LoaderFunctionArgs } from "@remix-run/node";
import { listFeedEntries, renderAtomFeed } from "~/recommendations/feed.server";
import { getUser } from "~/policy.server";

/** Atom feed of the published recommendations the reader may see (feed readers: the public ones). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const entries = await listFeedEntries({ reader: user });
  return new Response(renderAtomFeed(entries), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": user ? "private, no-store" : "public, max-age=300",
      Vary: "Cookie",
    },
  });
}
