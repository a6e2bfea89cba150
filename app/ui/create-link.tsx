import { Link } from "@remix-run/react";

/**
 * A list page's button to its form for a new item, for those who may create one; nothing for
 * everyone else. `reloadDocument` keeps a plain page load where the page linked without
 * client-side navigation.
 */
export function CreateLink({ show, to, label, reloadDocument }: { show: boolean; to: string; label: string; reloadDocument?: boolean }) {
  if (!show) return null;
  return (
    <Link to={to} className="btn" reloadDocument={reloadDocument}>
      {label}
    </Link>
  );
}
