import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearedSessionCookie } from "~/accounts/session.server";
import { signOut } from "~/accounts/account.server";
import { getSession } from "~/policy.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  if (session) await signOut({ userId: session.user.id, sessionId: session.id });
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
