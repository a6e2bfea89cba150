/** "AT/0014/2025" → "AT-0014-2025", the form used in URLs (safe for browser code). */
export function paperSlug(reference: string) {
  return reference.replaceAll("/", "-");
}

export function paperPath(reference: string) {
  return `/vorlagen/${paperSlug(reference)}`;
}
