// Role × route matrix over HTTP: every route as a document and as its Remix data request
// (?_data=routes/…), for visitors and every role, and every action. Complements the per-domain
// permission tests, which call loaders and actions directly.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";
import { FORM, send, signInAs } from "./http";

type Role = "visitor" | "council" | "expert" | "staff" | "admin";
const ROLES: Role[] = ["visitor", "council", "expert", "staff", "admin"];
type Row = Record<Role, number>;

const row = (visitor: number, council: number, expert: number, staff: number, admin: number): Row => ({ visitor, council, expert, staff, admin });
const EVERYONE = row(200, 200, 200, 200, 200);
const SIGNED_IN = row(302, 200, 200, 200, 200);
const BOARD = row(302, 403, 200, 200, 200);
const STAFF = row(302, 403, 403, 200, 200);
const ADMIN = row(302, 403, 403, 403, 200);
const GUESTS = row(200, 302, 302, 302, 302);

let server: RunningServer;
const cookies: Partial<Record<Role, string>> = {};
const ids: Record<string, string> = {};

async function firstMatch(pathname: string, pattern: RegExp, role: Role = "staff") {
  const page = await send(server.url, pathname, { cookie: cookies[role] });
  const match = pattern.exec(page.text);
  if (!match) throw new Error(`${pattern} nicht auf ${pathname}`);
  return match[1];
}

