import type { ButtonHTMLAttributes, InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { Form } from "@remix-run/react";

/** The one form kit: every field wires its label, hint and German error the same way. */
type Errors = Record<string, string> | undefined;

type Common = {
  name: string;
  label: string;
  hint?: string;
  /** The field's error, or look it up by name in `errors`. */
  error?: string;
  errors?: Errors;
  /** Keeps ids unique when several forms on one page share field names. */
  idPrefix?: string;
  /** Only where an older id must stay: otherwise the id is `idPrefix` + `name`. */
  id?: string;
  className?: string;
};

/** Splits a field's props into its wiring (ids, label, hint, error) and what goes on the control. */
function wiring<P extends Common>({ name, label, hint, error, errors, idPrefix = "field-", id = `${idPrefix}${name}`, className, ...rest }: P) {
  const message = error ?? errors?.[name];
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return {
    shell: { id, label, hint, message, className },
    control: { id, name, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy } as const,
    rest,
  };
}

function Shell({
  id,
  label,
  hint,
  message,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  message?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex flex-col ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      <FieldHint id={`${id}-hint`} hint={hint} />
      {children}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}

type Without<T> = Omit<T, "name" | "id" | "className" | "defaultValue"> & { defaultValue?: string | number | null };

export function Field({ defaultValue, ...props }: Common & Without<InputHTMLAttributes<HTMLInputElement>>) {
  const { shell, control, rest } = wiring(props);
  return (
    <Shell {...shell}>
      <input {...control} defaultValue={defaultValue ?? undefined} {...rest} />
    </Shell>
  );
}

export function TextareaField({ defaultValue, rows = 4, ...props }: Common & Without<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { shell, control, rest } = wiring(props);
  return (
    <Shell {...shell}>
      <textarea {...control} rows={rows} defaultValue={defaultValue ?? undefined} {...rest} />
    </Shell>
  );
}

type Option = { value: string; label: string };

/** The options of a select whose choices are the keys of an i18n label table, in its order. */
export const labelOptions = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function SelectField({ defaultValue, options, children, ...props }: Common & Without<SelectHTMLAttributes<HTMLSelectElement>> & { options?: Option[] }) {
  const { shell, control, rest } = wiring(props);
  return (
    <Shell {...shell}>
      <select {...control} defaultValue={defaultValue ?? undefined} {...rest}>
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </Shell>
  );
}

export function CheckboxField(props: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className" | "type">) {
  const { shell, control, rest } = wiring(props);
  return (
    <div className={shell.className}>
      <input {...control} type="checkbox" {...rest} /> <label htmlFor={shell.id}>{shell.label}</label>
      <FieldHint id={`${shell.id}-hint`} hint={shell.hint} />
      <FieldError id={`${shell.id}-error`} message={shell.message} />
    </div>
  );
}

const TONES = {
  error: { role: "alert", style: "border-red-700 bg-red-50 text-red-800" },
  success: { role: "status", style: "border-green-700 bg-green-50 text-green-900" },
} as const;

/**
 * A form's message above its fields: an error (read out at once) or a confirmation. `flush`: no
 * margin of its own, inside a form whose `space-y-*` already sets the gaps.
 */
export function FormAlert({ message, tone = "error", flush = false }: { message?: string | null; tone?: keyof typeof TONES; flush?: boolean }) {
  if (!message) return null;
  const { role, style } = TONES[tone];
  return (
    <p role={role} className={`${flush ? "" : "mb-4 "}rounded border p-3 ${style}`}>
      {message}
    </p>
  );
}

/** A field's German error under it, referenced by the control's `aria-describedby`. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

function FieldHint({ id, hint }: { id: string; hint?: string }) {
  if (!hint) return null;
  return (
    <p id={id} className="text-sm text-slate-700">
      {hint}
    </p>
  );
}

/** A form's submit button; with `intent` it names the action's branch (`name="intent"`). */
export function SubmitButton({
  intent,
  className = "btn",
  children,
  ...button
}: { intent?: string; className?: string; children: ReactNode } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "name" | "value">) {
  return (
    <button type="submit" name={intent ? "intent" : undefined} value={intent} className={className} {...button}>
      {children}
    </button>
  );
}

/** A POST form that is one button with an intent (close the vote, mark all read, sync now). */
export function IntentButtonForm({
  intent,
  label,
  action,
  className,
  buttonClassName = "btn",
  ariaLabel,
  children,
}: {
  intent: string;
  label: ReactNode;
  /** Another page's action to post to; by default the current route's. */
  action?: string;
  className?: string;
  buttonClassName?: string;
  /** In a list, the button's name with its row ("Wiederholen: mail.send #3"), so screen readers tell the buttons apart. */
  ariaLabel?: string;
  /** Hidden inputs that go with the intent. */
  children?: ReactNode;
}) {
  return (
    <Form method="post" action={action} className={className}>
      {children}
      <SubmitButton intent={intent} className={buttonClassName} aria-label={ariaLabel}>
        {label}
      </SubmitButton>
    </Form>
  );
}
