// Where the time goes in a V8 CPU profile (BENCH_PROFILE=tmp/prof npm run bench, node --cpu-prof):
//   npx tsx bench/profile-summary.ts tmp/prof/CPU.….cpuprofile [top]
// Self time per function and per package (node_modules/<name>, node: internals, the app's build),
// as a share of the busy time (idle and the program's own wait excluded), from the first request
// on (start-up, module loading and migrations are left out).
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("Aufruf: npx tsx bench/profile-summary.ts <datei.cpuprofile> [anzahl]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
const servesRequest = (id: number | undefined): boolean =>
  id !== undefined && (byId.get(id)!.callFrame.url.endsWith("_http_server") || servesRequest(parentOf.get(id)));
const firstRequest = profile.samples.findIndex((id) => servesRequest(id));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (i >= firstRequest) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const IDLE = new Set(["(idle)", "(program)"]);
const functions = new Map<string, number>();
const packages = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfUs) {
  const frame = byId.get(id)!.callFrame;
  if (IDLE.has(frame.functionName)) continue;
  busy += us;
  const where = frame.url.replace(/^file:\/\//, "").replace(/^.*\/node_modules\//, "~/");
  const key = `${frame.functionName || "(anonym)"} ${where ? `${where}:${frame.lineNumber + 1}` : ""}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  packages.set(packageOf(frame.url, frame.functionName), (packages.get(packageOf(frame.url, frame.functionName)) ?? 0) + us);
}

function packageOf(url: string, name: string) {
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  if (url.startsWith("node:")) return "node: " + url.slice(5).split("/")[0];
  if (url.includes("/build") && url.endsWith("index.js")) return "App (Build)";
  if (url) return url.replace(/^file:\/\/.*?\/([^/]+)$/, "$1");
  return name.startsWith("(") ? name : "V8/nativ";
}

const total = profile.timeDeltas.slice(firstRequest).reduce((a, b) => a + b, 0);
const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
};
console.log(`Profil ${file}: ${(total / 1e6).toFixed(1)} s ab der ersten Anfrage, davon beschäftigt ${(busy / 1e6).toFixed(1)} s`);
print("Pakete (Eigenzeit)", packages);
print("Funktionen (Eigenzeit)", functions);
