import { useSyncExternalStore } from "react";
import { t } from "~/i18n/de";

const subscribe = () => () => {};

/** Shown once JavaScript runs; without it the browser's own print command works the same. */
export function PrintButton() {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!hydrated) return null;
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {t.papers.document.print}
    </button>
  );
}
