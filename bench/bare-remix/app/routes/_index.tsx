import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Messlatte – Remix" }];

export default function Index() {
  return (
    <section aria-labelledby="baseline-title">
      <h1 id="baseline-title">Messlatte</h1>
      <p>Eine statische Seite als Vergleichswert für die Lastmessung.</p>
    </section>
  );
}
