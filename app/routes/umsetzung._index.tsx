import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { AccountabilityList } from "~/commitments/ui/accountability-list";
import { t } from "~/i18n/de";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { ACCOUNTABILITY_PAGE_SIZE, listAccountability } from "~/commitments/accountability.server";
import { listReportYears } from "~/commitments/report.server";
import { can, getUser } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";

const a = t.commitments.accountability;

export const meta: MetaFunction = () => [
  { title: `${a.title} – Digitalbeirat` },
  { tagName: "link", rel: "alternate", type: "application/atom+xml", href: "/umsetzung.atom", title: a.feedTitle },
];

/** Public: what became of the published recommendations (visitors see the public ones). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const page = pageFromUrl(new URL(request.url));
  const board = can(user, "read:commitment:internal");
  const [{ items, total }, years] = await Promise.all([listAccountability({ reader: user, page }), board ? listReportYears() : Promise.resolve([])]);
  return json({ items, page, totalPages: pageCount(total, ACCOUNTABILITY_PAGE_SIZE), years });
}

export default function AccountabilityPage() {
  const { items, page, totalPages, years } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <TitledSection id="accountability-title" title={a.title}>
      <p className="max-w-3xl">{a.intro}</p>
      <p className="no-print my-4 flex flex-wrap gap-4">
        <a href="/umsetzung.atom">{a.feed}</a>
        <a href="/umsetzung.csv">{a.csv}</a>
        {years.map((year) => (
          <a key={year} href={`/umsetzung/bericht/${year}`}>
            {a.report} {year}
          </a>
        ))}
      </p>
      {items.length === 0 ? <p>{a.empty}</p> : <AccountabilityList items={items} />}
      <Pagination page={page} totalPages={totalPages} search={location.search} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
