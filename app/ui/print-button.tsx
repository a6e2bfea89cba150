import { useEffect, useState } from "react";
import { t } from "~/i18n/de";

/** Shown once JavaScript runs; without it the browser's own print command works the same. */
export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {t.papers.document.print}
    </button>
  );
}
