import { Form } from "@remix-run/react";
import { FormAlert, SubmitButton } from "~/ui/form";

/**
 * The page behind a link in a mail (unsubscribe, answer an invitation): it only asks, since mail
 * scanners follow links; the button posts the link's token, and the answer replaces the question.
 */
export function MailLinkConfirmation({
  token,
  question,
  done,
  error,
  invalid,
  submit,
}: {
  /** Null when the link's token is unknown or expired. */
  token: string | null;
  question: string | null;
  done?: string | null;
  error?: string | null;
  invalid: string;
  submit: string;
}) {
  return (
    <>
      {done ? <FormAlert message={done} tone="success" /> : null}
      {error ? <FormAlert message={error} /> : null}
      {!token || !question ? (
        <FormAlert message={invalid} />
      ) : done ? null : (
        <Form method="post" className="space-y-4">
          <p>{question}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{submit}</SubmitButton>
        </Form>
      )}
    </>
  );
}
