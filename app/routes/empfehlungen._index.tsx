import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { RecommendationTable } from "~/recommendations/ui/recommendation-table";
import { t } from "~/i18n/de";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { listRecommendations, RECOMMENDATION_PAGE_SIZE } from "~/recommendations/recommendations.server";
import { can, getUser } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";
import { CreateLink } from "~/ui/create-link";

export const meta: MetaFunction = () => [
  { title: `${t.recommendations.title} – Digitalbeirat` },
  { tagName: "link", rel: "alternate", type: "application/atom+xml", href: "/empfehlungen.atom", title: t.recommendations.feedTitle },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const page = pageFromUrl(new URL(request.url));
  const { items, total } = await listRecommendations({ reader: user, page });
  const audience = can(user, "read:recommendation:draft") ? "board" : user ? "council" : "visitor";
  return json({ items, page, totalPages: pageCount(total, RECOMMENDATION_PAGE_SIZE), audience, canCreate: can(user, "create:recommendation") });
}

export default function RecommendationsPage() {
  const { items, page, totalPages, audience, canCreate } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <TitledSection id="recs-title" title={t.recommendations.title}>
      <p className="max-w-3xl">{t.recommendations.intro[audience as "board" | "council" | "visitor"]}</p>
      <p className="no-print my-4 flex flex-wrap gap-3">
        <CreateLink show={canCreate} to="/empfehlungen/neu" label={t.recommendations.create} reloadDocument />
        <a href="/empfehlungen.atom">{t.recommendations.feed}</a>
      </p>
      {items.length === 0 ? <p>{t.recommendations.empty}</p> : <RecommendationTable items={items} />}
      <Pagination page={page} totalPages={totalPages} search={location.search} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
