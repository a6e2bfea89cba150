import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { t } from "~/i18n/de";

type Props = {
  id: string;
  label: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  /** Server-rendered preview after a no-JS "Vorschau" submit (sanitized by renderMarkdown). */
  previewHtml?: string | null;
};

/**
 * A Markdown textarea with a "Vorschau" submit button (works without JavaScript: the page's
 * action renders the preview) and, with JavaScript, a live preview from /themen/vorschau,
 * which renders through the same sanitizer.
 */
export function MarkdownEditor({ id, label, defaultValue = "", error, hint, required, rows = 6, previewHtml }: Props) {
  const fetcher = useFetcher<{ html: string }>();
  const [live, setLive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const html = live && fetcher.data ? fetcher.data.html : previewHtml;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name="body"
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const body = event.currentTarget.value;
          setLive(true);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => fetcher.submit({ body }, { method: "post", action: "/themen/vorschau" }), 300);
        }}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" name="intent" value="preview" className="btn-secondary no-print" formNoValidate>
          {t.topics.form.preview}
        </button>
      </div>
      {html !== undefined && html !== null ? (
        <section
          aria-label={live ? t.topics.form.livePreview : t.topics.form.previewTitle}
          aria-live="polite"
          className="rounded border border-dashed border-slate-500 p-3"
        >
          <p className="mb-2 text-sm font-semibold text-slate-700">{live ? t.topics.form.livePreview : t.topics.form.previewTitle}</p>
          <div className="prose-md" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      ) : null}
    </div>
  );
}
