/**
 * Checks written from the OParl 1.1 JSON Schemas (OParl/spec, schema/*.json, CC BY-SA 4.0;
 * not vendored: this is our own transcription of property names and types) and from the prose
 * the schemas leave out: created/modified on every object (spec 3.1), Body's obligatory lists,
 * date and date-time forms (spec 2.4), no null, "" or [] for optional properties.
 */
type Kind = "url" | "string" | "date" | "date-time" | "boolean" | "integer" | "object" | "url[]" | "string[]" | "object[]";

const COMMON: Record<string, Kind> = {
  id: "url",
  type: "string",
  license: "string",
  keyword: "string[]",
  created: "date-time",
  modified: "date-time",
  web: "url",
  deleted: "boolean",
};

export const SCHEMAS: Record<string, { required: string[]; properties: Record<string, Kind> }> = {
  System: {
    required: ["oparlVersion", "body"],
    properties: {
      oparlVersion: "string",
      otherOparlVersions: "url[]",
      license: "url",
      body: "url",
      name: "string",
      contactEmail: "string",
      contactName: "string",
      website: "url",
      vendor: "url",
      product: "url",
    },
  },
  Body: {
    required: [
      "name",
      "organization",
      "person",
      "meeting",
      "paper",
      "legislativeTerm",
      "agendaItem",
      "consultation",
      "file",
      "locationList",
      "legislativeTermList",
      "membership",
    ],
    properties: {
      system: "url",
      shortName: "string",
      name: "string",
      website: "url",
      license: "url",
      licenseValidSince: "date-time",
      oparlSince: "date-time",
      ags: "string",
      rgs: "string",
      equivalent: "url[]",
      contactEmail: "string",
      contactName: "string",
      organization: "url",
      person: "url",
      meeting: "url",
      paper: "url",
      legislativeTerm: "object[]",
      agendaItem: "url",
      consultation: "url",
      file: "url",
      locationList: "url",
      legislativeTermList: "url",
      membership: "url",
      classification: "string",
      location: "object",
      mainOrganization: "url",
    },
  },
  LegislativeTerm: { required: [], properties: { body: "url", name: "string", startDate: "date", endDate: "date" } },
  Organization: {
    required: [],
    properties: {
      body: "url",
      name: "string",
      membership: "url[]",
      meeting: "url",
      consultation: "url",
      shortName: "string",
      post: "string[]",
      subOrganizationOf: "url",
      organizationType: "string",
      classification: "string",
      startDate: "date",
      endDate: "date",
      website: "url",
      location: "object",
      externalBody: "url",
      memberCount: "integer",
      votingMemberCount: "integer",
    },
  },
  Person: {
    required: [],
    properties: {
      body: "url",
      name: "string",
      familyName: "string",
      givenName: "string",
      formOfAddress: "string",
      affix: "string",
      title: "string[]",
      gender: "string",
      phone: "string[]",
      email: "string[]",
      location: "url",
      locationObject: "object",
      status: "string[]",
      membership: "object[]",
      image: "object",
      life: "string",
      lifeSource: "string",
    },
  },
  Membership: {
    required: [],
    properties: { person: "url", organization: "url", role: "string", votingRight: "boolean", startDate: "date", endDate: "date", onBehalfOf: "url" },
  },
  Meeting: {
    required: [],
    properties: {
      name: "string",
      meetingState: "string",
      cancelled: "boolean",
      start: "date-time",
      end: "date-time",
      location: "object",
      organization: "url[]",
      participant: "url[]",
      invitation: "object",
      resultsProtocol: "object",
      verbatimProtocol: "object",
      auxiliaryFile: "object[]",
      agendaItem: "object[]",
    },
  },
  AgendaItem: {
    required: ["order"],
    properties: {
      meeting: "url",
      number: "string",
      order: "integer",
      name: "string",
      public: "boolean",
      consultation: "url",
      result: "string",
      resolutionText: "string",
      resolutionFile: "object",
      auxiliaryFile: "object[]",
      start: "date-time",
      end: "date-time",
    },
  },
  Paper: {
    required: [],
    properties: {
      body: "url",
      name: "string",
      reference: "string",
      date: "date",
      paperType: "string",
      relatedPaper: "url[]",
      superordinatedPaper: "url[]",
      subordinatedPaper: "url[]",
      mainFile: "object",
      auxiliaryFile: "object[]",
      location: "object[]",
      originatorPerson: "url[]",
      underDirectionOf: "url[]",
      originatorOrganization: "url[]",
      consultation: "object[]",
    },
  },
  Consultation: {
    required: [],
    properties: { paper: "url", agendaItem: "url", meeting: "url", organization: "url[]", authoritative: "boolean", role: "string" },
  },
  File: {
    required: ["accessUrl"],
    properties: {
      name: "string",
      fileName: "string",
      mimeType: "string",
      date: "date",
      size: "integer",
      sha1Checksum: "string",
      sha512Checksum: "string",
      text: "string",
      accessUrl: "url",
      downloadUrl: "url",
      externalServiceUrl: "url",
      masterFile: "url",
      derivativeFile: "url[]",
      fileLicense: "url",
      meeting: "url[]",
      agendaItem: "url[]",
      person: "url",
      paper: "url[]",
    },
  },
  Location: {
    required: [],
    properties: {
      description: "string",
      geojson: "object",
      streetAddress: "string",
      room: "string",
      postalCode: "string",
      subLocality: "string",
      locality: "string",
      bodies: "url[]",
      organizations: "url[]",
      persons: "url[]",
      meetings: "url[]",
      papers: "url[]",
    },
  },
};

