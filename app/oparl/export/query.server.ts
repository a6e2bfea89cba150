import { z } from "zod";

/** Page size bounds: the spec lets the server ignore `limit`; we honour it up to MAX_LIMIT. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_PAGE = 100_000;
const FILTERS = ["created_since", "created_until", "modified_since", "modified_until"] as const;

// Full date-time with offset, as spec 2.5 asks; "Z" is accepted as +00:00.
const dateTime = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/)
  .refine((value) => !Number.isNaN(Date.parse(value)))
  .transform((value) => new Date(value));

const ListQuery = z.object({
  created_since: dateTime.optional(),
  created_until: dateTime.optional(),
  modified_since: dateTime.optional(),
  modified_until: dateTime.optional(),
  limit: z.coerce.number().int().min(1).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  omit_internal: z.enum(["true", "false"]).optional(),
});

export type ListQuery = {
  filters: Partial<Record<(typeof FILTERS)[number], Date>>;
  /** The filters as the client wrote them, kept in every link. */
  raw: Array<[string, string]>;
  limit: number;
  page: number;
  omitInternal: boolean;
};

export type QueryProblem = { message: string; debug: string };

export function parseListQuery(url: URL): ListQuery | QueryProblem {
  const known = new Set<string>([...FILTERS, "limit", "page", "omit_internal"]);
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (!known.has(key)) continue;
    if (key in values) return { message: "Parameter doppelt angegeben.", debug: key };
    values[key] = value;
  }
  const parsed = ListQuery.safeParse(values);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    return { message: "Ungültiger Parameter: Zeitangaben brauchen die Form 2025-01-01T00:00:00+01:00, limit und page ganze Zahlen ab 1.", debug: field };
  }
  const { limit, page, omit_internal, ...filters } = parsed.data;
  const raw = FILTERS.filter((key) => values[key] !== undefined).map((key) => [key, values[key]] as [string, string]);
  if (omit_internal) raw.push(["omit_internal", omit_internal]);
  return { filters, raw, limit: Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT), page, omitInternal: omit_internal === "true" };
}

export function isProblem(value: ListQuery | QueryProblem): value is QueryProblem {
  return "message" in value;
}

/** A list page URL with the client's filters, its limit and the page, in one fixed order. */
export function pageUrl(listUrl: string, query: ListQuery, page: number) {
  const params = new URLSearchParams(query.raw);
  if (query.limit !== DEFAULT_LIMIT) params.set("limit", String(query.limit));
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${listUrl}?${search}` : listUrl;
}
