import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/policy.server";
import { exportUserData } from "~/accounts/data-export.server";

/** All data about the signed-in user as one JSON download (DSGVO Art. 15 and 20). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await exportUserData({ userId: user.id });
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="digitalbeirat-meine-daten-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