/** Which embedded property holds objects of which type. */
const EMBEDDED: Record<string, string> = {
  legislativeTerm: "LegislativeTerm",
  location: "Location",
  membership: "Membership",
  agendaItem: "AgendaItem",
  consultation: "Consultation",
  auxiliaryFile: "File",
  mainFile: "File",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const isUrl = (value: unknown) => typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);

function checkKind(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case "url":
      return isUrl(value);
    case "string":
      return typeof value === "string";
    case "date":
      return typeof value === "string" && DATE.test(value);
    case "date-time":
      return typeof value === "string" && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
    case "boolean":
      return typeof value === "boolean";
    case "integer":
      return Number.isInteger(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "url[]":
      return Array.isArray(value) && value.every(isUrl);
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "object[]":
      return Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null);
  }
}

/** Problems with one object (and its embedded objects); empty when it conforms. */
export function validateOparlObject(object: unknown, path = "$"): string[] {
  if (typeof object !== "object" || object === null) return [`${path}: kein Objekt`];
  const record = object as Record<string, unknown>;
  const match = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/.exec(String(record.type));
  if (!match || !SCHEMAS[match[1]]) return [`${path}: unbekannter type ${String(record.type)}`];
  const schema = SCHEMAS[match[1]];
  const problems: string[] = [];
  const deleted = record.deleted === true;
  const required = deleted ? ["id", "type", "created", "modified"] : ["id", "type", "created", "modified", ...schema.required];
  for (const key of required) if (!(key in record)) problems.push(`${path}: ${match[1]}.${key} fehlt`);
  for (const [key, value] of Object.entries(record)) {
    if (key.includes(":")) continue; // vendor extension (spec 2.2)
    const kind = schema.properties[key] ?? COMMON[key];
    if (!kind) {
      problems.push(`${path}: ${match[1]}.${key} ist keine OParl-Eigenschaft`);
      continue;
    }
    if (value === null || value === "") problems.push(`${path}.${key}: leer (null/"")`);
    else if (Array.isArray(value) && value.length === 0 && !schema.required.includes(key)) problems.push(`${path}.${key}: leere Liste`);
    else if (!checkKind(kind, value)) problems.push(`${path}.${key}: kein ${kind}: ${JSON.stringify(value).slice(0, 80)}`);
    if (EMBEDDED[key] && value && typeof value === "object") {
      const children = (Array.isArray(value) ? value : [value]).filter((child) => typeof child === "object");
      children.forEach((child, index) => problems.push(...validateOparlObject(child, `${path}.${key}[${index}]`)));
    }
  }
  return problems;
}

/** A list page: data, pagination, links (spec 2.5). */
export function validateListPage(page: unknown): string[] {
  const record = page as Record<string, unknown>;
  const problems: string[] = [];
  if (!Array.isArray(record?.data)) problems.push("data fehlt");
  if (typeof record?.pagination !== "object") problems.push("pagination fehlt");
  if (typeof record?.links !== "object") problems.push("links fehlt");
  for (const [index, object] of ((record?.data as unknown[]) ?? []).entries()) problems.push(...validateOparlObject(object, `data[${index}]`));
  return problems;
}
