import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { pageCount } from "~/lib/pagination";
import { t } from "~/i18n/de";
import { formatDate } from "~/lib/dates";
import { pageFromUrl } from "~/lib/pagination";
import { PaperFilterSchema } from "~/papers/schemas.server";
import { paperPath } from "~/papers/paper-path";
import { listOrganizations, listPaperYears, listPapers, PAPER_PAGE_SIZE } from "~/papers/papers.server";
import { can, getUser } from "~/policy.server";
import { DataTable } from "~/ui/table";
import { SubmitButton } from "~/ui/form";
import { TitledSection } from "~/ui/titled-section";
import { CreateLink } from "~/ui/create-link";

export const meta: MetaFunction = () => [{ title: `${t.papers.title} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const url = new URL(request.url);
  const filters = PaperFilterSchema.parse(Object.fromEntries(url.searchParams));
  const page = pageFromUrl(url);
  const [{ papers, total }, organizations, years] = await Promise.all([
    listPapers({ viewer: user, filters, page }),
    listOrganizations(),
    listPaperYears({ viewer: user }),
  ]);
  return json({ papers, total, page, pageSize: PAPER_PAGE_SIZE, filters, organizations, years, canManage: can(user, "manage:paper") });
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string | number; options: { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t.papers.filters.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function PapersPage() {
  const { papers, total, page, pageSize, filters, organizations, years, canManage } = useLoaderData<typeof loader>();
  const location = useLocation();
  const f = t.papers.filters;
  return (
    <TitledSection id="papers-title" title={t.papers.title}>
      <p>{t.papers.intro}</p>
      <CreateLink show={canManage} to="/vorlagen/neu" label={t.papers.newPaper} paragraphClassName="no-print my-4" />
      <Form method="get" className="no-print my-4 flex flex-wrap items-end gap-4" aria-label={f.legend}>
        <Select name="typ" label={f.type} value={filters.typ} options={Object.keys(t.papers.types).map((v) => ({ value: v, label: t.papers.types[v] }))} />
        <Select name="gremium" label={f.body} value={filters.gremium} options={organizations.map((o) => ({ value: o.shortName, label: o.name }))} />
        <Select name="jahr" label={f.year} value={filters.jahr} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Select
          name="status"
          label={f.status}
          value={filters.status}
          options={Object.keys(t.papers.statuses).map((s) => ({ value: s, label: t.papers.statuses[s] }))}
        />
        <SubmitButton>{f.apply}</SubmitButton>
      </Form>
      {papers.length === 0 ? (
        <p>{t.papers.empty}</p>
      ) : (
        <DataTable
          caption={
            <>
              {t.papers.listCaption} ({total})
            </>
          }
          captionClassName="text-left font-medium"
          className="w-full"
          columns={[t.papers.document.vorlage, t.papers.document.datum, f.type, t.papers.document.betreff, t.papers.document.verfasser, f.status]}
        >
          {papers.map((paper) => (
            <tr key={paper.id}>
              <th scope="row">
                <Link to={paperPath(paper.reference)}>{paper.reference}</Link>
              </th>
              <td>{formatDate(paper.date)}</td>
              <td>{t.papers.types[paper.paperType]}</td>
              <td>{paper.name}</td>
              <td>{paper.originator}</td>
              <td>{t.papers.statuses[paper.status]}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} totalPages={pageCount(total, pageSize)} search={location.search} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
