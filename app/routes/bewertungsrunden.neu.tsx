import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { RoundFields } from "~/ratings/ui/round-fields";
import { t } from "~/i18n/de";
import { parseForm } from "~/lib/form";
import { RoundSchema } from "~/ratings/forms.server";
import { createRound, listTopicOptions } from "~/ratings/rounds.server";
import { requirePermission } from "~/policy.server";
import { readForm } from "~/lib/fields";
import { FormAlert, SubmitButton } from "~/ui/form";
import { invalidForm, respondToRefusal } from "~/server/refusal-response.server";
import { TitledSection } from "~/ui/titled-section";

export const meta: MetaFunction = () => [{ title: `${t.ratings.newRound} – Digitalbeirat` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return json({ topics: await listTopicOptions() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const parsed = parseForm(RoundSchema, await readForm(request));
  if (!parsed.ok) return invalidForm(parsed.errors);
  try {
    const roundId = await createRound({ input: parsed.data, actor: user });
    return redirect(`/bewertungsrunden/${roundId}/einrichten`);
  } catch (error) {
    return respondToRefusal(error);
  }
}

export default function NewRoundPage() {
  const { topics } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  return (
    <TitledSection id="new-round-title" title={t.ratings.newRound} className="max-w-3xl">
      <FormAlert message={errors?.form} />
      <Form method="post" noValidate className="space-y-4">
        <RoundFields topics={topics} errors={errors} />
        <SubmitButton>{t.ratings.actions.create}</SubmitButton>
      </Form>
    </TitledSection>
  );
}

export { ErrorPage as ErrorBoundary } from "~/ui/error-page";
