import type { ReactNode } from "react";

/** A page's main section, named by its h1, with an optional way back below the content. */
export function TitledSection({
  id,
  title,
  className,
  back,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  back?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h1 id={id}>{title}</h1>
      {children}
      {back ? (
        <p className="mt-6">
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
    </section>
  );
}
