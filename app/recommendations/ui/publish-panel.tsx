import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { FormAlert, SubmitButton } from "~/ui/form";
import { Panel } from "~/ui/panel";

const p = t.recommendations.publish;

/** Staff: publish an adopted recommendation (to council, optionally public), or make it public later. */
export function PublishPanel({ status, isPublic, errors }: { status: string; isPublic: boolean; errors: Record<string, string> }) {
  if (status === "adopted") {
    return (
      <Panel id="publish-title" title={p.heading} className="no-print rounded border border-green-700 p-4">
        <FormAlert message={errors.form} />
        <Form method="post" className="space-y-3">
          <label className="flex items-center gap-2 font-normal">
            <input type="checkbox" name="public" value="on" />
            {p.public}
          </label>
          <SubmitButton intent="publish">{p.submit}</SubmitButton>
        </Form>
      </Panel>
    );
  }
  if (status === "published" && !isPublic) {
    return (
      <Form method="post" className="no-print">
        <FormAlert message={errors.form} />
        <SubmitButton intent="make-public" className="btn-secondary">
          {p.makePublic}
        </SubmitButton>
      </Form>
    );
  }
  return null;
}
