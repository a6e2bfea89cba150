import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearedSessionCookie, invalidateSession } from "~/auth/session.server";
import { getSession } from "~/policy.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) await invalidateSession(session.id);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
