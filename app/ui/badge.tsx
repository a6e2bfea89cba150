import type { ReactNode } from "react";

const TONES = {
  neutral: "border-slate-500 bg-slate-50 text-slate-800",
  progress: "border-amber-700 bg-amber-50 text-amber-900",
  success: "border-green-700 bg-green-50 text-green-900",
  danger: "border-red-700 bg-red-50 text-red-800",
  brand: "border-brand-700 bg-brand-50 text-brand-900",
  plain: "border-slate-500 text-slate-800",
} as const;

export type BadgeTone = keyof typeof TONES;

/** The one status badge: a word in a bordered box, its colour from a tone, never the only cue. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`rounded border px-2 py-0.5 text-sm ${TONES[tone]}`}>{children}</span>;
}