beforeAll(async () => {
  server = await startServer(inject("pgTemplate"), { demo: true });
  for (const role of ROLES) if (role !== "visitor") cookies[role] = await signInAs(server, role);
  ids.publicMeeting = await firstMatch("/sitzungen", /href="\/sitzungen\/(\d+)"/, "visitor");
  ids.round = await firstMatch("/bewertungsrunden", /href="\/bewertungsrunden\/(\d+)"/);
  const roundList = await send(server.url, "/bewertungsrunden", { cookie: cookies.staff });
  for (const [, id] of roundList.text.matchAll(/href="\/bewertungsrunden\/(\d+)"/g)) {
    if ((await send(server.url, `/bewertungsrunden/${id}/ergebnisse`, { cookie: cookies.staff })).status === 200) {
      ids.closedRound = id;
      break;
    }
  }
  if (!ids.closedRound) throw new Error("keine geschlossene Runde");
  ids.proposal = await firstMatch(`/bewertungsrunden/${ids.round}`, /href="\/bewertungsrunden\/\d+\/vorschlaege\/(\d+)"/);
  ids.publicPaper = await firstMatch("/vorlagen", /href="\/vorlagen\/([^"/]+)"/, "visitor");
  ids.publishedRecommendation = await firstMatch("/empfehlungen", /href="\/empfehlungen\/(\d+)"/, "visitor");
  // A comment the demo expert wrote (her edit link), so the edit route's row is about ownership.
  const topicList = await send(server.url, "/themen", { cookie: cookies.expert });
  for (const [, slug] of topicList.text.matchAll(/href="\/themen\/(?!neu"|handlungsfelder"|vorschau")([a-z0-9-]+)"/g)) {
    const page = (await send(server.url, `/themen/${slug}`, { cookie: cookies.expert })).text;
    const comment = /href="\/themen\/[a-z0-9-]+\/beitrag\/(\d+)\/bearbeiten"/.exec(page)?.[1];
    if (comment) {
      [ids.internalTopic, ids.comment] = [slug, comment];
      break;
    }
  }
  if (!ids.comment) throw new Error("kein Beitrag der Demo-Expertin");
  ids.mail = await firstMatch("/admin/mails", /href="\/admin\/mails\/(\d+)"/, "admin");
  // The demo's commitments of ST/0020/2025 are public: visitors read them too.
  ids.commitment = await firstMatch("/zusagen", /href="\/zusagen\/(\d+)"/, "staff");
  ids.paperDocument = await firstMatch("/vorlagen/ST-0020-2025", /href="\/dokumente\/(\d+)"/, "visitor");
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

/** Route id (file name) → a URL that exercises it, and what each role gets for the document. */
function documents(): Record<string, [string, Row]> {
  const {
    closedRound: z,
    publicMeeting: m,
    round: r,
    proposal: p,
    publicPaper: v,
    publishedRecommendation: e,
    internalTopic: s,
    comment: c,
    mail,
    commitment,
  } = ids;
  return {
    _index: ["/", EVERYONE],
    "admin._index": ["/admin", STAFF],
    "admin.einladungen": ["/admin/einladungen", STAFF],
    "admin.konten": ["/admin/konten", ADMIN],
    "admin.auftraege": ["/admin/auftraege", ADMIN],
    "admin.mails._index": ["/admin/mails", ADMIN],
    "admin.mails.$id": [`/admin/mails/${mail}`, ADMIN],
    // The demo's kept mails carry no attachment: even admins get 404 for index 0.
    "admin.mails.$id.anhang.$index": [`/admin/mails/${mail}/anhang/0`, row(302, 403, 403, 403, 404)],
    "admin.gebaerdensprache._index": ["/admin/gebaerdensprache", ADMIN],
    // POST only (the streamed video upload).
    "admin.gebaerdensprache.hochladen": ["/admin/gebaerdensprache/hochladen", row(405, 405, 405, 405, 405)],
    "admin.sicherung": ["/admin/sicherung", ADMIN],
    "admin.verarbeitungsverzeichnis": ["/admin/verarbeitungsverzeichnis", ADMIN],
    "admin.verarbeitungsverzeichnis[.]md": ["/admin/verarbeitungsverzeichnis.md", ADMIN],
    // POST only (the download button).
    "admin.sicherung[.]jsonl[.]gz": ["/admin/sicherung.jsonl.gz", row(405, 405, 405, 405, 405)],
    "benachrichtigungen._index": ["/benachrichtigungen", SIGNED_IN],
    // Without a valid signed token there is nothing to unsubscribe from, for anyone.
    "benachrichtigungen.abbestellen": ["/benachrichtigungen/abbestellen?token=x", row(404, 404, 404, 404, 404)],
    folgen: ["/folgen", row(405, 405, 405, 405, 405)],
    "konto.benachrichtigungen": ["/konto/benachrichtigungen", SIGNED_IN],
    "passwort-neu.$token": ["/passwort-neu/abcdefghijklmnopqrstuvwxyz234567", row(404, 404, 404, 404, 404)],
    "passwort-vergessen": ["/passwort-vergessen", GUESTS],
    "sitzungen.$id.antwort": [`/sitzungen/${m}/antwort?token=x`, row(404, 404, 404, 404, 404)],
    "admin.oparl": ["/admin/oparl", STAFF],
    "admin.protokoll": ["/admin/protokoll", ADMIN],
    barrierefreiheit: ["/barrierefreiheit", EVERYONE],
    "bench.baseline": ["/bench/baseline", row(404, 404, 404, 404, 404)],
    "bewertungsrunden.$id._index": [`/bewertungsrunden/${r}`, BOARD],
    "bewertungsrunden.$id.bewerten": [`/bewertungsrunden/${r}/bewerten`, row(302, 403, 200, 403, 403)],
    "bewertungsrunden.$id.druck": [`/bewertungsrunden/${z}/druck`, BOARD],
    // Not a draft any more: staff are sent back to the round.
    "bewertungsrunden.$id.einrichten": [`/bewertungsrunden/${r}/einrichten`, row(302, 403, 403, 302, 302)],
    "bewertungsrunden.$id.einzelbewertungen[.]csv": [`/bewertungsrunden/${z}/einzelbewertungen.csv`, BOARD],
    "bewertungsrunden.$id.ergebnisse": [`/bewertungsrunden/${z}/ergebnisse`, BOARD],
    "bewertungsrunden.$id.ergebnisse[.]csv": [`/bewertungsrunden/${z}/ergebnisse.csv`, BOARD],
    "bewertungsrunden.$id.sensitivitaet": [`/bewertungsrunden/${z}/sensitivitaet`, BOARD],
    "bewertungsrunden.$id.vorschlaege.$proposalId": [`/bewertungsrunden/${r}/vorschlaege/${p}`, BOARD],
    "bewertungsrunden._index": ["/bewertungsrunden", BOARD],
    "bewertungsrunden.neu": ["/bewertungsrunden/neu", STAFF],
    datenschutz: ["/datenschutz", EVERYONE],
    // The demo's ST/0020/2025 PDF on a public paper; the vendor offer on a proposal is board-only.
    "dokumente.$id._index": [`/dokumente/${ids.paperDocument}`, EVERYONE],
    "dokumente.$id.loeschen": [`/dokumente/${ids.paperDocument}/loeschen`, row(405, 405, 405, 405, 405)],
    "dokumente.hochladen": ["/dokumente/hochladen", row(405, 405, 405, 405, 405)],
    "einladung.$token": ["/einladung/abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst", row(404, 404, 404, 404, 404)],
    "empfehlungen.$id._index": [`/empfehlungen/${e}`, EVERYONE],
    // Published: only staff may correct it.
    "empfehlungen.$id.bearbeiten": [`/empfehlungen/${e}/bearbeiten`, row(302, 403, 403, 200, 200)],
    "empfehlungen.$id.druck": [`/empfehlungen/${e}/druck`, EVERYONE],
    "empfehlungen.$id.umsetzung": [`/empfehlungen/${e}/umsetzung`, BOARD],
    "empfehlungen.$id.versionen": [`/empfehlungen/${e}/versionen`, BOARD],
    "empfehlungen._index": ["/empfehlungen", EVERYONE],
    "empfehlungen.neu": ["/empfehlungen/neu", BOARD],
    "empfehlungen[.]atom": ["/empfehlungen.atom", EVERYONE],
    impressum: ["/impressum", EVERYONE],
    "leichte-sprache": ["/leichte-sprache", EVERYONE],
    gebaerdensprache: ["/gebaerdensprache", EVERYONE],
    "konto._index": ["/konto", SIGNED_IN],
    "konto.export": ["/konto/export", SIGNED_IN],
    "konto.loeschen": ["/konto/loeschen", SIGNED_IN],
    "konto.passwort": ["/konto/passwort", SIGNED_IN],
    "konto.zwei-faktor": ["/konto/zwei-faktor", SIGNED_IN],
    login: ["/login", GUESTS],
    "login_.einrichten": ["/login/einrichten", EVERYONE],
    "login_.zweiter-faktor": ["/login/zweiter-faktor", EVERYONE],
    logout: ["/logout", row(302, 302, 302, 302, 302)],
    "sitzungen.$id._index": [`/sitzungen/${m}`, EVERYONE],
    "sitzungen.$id.bearbeiten": [`/sitzungen/${m}/bearbeiten`, STAFF],
    "sitzungen.$id.kalender[.ics]": [`/sitzungen/${m}/kalender.ics`, EVERYONE],
    "sitzungen.$id.protokoll": [`/sitzungen/${m}/protokoll`, STAFF],
    "sitzungen.$id.tagesordnung": [`/sitzungen/${m}/tagesordnung`, STAFF],
    "oparl.v1._index": ["/oparl/v1", EVERYONE],
    "oparl.v1.$": ["/oparl/v1/body", EVERYONE],
    "sitzungen._index": ["/sitzungen", EVERYONE],
    "sitzungen.neu": ["/sitzungen/neu", STAFF],
    "sitzungen[.ics]": ["/sitzungen.ics", EVERYONE],
    suche: ["/suche?q=Chatbot", EVERYONE],
    // Board-internal topics do not exist for visitors and council members.
    "themen.$slug._index": [`/themen/${s}`, row(404, 404, 200, 200, 200)],
    // Someone else's topic: experts may not edit it, staff may.
    "themen.$slug.bearbeiten": [`/themen/${s}/bearbeiten`, row(302, 404, 403, 200, 200)],
    // The comment link redirects to its anchor on the topic page.
    "themen.$slug.beitrag.$id._index": [`/themen/${s}/beitrag/${c}`, row(404, 404, 302, 302, 302)],
    // The demo expert wrote it; staff moderate instead of editing.
    "themen.$slug.beitrag.$id.bearbeiten": [`/themen/${s}/beitrag/${c}/bearbeiten`, row(302, 403, 200, 403, 403)],
    "themen.$slug.beitrag.$id.verlauf": [`/themen/${s}/beitrag/${c}/verlauf`, row(404, 404, 200, 200, 200)],
    "themen._index": ["/themen", EVERYONE],
    "themen.handlungsfelder": ["/themen/handlungsfelder", STAFF],
    "themen.neu": ["/themen/neu", BOARD],
    // POST only (the Markdown preview).
    "themen.vorschau": ["/themen/vorschau", row(405, 405, 405, 405, 405)],
    "vorlagen.$reference._index": [`/vorlagen/${v}`, EVERYONE],
    "vorlagen.$reference.bearbeiten": [`/vorlagen/${v}/bearbeiten`, STAFF],
    "vorlagen.$reference.gremienweg": [`/vorlagen/${v}/gremienweg`, STAFF],
    "vorlagen._index": ["/vorlagen", EVERYONE],
    "vorlagen.neu": ["/vorlagen/neu", STAFF],
    "umsetzung._index": ["/umsetzung", EVERYONE],
    "umsetzung[.]atom": ["/umsetzung.atom", EVERYONE],
    "umsetzung[.]csv": ["/umsetzung.csv", EVERYONE],
    "umsetzung.bericht.$jahr": ["/umsetzung/bericht/2025", BOARD],
    "zusagen._index": ["/zusagen", BOARD],
    "zusagen.neu": ["/zusagen/neu", BOARD],
    "zusagen.$id": [`/zusagen/${commitment}`, EVERYONE],
  };
}

/** What a data request answers where the document answers `status`: redirects become 204 + X-Remix-Redirect. */
function dataStatus(reply: { status: number; headers: Headers }) {
  return reply.status === 204 && reply.headers.get("X-Remix-Redirect") ? 302 : reply.status;
}

function routeFiles() {
  return readdirSync(path.resolve(import.meta.dirname, "../../../app/routes")).map((file) => file.replace(/\.tsx$/, ""));
}

async function matrix(build: (role: Role) => Promise<number>) {
  const actual: Partial<Row> = {};
  for (const role of ROLES) actual[role] = await build(role);
  return actual as Row;
}

describe("role × route matrix over HTTP", () => {
  it("covers every route file", () => {
    expect(Object.keys(documents()).sort()).toEqual(routeFiles().sort());
  });

  it("answers each role as expected, for the document and for its data request alike", async () => {
    const mismatches: string[] = [];
    for (const [routeId, [url, expected]] of Object.entries(documents())) {
      const separator = url.includes("?") ? "&" : "?";
      const dataUrl = `${url}${separator}_data=${encodeURIComponent(`routes/${routeId}`)}`;
      const documentRow = await matrix(async (role) => (await send(server.url, url, { cookie: cookies[role] })).status);
      const dataRow = await matrix(async (role) => dataStatus(await send(server.url, dataUrl, { cookie: cookies[role] })));
      if (JSON.stringify(documentRow) !== JSON.stringify(expected))
        mismatches.push(`${routeId} document ${JSON.stringify(documentRow)} expected ${JSON.stringify(expected)}`);
      if (JSON.stringify(dataRow) !== JSON.stringify(expected))
        mismatches.push(`${routeId} data ${JSON.stringify(dataRow)} expected ${JSON.stringify(expected)}`);
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it("refuses every action to roles that may not use it, for the document and the data request alike", async () => {
    const docs = documents();
    // Roles allowed to post to each action (everyone else: 302 to the login or 403/404).
    const allowed: Record<string, Role[]> = {
      "admin.einladungen": ["staff", "admin"],
      "admin.konten": ["admin"],
      // Without intent=delete and the confirmation nothing is removed: the admin gets a 400.
      "admin.gebaerdensprache._index": ["admin"],
      "admin.oparl": ["staff", "admin"],
      "bewertungsrunden.$id._index": ["staff", "admin"],
      "bewertungsrunden.$id.bewerten": ["expert"],
      "bewertungsrunden.$id.einrichten": ["staff", "admin"],
      "bewertungsrunden.$id.vorschlaege.$proposalId": ["staff", "admin"],
      "bewertungsrunden.neu": ["staff", "admin"],
      // Without intent=delete nothing is deleted: allowed roles get a 400.
      "dokumente.$id.loeschen": ["staff", "admin"],
      "einladung.$token": ROLES,
      "empfehlungen.$id._index": ["council", "expert", "staff", "admin"],
      "empfehlungen.$id.bearbeiten": ["staff", "admin"],
      "empfehlungen.neu": ["expert", "staff", "admin"],
      "empfehlungen.$id.umsetzung": ["expert", "staff", "admin"],
      "zusagen.neu": ["expert", "staff", "admin"],
      "zusagen.$id": ["expert", "staff", "admin"],
      "konto._index": ["council", "expert", "staff", "admin"],
      "konto.loeschen": ["council", "expert", "staff", "admin"],
      "konto.passwort": ["council", "expert", "staff", "admin"],
      "konto.zwei-faktor": ["council", "expert", "staff", "admin"],
      login: ROLES,
      "login_.einrichten": ROLES,
      "login_.zweiter-faktor": ROLES,
      "sitzungen.$id.bearbeiten": ["staff", "admin"],
      "sitzungen.$id.protokoll": ["staff", "admin"],
      "sitzungen.$id.tagesordnung": ["staff", "admin"],
      "sitzungen.neu": ["staff", "admin"],
      "themen.$slug._index": ["council", "expert", "staff", "admin"],
      "themen.$slug.bearbeiten": ["staff", "admin"],
      "themen.$slug.beitrag.$id.bearbeiten": ["expert"],
      "themen.handlungsfelder": ["staff", "admin"],
      "themen.neu": ["expert", "staff", "admin"],
      "themen.vorschau": ["expert", "staff", "admin"],
      "vorlagen.$reference.bearbeiten": ["staff", "admin"],
      "vorlagen.$reference.gremienweg": ["staff", "admin"],
      "vorlagen.neu": ["staff", "admin"],
      // Last: it ends the sessions used above.
      logout: ROLES,
    };
    const problems: string[] = [];
    for (const [routeId, roles] of Object.entries(allowed)) {
      const [url] = docs[routeId];
      const base = url.split("?")[0];
      for (const role of ROLES) {
        // An intent no action knows: allowed roles get a 4xx from validation, never a change.
        const body = "intent=matrix-probe";
        const documentReply = await send(server.url, base, { method: "POST", origin: true, cookie: cookies[role], headers: FORM, body });
        const dataReply = await send(server.url, `${base}?_data=${encodeURIComponent(`routes/${routeId}`)}`, {
          method: "POST",
          origin: true,
          cookie: cookies[role],
          headers: FORM,
          body,
        });
        const statuses = [documentReply.status, dataStatus(dataReply)];
        for (const status of statuses) {
          if (status >= 500) problems.push(`${routeId} ${role}: ${status}`);
          if (!roles.includes(role)) {
            const refusedStatus = role === "visitor" ? [302, 403, 404] : [403, 404];
            if (!refusedStatus.includes(status)) problems.push(`${routeId} ${role}: ${status}, expected a refusal`);
            if (status === 302 && !/^\/login/.test(documentReply.location ?? dataReply.headers.get("X-Remix-Redirect") ?? ""))
              problems.push(`${routeId} ${role}: redirect not to the login`);
          } else if (status === 403) problems.push(`${routeId} ${role}: 403 although allowed`);
        }
        // After a refused action a document request still runs the page loader, which sends
        // signed-in members away from /login and staff away from a round that is no draft.
        const loaderRedirects = (routeId === "login" && role !== "visitor") || (routeId === "bewertungsrunden.$id.einrichten" && roles.includes(role));
        if (!loaderRedirects && documentReply.status !== dataStatus(dataReply))
          problems.push(`${routeId} ${role}: document ${documentReply.status}, data ${dataStatus(dataReply)}`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
