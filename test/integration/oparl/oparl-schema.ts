/**
 * Validation against the OParl 1.1 JSON Schemas themselves: test/fixtures/oparl/schema/*.json
 * are copied unchanged from OParl/spec (see the README there for commit and licence). Ajv
 * checks every object and its embedded objects against them; the spec's own keywords are read
 * as it means them ("schema": "File.json" on an embedded object is a reference to that schema;
 * "references", "backreference" and "cardinality" annotate). On top come the rules the schemas
 * leave to the prose: created/modified on every object (spec 3.1), date and date-time forms
 * (spec 2.4), no null, "" or [] for optional properties, no property outside the schema except
 * vendor-prefixed ones (spec 2.2), and tombstones (spec 2.8) that keep nothing but id, type, created,
 * modified and deleted.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";

const DIR = path.resolve(import.meta.dirname, "../../fixtures/oparl/schema");
type JsonSchema = { required?: string[]; properties: Record<string, Record<string, unknown>> };

/** The vendored schemas, keyed by type name ("Paper"). */
export const SCHEMAS: Record<string, JsonSchema> = Object.fromEntries(
  readdirSync(DIR)
    .filter((file) => file.endsWith(".json"))
    .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as JsonSchema]),
);

/**
 * The spec's "schema": "X.json" on an object (an embedded object of type X) as a JSON Schema
 * $ref; on a URL string (Body.mainOrganization) it only names the referenced type.
 */
function withReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withReferences);
  if (typeof node !== "object" || node === null) return node;
  const record = node as Record<string, unknown>;
  const embeds = record.type === "object" && typeof record.schema === "string";
  const entries = Object.entries(record).flatMap(([key, value]) =>
    key === "schema" && typeof value === "string" ? (embeds ? [["$ref", value]] : []) : [[key, withReferences(value)]],
  );
  return Object.fromEntries(entries);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const isUrl = (value: string) => /^https?:\/\/[^\s]+$/.test(value);

// The spec writes its patterns with escapes like "\:" that are invalid under the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addVocabulary(["references", "backreference", "cardinality"]);
ajv.addFormat("url", isUrl);
ajv.addFormat("date", DATE);
ajv.addFormat("date-time", (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
for (const [name, schema] of Object.entries(SCHEMAS)) ajv.addSchema(withReferences(schema) as object, `${name}.json`);
const validators = new Map<string, ValidateFunction>(Object.keys(SCHEMAS).map((name) => [name, ajv.getSchema(`${name}.json`)!]));
// Spec 2.8: a deleted object keeps id, type and created, sets modified and deleted, and may drop the rest.
const tombstoneValidators = new Map<string, ValidateFunction>(
  Object.entries(SCHEMAS).map(([name, schema]) => [
    name,
    ajv.compile({ ...(withReferences(schema) as object), required: ["id", "type", "created", "modified", "deleted"] }),
  ]),
);

const TOMBSTONE_KEYS = new Set(["id", "type", "created", "modified", "deleted"]);
const describe = (error: ErrorObject) => `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;

/** The type name of a schema an embedded property holds ("consultation" of Paper → Consultation). */
function embeddedType(property: Record<string, unknown> | undefined) {
  const holder = property?.type === "array" ? (property.items as Record<string, unknown> | undefined) : property;
  return holder?.type === "object" && typeof holder.schema === "string" ? holder.schema.replace(/\.json$/, "") : undefined;
}

/** The prose rules, for an object and, recursively, its embedded objects. */
function proseProblems(record: Record<string, unknown>, typeName: string, at: string): string[] {
  const schema = SCHEMAS[typeName];
  const problems: string[] = [];
  if (record.deleted === true) {
    for (const key of TOMBSTONE_KEYS) if (key !== "deleted" && !(key in record)) problems.push(`${at}: ${typeName}.${key} fehlt`);
    // The spec allows the rest to stay; the portal drops it so nothing of a withdrawn object stays public.
    for (const key of Object.keys(record)) if (!TOMBSTONE_KEYS.has(key)) problems.push(`${at}: gelöschtes ${typeName} mit ${key}`);
    return problems;
  }
  for (const key of ["created", "modified"]) if (!(key in record)) problems.push(`${at}: ${typeName}.${key} fehlt`);
  for (const [key, value] of Object.entries(record)) {
    if (key.includes(":")) continue; // vendor extension (spec 2.2)
    const property = schema.properties[key];
    if (!property) problems.push(`${at}: ${typeName}.${key} ist keine OParl-Eigenschaft`);
    else if (value === null || value === "") problems.push(`${at}.${key}: leer (null/"")`);
    else if (Array.isArray(value) && value.length === 0 && !schema.required?.includes(key)) problems.push(`${at}.${key}: leere Liste`);
    const childType = embeddedType(property);
    if (childType && value && typeof value === "object") {
      const children = (Array.isArray(value) ? value : [value]).filter((child) => typeof child === "object" && child !== null);
      children.forEach((child, index) => problems.push(...proseProblems(child as Record<string, unknown>, childType, `${at}.${key}[${index}]`)));
    }
  }
  return problems;
}

/** Problems with one object (and its embedded objects); empty when it conforms. */
export function validateOparlObject(object: unknown, at = "$"): string[] {
  if (typeof object !== "object" || object === null) return [`${at}: kein Objekt`];
  const record = object as Record<string, unknown>;
  const typeName = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/.exec(String(record.type))?.[1];
  const validate = typeName ? validators.get(typeName) : undefined;
  if (!typeName || !validate) return [`${at}: unbekannter type ${String(record.type)}`];
  const problems = proseProblems(record, typeName, at);
  const check = record.deleted === true ? tombstoneValidators.get(typeName)! : validate;
  if (!check(record)) problems.push(...(check.errors ?? []).map((error) => `${at}: ${typeName}.json ${describe(error)}`));
  return problems;
}

/** A list page: data, pagination, links (spec 2.5), every object as above. */
export function validateListPage(page: unknown): string[] {
  const record = page as Record<string, unknown>;
  const problems: string[] = [];
  if (!Array.isArray(record?.data)) problems.push("data fehlt");
  if (typeof record?.pagination !== "object") problems.push("pagination fehlt");
  if (typeof record?.links !== "object") problems.push("links fehlt");
  for (const [index, object] of ((record?.data as unknown[]) ?? []).entries()) problems.push(...validateOparlObject(object, `data[${index}]`));
  return problems;
}
