import type { ReactNode } from "react";

type Errors = Record<string, string> | undefined;

function describedBy(id: string, name: string, errors: Errors, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : "", errors?.[name] ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldShell({ id, name, label, hint, errors, children }: { id: string; name: string; label: string; hint?: string; errors: Errors; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      {children}
      {errors?.[name] ? <p id={`${id}-error`} className="field-error">{errors[name]}</p> : null}
    </div>
  );
}

/** `prefix` keeps ids unique when several forms on one page share field names. */
type FieldProps = { name: string; prefix?: string; label: string; errors?: Errors; hint?: string; defaultValue?: string | number; required?: boolean };

export function TextField({ name, prefix = "", label, errors, hint, defaultValue, required, type = "text", ...rest }: FieldProps & { type?: string; min?: number; max?: number; step?: number; maxLength?: number }) {
  return (
    <FieldShell id={prefix + name} name={name} label={label} hint={hint} errors={errors}>
      <input id={prefix + name} name={name} type={type} defaultValue={defaultValue} required={required} {...rest}
        aria-invalid={errors?.[name] ? true : undefined} aria-describedby={describedBy(prefix + name, name, errors, Boolean(hint))} />
    </FieldShell>
  );
}

export function TextArea({ name, prefix = "", label, errors, hint, defaultValue, required, rows = 4 }: FieldProps & { rows?: number }) {
  return (
    <FieldShell id={prefix + name} name={name} label={label} hint={hint} errors={errors}>
      <textarea id={prefix + name} name={name} rows={rows} defaultValue={defaultValue} required={required}
        aria-invalid={errors?.[name] ? true : undefined} aria-describedby={describedBy(prefix + name, name, errors, Boolean(hint))} />
    </FieldShell>
  );
}

export function SelectField({ name, prefix = "", label, errors, hint, defaultValue, options }: FieldProps & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell id={prefix + name} name={name} label={label} hint={hint} errors={errors}>
      <select id={prefix + name} name={name} defaultValue={defaultValue}
        aria-invalid={errors?.[name] ? true : undefined} aria-describedby={describedBy(prefix + name, name, errors, Boolean(hint))}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </FieldShell>
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

export function Notice({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">
      {message}
    </p>
  );
}
