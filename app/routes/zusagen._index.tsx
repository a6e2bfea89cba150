import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Pagination } from "~/ui/pagination";
import { SelectField } from "~/ui/form";
import { CommitmentTable } from "~/commitments/ui/commitment-table";
import { t } from "~/i18n/de";
import { filterParam } from "~/lib/fields";
import { pageCount, pageFromUrl } from "~/lib/pagination";
import { COMMITMENT_PAGE_SIZE, listCommitments, type CommitmentFilter } from "~/commitments/commitments.server";
import { can, requirePermission } from "~/policy.server";
import { TitledSection } from "~/ui/titled-section";
import { CreateLink } from "~/ui/create-link";

export const meta: MetaFunction = () => [{ title: `${t.commitments.title} – Digitalbeirat` }];

const FILTERS = ["alle", "offen", "ueberfaellig"] as const satisfies readonly CommitmentFilter[];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:commitment:internal");
  const url = new URL(request.url);
  const filter = filterParam(url, "zeige", FILTERS) ?? "alle";
  const page = pageFromUrl(url);
  const { items, total } = await listCommitments({ reader: user, filter, page });
  return json({ items, filter, page, totalPages: pageCount(total, COMMITMENT_PAGE_SIZE), canCreate: can(user, "record:commitment") });
}

export default function CommitmentsPage() {
  const { items, filter, page, totalPages, canCreate } = useLoaderData<typeof loader>();
  const location = useLocation();
  const f = t.commitments.filter;
  return (
    <TitledSection id="commitments-title" title={t.commitments.title}>
      <p className="max-w-3xl">{t.commitments.intro}</p>
      <div className="no-print my-4 flex flex-wrap items-end gap-4">
        <CreateLink show={canCreate} to="/zusagen/neu" label={t.commitments.create} reloadDocument />
        <Form method="get" className="flex items-end gap-2">
          <SelectField
            name="zeige"
            label={f.label}
            defaultValue={filter}
            options={[
              { value: "alle", label: f.all },
              { value: "offen", label: f.open },
              { value: "ueberfaellig", label: f.overdue },
            ]}
          />
          <button type="submit" className="btn-secondary">
            {f.submit}
          </button>
        </Form>
        <a href="/umsetzung">{t.commitments.accountability.title}</a>
      </div>
      {items.length === 0 ? <p>{t.commitments.empty}</p> : <CommitmentTable items={items} />}
      <Pagination page={page} totalPages={totalPages} search={location.search} />
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
