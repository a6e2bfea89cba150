import fc from "fast-check";
import type { FoundForm } from "./forms";

/** Payloads whose live (unescaped) form in a served page would be stored markup. */
export const MARKUP_PAYLOADS = [
  "<script>fz1()</script>",
  "<img src=x onerror=fz2()>",
  '"><svg onload=fz3()>',
  "[klick](javascript:fz4())",
  '<a href="javascript:fz5()">x</a>',
  "<iframe src=//fz6.example></iframe>",
  "<style>@import 'fz7'</style>",
];
const LIVE_MARKUP = [
  /<script>fz1/i,
  /<img src=x onerror=fz2/i,
  /<svg onload=fz3/i,
  /href="javascript:fz[45]/i,
  /<iframe src=\/\/fz6/i,
  /<style>@import 'fz7'/i,
];

export function liveMarkup(html: string): string[] {
  return LIVE_MARKUP.filter((pattern) => pattern.test(html)).map(String);
}

const EDGE_VALUES = [
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "2147483648",
  "-2147483649",
  "2025-13-45",
  "2025-02-30T25:61",
  "31.12.2025",
  "null",
  "undefined",
  "[]",
  "{}",
  "true",
  "on",
  "\u0000",
  "a\u0000b",
  "%00",
  "\ud800",
  "../../etc/passwd",
  "' OR 1=1 --",
  "AT/0014/2025",
  "//evil.example/",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ äöüß",
  "\u202e\u2066",
  "\r\n\r\n",
  " ".repeat(50),
];

const valueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP_PAYLOADS) },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.constantFrom(300, 5_000, 25_000, 200_000).map((n) => "ä".repeat(n)) },
);

type FieldChoice = { mode: "keep" | "omit" | "set" | "twice"; value: string; second: string };
export type FormInput = { fields: FieldChoice[]; submit: number; extra: Array<[string, string]> };

export function formInputArb(form: FoundForm): fc.Arbitrary<FormInput> {
  const choice = fc.record({
    mode: fc.constantFrom<FieldChoice["mode"]>("keep", "keep", "omit", "set", "set", "set", "twice"),
    value: valueArb,
    second: valueArb,
  });
  return fc.record({
    fields: fc.tuple(...form.fields.map(() => choice)),
    submit: fc.integer({ min: -1, max: Math.max(0, form.submits.length - 1) }),
    extra: fc.array(fc.tuple(fc.constantFrom("intent", "id", "redirectTo", "_data", "role", "userId", "x"), valueArb), { maxLength: 2 }),
  }) as fc.Arbitrary<FormInput>;
}

/** Values every field of every form gets once, deterministically (the rest of the form kept). */
export const SWEEP_VALUES = ["a\u0000b", "99999999999999999999", "<script>fz1()</script>"];

export function sweepInputs(form: FoundForm): FormInput[] {
  const keep = form.fields.map(() => ({ mode: "keep" as const, value: "", second: "" }));
  const submit = form.submits.length > 0 ? 0 : -1;
  return form.fields.flatMap((_, i) =>
    SWEEP_VALUES.map((value) => ({ fields: keep.map((k, j) => (j === i ? { mode: "set" as const, value, second: "" } : k)), submit, extra: [] })),
  );
}

export function formEntries(form: FoundForm, input: FormInput): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  form.fields.forEach((field, i) => {
    const { mode, value, second } = input.fields[i];
    if (mode === "keep") entries.push([field.name, field.value || field.options[0] || ""]);
    if (mode === "set" || mode === "twice") entries.push([field.name, value]);
    if (mode === "twice") entries.push([field.name, second]);
  });
  const submit = form.submits[input.submit];
  if (submit) entries.push([submit.name, submit.value]);
  entries.push(...input.extra);
  return entries;
}
