import { Form } from "@remix-run/react";
import { t } from "~/i18n/de";
import { SubmitButton } from "~/ui/form";

/** /konto: a board member's opt-in to the public OParl Person list. */
export function OparlConsentForm({ given }: { given: boolean }) {
  const text = t.oparl.consent;
  return (
    <Form method="post" className="my-6 max-w-xl" aria-labelledby="oparl-consent-title">
      <fieldset className="rounded border border-slate-300 p-4">
        <legend id="oparl-consent-title" className="px-1 font-semibold">
          {text.legend}
        </legend>
        <div className="flex items-start gap-2">
          <input id="oparl-consent" name="consent" type="checkbox" defaultChecked={given} className="mt-1" aria-describedby="oparl-consent-hint" />
          <label htmlFor="oparl-consent">{text.label}</label>
        </div>
        <p id="oparl-consent-hint" className="mt-1 text-sm text-slate-700">
          {text.hint}
        </p>
        <SubmitButton intent="oparl-consent" className="btn mt-3">
          {t.common.save}
        </SubmitButton>
      </fieldset>
    </Form>
  );
}
