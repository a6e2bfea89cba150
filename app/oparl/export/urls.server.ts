import { env } from "~/env.server";
import { paperSlug } from "~/papers/status.server";

/** Canonical URLs of the export (docs/decisions/080): PORTAL_URL + /oparl/v1 + a stable id. */
export function oparlBase() {
  return `${env().PORTAL_URL.replace(/\/+$/, "")}/oparl/v1`;
}

export function portalUrl(path: string) {
  return `${env().PORTAL_URL.replace(/\/+$/, "")}${path}`;
}

export const BODY_KEY = "1";

export const LISTS = ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "legislativeTerm", "location", "membership"] as const;
export type ListName = (typeof LISTS)[number];

/** The Body property that names each list (Body.locationList, Body.legislativeTermList). */
export const BODY_LIST_PROPERTY: Record<ListName, string> = {
  organization: "organization",
  person: "person",
  meeting: "meeting",
  paper: "paper",
  agendaItem: "agendaItem",
  consultation: "consultation",
  file: "file",
  legislativeTerm: "legislativeTermList",
  location: "locationList",
  membership: "membership",
};

export const oparlUrls = {
  system: () => oparlBase(),
  bodyList: () => `${oparlBase()}/body`,
  body: () => `${oparlBase()}/body/${BODY_KEY}`,
  list: (name: ListName) => `${oparlBase()}/body/${BODY_KEY}/${name}`,
  object: (kind: string, key: string | number) => `${oparlBase()}/${kind}/${key}`,
};

export const webUrls = {
  paper: (reference: string) => portalUrl(`/vorlagen/${paperSlug(reference)}`),
  recommendation: (id: number) => portalUrl(`/empfehlungen/${id}`),
  meeting: (id: number) => portalUrl(`/sitzungen/${id}`),
  papersOfBody: (shortName: string) => portalUrl(`/vorlagen?gremium=${encodeURIComponent(shortName)}`),
  home: () => portalUrl("/"),
};
