import { env } from "~/env.server";
import { compact, oparlDateTime, OPARL_VERSION, typeUrl, type OparlObject } from "./format";
import { BODY_LIST_PROPERTY, LISTS, oparlUrls, webUrls } from "./urls.server";

/** System, Body and LegislativeTerm come from the environment, not the database. */

export type LegislativeTerm = { key: string; name: string; startDate: string; endDate?: string };

export function legislativeTerms(): LegislativeTerm[] {
  return env()
    .OPARL_LEGISLATIVE_TERMS.split(";")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const [name, startDate, endDate] = entry.split("|").map((part) => part.trim());
      return { key: String(index + 1), name, startDate, endDate: endDate || undefined };
    })
    .filter((term) => term.name && /^\d{4}-\d{2}-\d{2}$/.test(term.startDate));
}

function since() {
  return oparlDateTime(env().OPARL_SINCE);
}

export function legislativeTermObject(term: LegislativeTerm): OparlObject {
  return compact({
    id: oparlUrls.object("legislativeTerm", term.key),
    type: typeUrl("LegislativeTerm"),
    body: oparlUrls.body(),
    name: term.name,
    startDate: term.startDate,
    endDate: term.endDate,
    created: since(),
    modified: since(),
  }) as OparlObject;
}

export function systemObject(): OparlObject {
  const config = env();
  return compact({
    id: oparlUrls.system(),
    type: typeUrl("System"),
    oparlVersion: OPARL_VERSION,
    license: config.OPARL_LICENSE,
    body: oparlUrls.bodyList(),
    name: config.BOARD_NAME,
    contactEmail: config.OPERATOR_EMAIL,
    contactName: config.OPERATOR_NAME,
    website: webUrls.home(),
    web: webUrls.home(),
    created: since(),
    modified: since(),
  }) as OparlObject;
}

export function bodyObject(): OparlObject {
  const config = env();
  const lists = Object.fromEntries(LISTS.map((name) => [BODY_LIST_PROPERTY[name], oparlUrls.list(name)]));
  const body = compact({
    id: oparlUrls.body(),
    type: typeUrl("Body"),
    system: oparlUrls.system(),
    shortName: config.OPARL_BODY_SHORT_NAME,
    name: config.OPARL_BODY_NAME,
    ags: config.OPARL_BODY_AGS,
    website: webUrls.home(),
    license: config.OPARL_LICENSE,
    licenseValidSince: since(),
    oparlSince: since(),
    contactEmail: config.OPERATOR_EMAIL,
    contactName: config.OPERATOR_NAME,
    ...lists,
    web: webUrls.home(),
    created: since(),
    modified: since(),
    // Required even when empty (spec 2.4: obligatory lists are output as []), so after compact.
  }) as OparlObject & { legislativeTerm?: OparlObject[] };
  body.legislativeTerm = legislativeTerms().map(legislativeTermObject);
  return body;
}
