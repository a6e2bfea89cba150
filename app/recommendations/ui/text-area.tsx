import type { TextareaHTMLAttributes } from "react";

type Props = { name: string; label: string; error?: string; hint?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

/** Labelled textarea with its German error and hint wired up through aria-describedby. */
export function TextArea({ name, label, error, hint, ...rest }: Props) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}
