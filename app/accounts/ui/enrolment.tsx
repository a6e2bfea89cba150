import { Form } from "@remix-run/react";
import { Field, SubmitButton } from "~/ui/form";
import { t } from "~/i18n/de";

const f = t.accounts.twoFactor;

/** QR code (SVG drawn on the server, no script) and the secret as text, then the code field. */
export function EnrolmentForm({ secret, svg, error, intent }: { secret: string; svg: string; error?: string; intent?: string }) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <p>{f.enrolSteps}</p>
      {/* The markup comes from the qrcode package on the server, built from our own otpauth URI. */}
      <div role="img" aria-label={f.qrLabel} className="qr-code" dangerouslySetInnerHTML={{ __html: svg }} />
      <p>
        {f.secretLabel}: <code className="select-all">{secret}</code>
      </p>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <Field name="code" label={f.code} hint={f.codeHint} error={error} inputMode="numeric" autoComplete="one-time-code" maxLength={20} required />
      <SubmitButton>{f.enrolSubmit}</SubmitButton>
    </Form>
  );
}

/** Shown once after enrolment or renewal. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-title" className="my-4 rounded border border-slate-400 p-4">
      <h2 id="recovery-title">{f.recoveryTitle}</h2>
      <p>{f.recoveryIntro}</p>
      <ul className="mt-2 grid grid-cols-2 gap-1 font-mono">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}
