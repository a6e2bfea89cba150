import type { OparlTombstoneType } from "#db/schema";
import { t } from "~/i18n/de";
import { bodyObject, legislativeTermObject, legislativeTerms, systemObject } from "./body.server";
import { tombstone, type OparlObject, type OparlType } from "./format";
import { findTombstone, listIndex, TOMBSTONE_TYPE } from "./lists.server";
import { loadAgendaItems, loadLocations, loadMeetings } from "./meetings.server";
import { loadMemberships, loadOrganizations, loadPersons } from "./organizations.server";
import { loadConsultations, loadPapers } from "./papers.server";
import { loadFiles } from "./files.server";
import { isProblem, pageUrl, parseListQuery, type ListQuery } from "./query.server";
import { BODY_KEY, LISTS, oparlUrls, type ListName } from "./urls.server";

type Loader = (keys: string[]) => Promise<Map<string, OparlObject>>;

/** Object kinds as they appear in URLs, with their OParl type, loader and list. */
const KINDS: Record<string, { type: OparlType; load: Loader; list: ListName }> = {
  organization: { type: "Organization", load: loadOrganizations, list: "organization" },
  person: { type: "Person", load: loadPersons, list: "person" },
  membership: { type: "Membership", load: loadMemberships, list: "membership" },
  meeting: { type: "Meeting", load: loadMeetings, list: "meeting" },
  agendaItem: { type: "AgendaItem", load: loadAgendaItems, list: "agendaItem" },
  paper: { type: "Paper", load: loadPapers, list: "paper" },
  consultation: { type: "Consultation", load: loadConsultations, list: "consultation" },
  location: { type: "Location", load: loadLocations, list: "location" },
  file: { type: "File", load: loadFiles, list: "file" },
};
const KIND_OF_LIST = Object.fromEntries(Object.entries(KINDS).map(([kind, spec]) => [spec.list, kind])) as Record<string, string>;

export type OparlResult = { status: number; body: unknown };

export function oparlError(status: number, message: string, debug?: string): OparlResult {
  return { status, body: { type: "https://schema.oparl.org/1.1/Error", message, ...(debug ? { debug } : {}) } };
}

const notFound = () => oparlError(404, t.oparl.export.errors.notFound);

/** Everything under /oparl/v1: `segments` is the path after it, split at "/". */
export async function answerOparl(segments: string[], url: URL): Promise<OparlResult> {
  if (segments.length === 0) return { status: 200, body: systemObject() };
  const [first, second, third, ...rest] = segments;
  if (first === "body" && segments.length === 1) {
    const query = parseListQuery(url);
    if (isProblem(query)) return oparlError(400, query.message, query.debug);
    return { status: 200, body: listPage(oparlUrls.bodyList(), query, [bodyObject()], 1) };
  }
  if (first === "body" && second === BODY_KEY && segments.length === 2) return { status: 200, body: bodyObject() };
  if (first === "body" && second === BODY_KEY && third && rest.length === 0 && (LISTS as readonly string[]).includes(third)) {
    return answerList(third as ListName, url);
  }
  if (first === "legislativeTerm" && second && segments.length === 2) {
    const term = legislativeTerms().find((candidate) => candidate.key === second);
    return term ? { status: 200, body: legislativeTermObject(term) } : notFound();
  }
  const kind = KINDS[first];
  if (kind && second && segments.length === 2) return answerObject(first, second);
  return notFound();
}

async function answerObject(kindName: string, key: string): Promise<OparlResult> {
  const kind = KINDS[kindName];
  const found = (await kind.load([key])).get(key);
  if (found) return { status: 200, body: found };
  const type = TOMBSTONE_TYPE[kind.list] as OparlTombstoneType | undefined;
  const buried = type ? await findTombstone(type, key) : null;
  if (buried) return { status: 200, body: tombstone(oparlUrls.object(kindName, key), kind.type, buried.created, buried.deleted) };
  return notFound();
}

async function answerList(name: ListName, url: URL): Promise<OparlResult> {
  const query = parseListQuery(url);
  if (isProblem(query)) return oparlError(400, query.message, query.debug);
  const listUrl = oparlUrls.list(name);
  if (name === "legislativeTerm") {
    const terms = legislativeTerms()
      .map(legislativeTermObject)
      .filter((term) => inWindow(term, query));
    const start = (query.page - 1) * query.limit;
    return { status: 200, body: listPage(listUrl, query, terms.slice(start, start + query.limit), terms.length) };
  }
  const kindName = KIND_OF_LIST[name];
  const kind = KINDS[kindName];
  const { rows, total } = await listIndex(name, query);
  const live = await kind.load(rows.filter((row) => !row.deleted).map((row) => row.key));
  const data = rows.flatMap((row) => {
    if (row.deleted) return [tombstone(oparlUrls.object(kindName, row.key), kind.type, row.created, row.modified)];
    const object = live.get(row.key);
    return object ? [object] : [];
  });
  return { status: 200, body: listPage(listUrl, query, data, total) };
}

function inWindow(object: OparlObject, query: ListQuery) {
  const created = Date.parse(object.created);
  const modified = Date.parse(object.modified);
  const { created_since, created_until, modified_since, modified_until } = query.filters;
  return (
    (!created_since || created >= created_since.getTime()) &&
    (!created_until || created <= created_until.getTime()) &&
    (!modified_since || modified >= modified_since.getTime()) &&
    (!modified_until || modified <= modified_until.getTime())
  );
}

function listPage(listUrl: string, query: ListQuery, data: unknown[], total: number) {
  const totalPages = Math.max(1, Math.ceil(total / query.limit));
  const links: Record<string, string> = { first: pageUrl(listUrl, query, 1) };
  if (query.page > 1) links.prev = pageUrl(listUrl, query, Math.min(query.page - 1, totalPages));
  links.self = pageUrl(listUrl, query, query.page);
  if (query.page < totalPages) links.next = pageUrl(listUrl, query, query.page + 1);
  links.last = pageUrl(listUrl, query, totalPages);
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: query.limit, currentPage: query.page, totalPages },
    links,
  };
}
