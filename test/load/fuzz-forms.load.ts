import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "../../db/seed/index";
import type { Role } from "../../db/schema";
import { formSignature, parseForms, parseLinks, shapeOf, type FoundForm } from "./support/forms";
import { formEntries, formInputArb, liveMarkup, sweepInputs, type FormInput } from "./support/fuzz";
import { get, postForm, type Client, type Reply } from "./support/http";
import { bound } from "./support/load";
import { createMembers, LOAD_PASSWORD, type Member } from "./support/members";
import { createPortal, type Portal } from "./support/portal";

const RUNS = bound("LOAD_FUZZ_RUNS", 8);
const BUDGET_MS = bound("LOAD_FUZZ_SECONDS", 30) * 1000;
/** Each form's random part runs at least this long, whatever the budget. */
const FORM_MIN_MS = bound("LOAD_FUZZ_FORM_MS", 300);
const PAGES_PER_ROLE = bound("LOAD_FUZZ_PAGES", 40);
const SEED = bound("LOAD_FUZZ_SEED", 20_251_125);
// Visitors first and admin last: an admin's fuzzed form may disable other accounts.
const ROLES: Array<Role | "visitor"> = ["visitor", "council", "expert", "staff", "admin"];
const START_PAGES = ["/", "/themen", "/bewertungsrunden", "/sitzungen", "/vorlagen", "/empfehlungen", "/suche?q=Chatbot", "/konto", "/admin", "/login"];
const SKIP_LINK = /^\/(logout|build\/)|\.(csv|ics|atom|json)\b|\/export|_data=/;

type Actor = { role: Role | "visitor"; member?: Member; client: Client; gone?: boolean };

let portal: Portal | undefined;
afterAll(() => portal?.dispose());

async function signIn(url: string, actor: Actor) {
  if (!actor.member || actor.gone) return;
  actor.client.cookie = undefined;
  const reply = await postForm(
    url,
    "/login",
    [
      ["email", actor.member.email],
      ["password", LOAD_PASSWORD],
    ],
    actor.client,
  );
  if (reply.status !== 302) actor.gone = true;
}

/** Breadth-first over the pages a role can reach, at most two pages of each URL shape. */
async function crawl(url: string, actor: Actor, onPage: (path: string, html: string) => void) {
  const queue = [...START_PAGES];
  const perShape = new Map<string, number>();
  const seen = new Set<string>();
  let pages = 0;
  while (queue.length > 0 && pages < PAGES_PER_ROLE) {
    const path = queue.shift()!;
    const shape = shapeOf(path);
    if (seen.has(path) || (perShape.get(shape) ?? 0) >= 2) continue;
    seen.add(path);
    perShape.set(shape, (perShape.get(shape) ?? 0) + 1);
    const reply = await get(url, path, actor.client);
    pages += 1;
    if (reply.status !== 200 || !reply.headers.get("Content-Type")?.includes("text/html")) continue;
    onPage(path, reply.text);
    for (const link of parseLinks(reply.text)) if (!SKIP_LINK.test(link) && !seen.has(link)) queue.push(link);
  }
  return pages;
}

function send(url: string, form: FoundForm, entries: Array<[string, string]>, client: Client): Promise<Reply> {
  if (form.method === "post") return postForm(url, form.action, entries, client);
  const target = new URL(form.action, url);
  for (const [key, value] of entries) target.searchParams.append(key, value);
  return get(url, target.pathname + target.search, client);
}

describe("bad input at volume", () => {
  it("every form, each field swept with a NUL byte, an oversized number and markup, then fuzzed: no 5xx, no stored markup served live", async () => {
    const actors: Actor[] = [];
    portal = await createPortal({
      pgTemplate: inject("pgTemplate"),
      prepare: async (db) => {
        await seedDemo(db);
        for (const role of ROLES) actors.push({ role, client: {}, member: role === "visitor" ? undefined : (await createMembers(db, role, 1))[0] });
      },
    });
    const url = portal.url;
    for (const actor of actors) actor.client.cookie = actor.member?.cookie;

    const targets = new Map<string, { form: FoundForm; actor: Actor }>();
    const crawled: Record<string, number> = {};
    for (const actor of actors) {
      crawled[actor.role] = await crawl(url, actor, (path, html) => {
        for (const form of parseForms(html, path)) {
          if (/^\/logout/.test(form.action)) continue;
          const signature = `${actor.role} ${formSignature(form)}`;
          if (!targets.has(signature)) targets.set(signature, { form, actor });
        }
      });
    }

    const failures: string[] = [];
    const markup: string[] = [];
    const statuses: Record<string, number> = {};
    const perFormMs = Math.max(FORM_MIN_MS, BUDGET_MS / Math.max(1, targets.size));
    let requests = 0;
    // A form that several roles see is one action with the same fields and the same input
    // checks: it is swept once, by the first role that reaches it (visitors first); every
    // role's copy is still fuzzed.
    const swept = new Set<string>();
    for (const [signature, { form, actor }] of targets) {
      if (actor.gone) continue;
      const attemptInput = async (input: FormInput) => {
        if (actor.member && !actor.client.cookie) await signIn(url, actor);
        const entries = formEntries(form, input);
        const reply = await send(url, form, entries, actor.client);
        requests += 1;
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        markup.push(...liveMarkup(reply.text).map((m) => `${signature} → ${m}`));
        if (reply.status >= 500) return false;
        if (reply.location?.startsWith("/login")) await signIn(url, actor);
        else if (reply.location?.startsWith("/")) {
          const next = await get(url, reply.location, actor.client);
          markup.push(...liveMarkup(next.text).map((m) => `${signature} → ${reply.location} → ${m}`));
        }
        return true;
      };
      const shape = formSignature(form);
      const sweep = swept.has(shape) ? [] : sweepInputs(form);
      swept.add(shape);
      for (const input of sweep) {
        if (!(await attemptInput(input))) failures.push(`${signature}: 5xx mit ${JSON.stringify(formEntries(form, input)).slice(0, 400)}`);
      }
      const property = fc.asyncProperty(formInputArb(form), attemptInput);
      const details = await fc.check(property, { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: perFormMs, markInterruptAsFailure: false });
      // fast-check also reports "failed" when the time limit struck before the first run ended
      // (a slow machine): only a counterexample is a finding.
      if (details.failed && details.counterexample) {
        const example = JSON.stringify(formEntries(form, details.counterexample[0])).slice(0, 400);
        const error = String(details.errorInstance ?? "").split("\n")[0];
        failures.push(`${signature}: ${error.includes("returning false") ? "5xx" : error} mit ${example}`);
      }
    }

    // Whatever the fuzzing stored must come back escaped on every page that shows it.
    const admin = actors.find((a) => a.role === "admin")!;
    if (admin.gone) await signIn(url, { ...admin, gone: false });
    await crawl(url, admin, (path, html) => markup.push(...liveMarkup(html).map((m) => `${path} → ${m}`)));

    console.info(
      `Fuzzing: ${targets.size} Formulare (${swept.size} verschiedene abgetastet), ${requests} Anfragen, Status ${JSON.stringify(statuses)}, Seiten ${JSON.stringify(crawled)}`,
      actors.filter((a) => a.gone).map((a) => `${a.role}: Konto durch Fuzzing unbrauchbar`),
    );
    expect(targets.size, "Formulare gefunden").toBeGreaterThan(5);
    expect(failures, portal.output().slice(-4000)).toEqual([]);
    expect([...new Set(markup)]).toEqual([]);
  });
});
