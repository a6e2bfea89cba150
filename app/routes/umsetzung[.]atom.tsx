import type { LoaderFunctionArgs } from "@remix-run/node";
import { listAccountabilityFeed } from "~/commitments/accountability.server";
import { accountabilityAtom } from "~/commitments/export.server";
import { getUser } from "~/policy.server";

/** Atom feed of status changes and outcomes the reader may see (feed readers: the public ones). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return new Response(accountabilityAtom(await listAccountabilityFeed({ reader: user })), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": user ? "private, no-store" : "public, max-age=300",
      Vary: "Cookie",
    },
  });
}
