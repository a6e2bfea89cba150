const twoDecimals = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** 6,45 – or a dash when there is no value. */
export function formatPoints(value: number | null | undefined) {
  return value === null || value === undefined ? "–" : twoDecimals.format(value);
}

/** 36 or 42,9 (renormalised weights). */
export function formatWeight(value: number) {
  return oneDecimal.format(value);
}
