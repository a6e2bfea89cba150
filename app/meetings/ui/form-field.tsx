import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  errors: Record<string, string>;
  hint?: string;
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  multiline?: number;
  idPrefix?: string;
  children?: ReactNode;
};

/** Label, input (or textarea, or the given select), hint and error, wired for screen readers. */
export function FormField({ name, label, errors, hint, type = "text", defaultValue, required, multiline, idPrefix = "", children }: FieldProps) {
  const id = `${idPrefix}${name}`;
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    defaultValue: defaultValue ?? undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="flex flex-col">
      <label htmlFor={id}>{label}</label>
      {children ? (
        <select {...common}>{children}</select>
      ) : multiline ? (
        <textarea {...common} rows={multiline} />
      ) : (
        <input {...common} type={type} />
      )}
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}

export function Checkbox({ name, label, defaultChecked, errors, idPrefix = "" }: { name: string; label: string; defaultChecked?: boolean; errors: Record<string, string>; idPrefix?: string }) {
  const id = `${idPrefix}${name}`;
  const error = errors[name];
  return (
    <div>
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />{" "}
      <label htmlFor={id}>{label}</label>
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}

export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-800">
      {message}
    </p>
  );
}
