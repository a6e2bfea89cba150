import type { ReactNode } from "react";
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
    <PrevNextNav page={page} hasMore={page < totalPages} href={href} label={label} className="no-print mt-4 flex items-center gap-4">
      <span>
        {t.common.pagination.page} {page} / {totalPages}
      </span>
    </PrevNextNav>
  );
}

/** Previous/next links for lists that know only whether another page follows; `children` stand between them. */
export function PrevNextNav({
  page,
  hasMore,
  href = (target) => `?seite=${target}`,
  label = t.common.pagination.label,
  className = "no-print mt-4 flex gap-4",
  children,
}: {
  page: number;
  hasMore: boolean;
  href?: (target: number) => string;
  label?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <nav aria-label={label} className={className}>
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t.common.pagination.previous}
        </a>
      ) : null}
      {children}
      {hasMore ? (
        <a href={href(page + 1)} rel="next">
          {t.common.pagination.next}
        </a>
      ) : null}
    </nav>
  );
}

/** "Ältere …" below a newest-first list: a link to the next page, when there is one. */
export function MoreLink({ page, hasMore, label }: { page: number; hasMore: boolean; label: string }) {
  if (!hasMore) return null;
  return (
    <p className="mt-4">
      <a href={`?seite=${page + 1}`}>{label}</a>
    </p>
  );
}
