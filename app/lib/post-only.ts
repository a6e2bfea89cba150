/** What a GET gets on a route that only takes a POST: 405 with `Allow: POST`, and the German reason when there is one. */
export function postOnly(reason: string | null = null) {
  return new Response(reason, { status: 405, headers: { Allow: "POST" } });
}
