import type { RankingMethod } from "#db/schema";

/** Totals closer than this count as equal (float noise from averaging). */
const EPSILON = 1e-9;

export type Rankable = { id: number; mean: number | null; median: number | null; excluded: boolean };

/**
 * Standard competition ranking ("1, 1, 3") by the round's method, best first. Excluded proposals
 * and proposals without a complete rating get no rank and come last.
 */
export function rankProposals<T extends Rankable>(items: T[], method: RankingMethod): Array<T & { rank: number | null }> {
  const value = (item: T) => (method === "median" ? item.median : item.mean);
  const secondary = (item: T) => (method === "median" ? item.mean : item.median);
  const rankable = items.filter((item) => !item.excluded && value(item) !== null);
  const rest = items.filter((item) => !rankable.includes(item));
  rankable.sort((a, b) => value(b)! - value(a)! || (secondary(b) ?? 0) - (secondary(a) ?? 0) || a.id - b.id);
  const ranked: Array<T & { rank: number | null }> = [];
  rankable.forEach((item, index) => {
    const previous = ranked[index - 1];
    const tied = previous && Math.abs(value(previous)! - value(item)!) < EPSILON;
    ranked.push({ ...item, rank: tied ? previous.rank : index + 1 });
  });
  return [...ranked, ...rest.map((item) => ({ ...item, rank: null }))];
}

/** Ids on rank 1 (several when tied). */
export function winners(ranked: Array<{ id: number; rank: number | null }>) {
  return ranked.filter((item) => item.rank === 1).map((item) => item.id);
}

/** "A", "B", … "Z", "AA", "AB", … for the n-th rater (1-based). */
export function pseudonymLabel(n: number): string {
  let label = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    label = String.fromCharCode(65 + ((rest - 1) % 26)) + label;
  }
  return label;
}
