import { Link } from "@remix-run/react";

/**
 * A list page's button to its form for a new item, for those who may create one; nothing for
 * everyone else. `reloadDocument` keeps a plain page load where the page linked without
 * client-side navigation; `paragraphClassName` puts the button in a paragraph of its own where
 * the page has no toolbar row for it.
 */
export function CreateLink({
  show,
  to,
  label,
  reloadDocument,
  paragraphClassName,
}: {
  show: boolean;
  to: string;
  label: string;
  reloadDocument?: boolean;
  paragraphClassName?: string;
}) {
  if (!show) return null;
  const link = (
    <Link to={to} className="btn" reloadDocument={reloadDocument}>
      {label}
    </Link>
  );
  return paragraphClassName ? <p className={paragraphClassName}>{link}</p> : link;
}
