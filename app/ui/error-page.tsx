import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { t } from "~/i18n/de";

type Messages = Partial<Record<403 | 404, string>>;

/** The one error boundary; routes may pass their own words for 403 and 404. */
export function ErrorPage({ messages = {} }: { messages?: Messages }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Remix's own 404 ("No route matches") carries an English developer message: never shown.
  const ours = isRouteErrorResponse(error) && !(error as { internal?: boolean }).internal;
  const detail = ours && typeof error.data === "string" ? error.data : undefined;
  const [title, text] =
    status === 404
      ? [t.common.errors.notFoundTitle, messages[404] ?? detail ?? t.common.errors.notFound]
      : status === 403
        ? [t.common.errors.forbiddenTitle, messages[403] ?? detail ?? t.common.errors.forbidden]
        : status === 503
          ? [t.common.errors.unavailableTitle, t.common.errors.unavailable]
          : status >= 400 && status < 500
            ? [t.common.errors.title, detail ?? t.common.errors.title]
            : [t.common.errors.serverTitle, t.common.errors.server];
  return (
    <section aria-labelledby="error-title" className="py-8">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p className="mt-2 text-sm text-slate-700">Statuscode {status}</p>
      <p className="mt-4">
        <a href="/">{t.common.errors.backHome}</a>
      </p>
    </section>
  );
}

/** A route's error boundary with its own words: `export const ErrorBoundary = errorBoundaryWith({ 404: … })`. */
export function errorBoundaryWith(messages: Messages) {
  return function ErrorBoundary() {
    return <ErrorPage messages={messages} />;
  };
}

/** The page of a route that only takes a POST: nothing to show, its refusals are the error page. */
export function NoPage() {
  return null;
}
