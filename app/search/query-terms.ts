/** Terms one search may use: more only add cost (every term is one more index scan per type). */
export const SEARCH_MAX_TERMS = 8;
/** Shorter terms match (almost) nothing useful and cost as much as any other. */
const MIN_TERM_CHARS = 2;

export type SearchTerms = { text: string; terms: string[]; dropped: number; truncated: boolean };

const TOKEN = /"[^"]*"?|\S+/g;

function meaningfulLength(term: string) {
  return term.replace(/^-/, "").replace(/[^\p{L}\p{N}]/gu, "").length;
}

/**
 * The query in websearch syntax (`"KI Plattform" -Aleph Chatbot or Bot`), bounded: at most
 * SEARCH_MAX_TERMS terms (phrases count once), terms of fewer than two letters or digits
 * dropped, repeats dropped; `text` is what goes to websearch_to_tsquery (docs/decisions/073).
 */
export function searchTerms(input: string): SearchTerms {
  const terms: string[] = [];
  const parts: string[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  let truncated = false;
  let pendingOr = false;
  for (const token of input.match(TOKEN) ?? []) {
    if (token.toLowerCase() === "or") {
      pendingOr = terms.length > 0;
      continue;
    }
    const key = token.toLowerCase();
    if (meaningfulLength(token) < MIN_TERM_CHARS || seen.has(key)) {
      dropped += 1;
      continue;
    }
    if (terms.length >= SEARCH_MAX_TERMS) {
      truncated = true;
      break;
    }
    seen.add(key);
    if (pendingOr) parts.push("or");
    pendingOr = false;
    terms.push(token);
    parts.push(token);
  }
  return { text: parts.join(" "), terms, dropped, truncated };
}
