import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { errorBoundaryWith } from "~/ui/error-page";
import { PaperForm } from "~/papers/ui/paper-form";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { PaperSchema } from "~/papers/schemas.server";
import { paperPath } from "~/papers/paper-path";
import { findPaperBySlug, listOwnRelatedReferences, updatePaper } from "~/papers/papers.server";
import { notFound, requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";

export const meta: MetaFunction = () => [{ title: `${t.papers.editPaper} – Digitalbeirat` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:paper");
  const paper = (await findPaperBySlug({ viewer: user, slug: params.reference })) ?? notFound(t.papers.errors.notFound);
  const related = await listOwnRelatedReferences({ paperId: paper.id });
  return json({ paper: { ...paper, relatedReferences: related.join(", ") } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:paper");
  const paper = (await findPaperBySlug({ viewer: user, slug: params.reference })) ?? notFound(t.papers.errors.notFound);
  const parsed = parseForm(PaperSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 422 });
  const result = await updatePaper({ actorId: user.id, paperId: paper.id, input: parsed.data });
  if (!result.ok) return json({ errors: result.errors }, { status: result.status });
  return redirect(paperPath(result.reference));
}

export default function EditPaperPage() {
  const { paper } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section aria-labelledby="edit-paper-title">
      <h1 id="edit-paper-title">
        {t.papers.editPaper}: {paper.reference}
      </h1>
      <p className="no-print">
        <Link to={paperPath(paper.reference)}>{paper.name}</Link>
      </p>
      <PaperForm values={paper} errors={data?.errors ?? {}} submitLabel={t.common.save} />
    </section>
  );
}

export const ErrorBoundary = errorBoundaryWith({ 404: t.papers.errors.notFound });
