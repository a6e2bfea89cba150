import type { ReactNode } from "react";

export type ListSectionClasses = { section?: string; empty?: string; list: string };

/** A section named by its h2 that lists its items, or says in a sentence that there are none. */
export function ListSection<T>({
  id,
  title,
  items,
  empty,
  classes,
  renderItem,
  children,
}: {
  id: string;
  title: ReactNode;
  items: T[];
  empty: ReactNode;
  classes: ListSectionClasses;
  /** One `<li>` with its key. */
  renderItem: (item: T) => ReactNode;
  /** What follows the list (a link to all of them). */
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={classes.section}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? <p className={classes.empty}>{empty}</p> : <ul className={classes.list}>{items.map(renderItem)}</ul>}
      {children}
    </section>
  );
}
