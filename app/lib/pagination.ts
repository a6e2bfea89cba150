/** Reads `?seite=` (1-based); garbage and values below 1 become 1. */
export function pageFromUrl(url: URL, param = "seite") {
  const value = Number(url.searchParams.get(param) ?? "1");
  return Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : 1;
}

export function pageCount(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize));
}
