import type { InputHTMLAttributes } from "react";

type Props = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** Labelled input with its German error and hint wired up through aria-describedby. */
export function TextField({ name, label, error, hint, className, ...input }: Props) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </div>
  );
}

export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  if (!message) return null;
  const style = tone === "error" ? "border-red-700 bg-red-50 text-red-800" : "border-green-700 bg-green-50 text-green-900";
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`mb-4 rounded border p-3 ${style}`}>
      {message}
    </p>
  );
}
