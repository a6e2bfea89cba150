import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundStatusBadge } from "~/ratings/ui/status-badge";
import { t } from "~/i18n/de";
import { PrevNextNav } from "~/ui/pagination";
import { formatDateTime, isoString } from "~/lib/dates";
import { pageFromUrl } from "~/lib/pagination";
import { listRoundsForViewer } from "~/ratings/rounds.server";
import { can, notFound, requirePermission } from "~/policy.server";
import { DataTable } from "~/ui/table";
import { TitledSection } from "~/ui/titled-section";
import { CreateLink } from "~/ui/create-link";

export const meta: MetaFunction = () => [{ title: `${t.ratings.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:round");
  const page = pageFromUrl(new URL(request.url));
  const { rounds, hasMore } = await listRoundsForViewer({ viewer: user, page });
  if (page > 1 && rounds.length === 0) notFound();
  return json({ rounds, page, hasMore, canManage: can(user, "manage:round") });
}

export default function RoundListPage() {
  const { rounds, page, hasMore, canManage } = useLoaderData<typeof loader>();
  const l = t.ratings.list;
  return (
    <TitledSection id="rounds-title" title={t.ratings.title}>
      <p className="mb-4 max-w-3xl text-slate-700">{t.ratings.intro}</p>
      <CreateLink show={canManage} to="/bewertungsrunden/neu" label={t.ratings.newRound} paragraphClassName="no-print mb-4" />
      {rounds.length === 0 ? (
        <p>{t.ratings.empty}</p>
      ) : (
        <DataTable caption={l.caption} captionClassName="sr-only" className="w-full" columns={[l.round, l.status, l.closesAt, l.proposals]}>
          {rounds.map((round) => (
            <tr key={round.id}>
              <th scope="row" className="font-normal">
                <Link to={`/bewertungsrunden/${round.id}`}>{round.title}</Link>
              </th>
              <td>
                <RoundStatusBadge status={round.status} />
              </td>
              <td>{round.closesAt ? <time dateTime={isoString(round.closesAt)}>{formatDateTime(round.closesAt)}</time> : "–"}</td>
              <td>{round.proposals}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <PrevNextNav page={page} hasMore={hasMore} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
