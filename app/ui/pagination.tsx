import { t } from "~/i18n/de";

/** Previous/next links that keep the other query parameters; `?seite=` is 1-based. */
export function Pagination({
  page,
  totalPages,
  search = "",
  label = t.common.pagination.label,
}: {
  page: number;
  totalPages: number;
  search?: string;
  label?: string;
}) {
  if (totalPages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(search);
    params.set("seite", String(target));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label={label} className="no-print mt-4 flex items-center gap-4">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t.common.pagination.previous}
        </a>
      ) : null}
      <span>
        {t.common.pagination.page} {page} / {totalPages}
      </span>
      {page < totalPages ? (
        <a href={href(page + 1)} rel="next">
          {t.common.pagination.next}
        </a>
      ) : null}
    </nav>
  );
}
