import type { MetaFunction } from "@remix-run/node";
import { benchQueryLog } from "~/server/request-scope.server";

// The benchmark's yardstick (npm run bench): a static page through the same layout, no loader
// of its own, so every figure can be read as a multiple of what the framework alone costs.
export const meta: MetaFunction = () => [{ title: "Messlatte – Digitalbeirat" }];

/** Only in bench mode (bench/server.ts starts the server with BENCH_QUERY_LOG=1); else not there. */
export function loader() {
  if (!benchQueryLog() && process.env.BENCH_MODE !== "1") throw new Response("Diese Seite gibt es nicht.", { status: 404, statusText: "Not Found" });
  return null;
}

export default function BenchBaseline() {
  return (
    <section aria-labelledby="baseline-title">
      <h1 id="baseline-title">Messlatte</h1>
      <p>Eine statische Seite als Vergleichswert für die Lastmessung.</p>
    </section>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
