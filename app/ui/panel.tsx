import type { ReactNode } from "react";

/** A boxed step on a page (open the round, start the vote, publish): its heading, a hint, the form. */
export function Panel({
  id,
  title,
  level = 2,
  hint,
  hintClassName = "text-sm text-slate-700",
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  level?: 2 | 3;
  hint?: ReactNode;
  hintClassName?: string;
  /** The box: border, colour and spacing. */
  className: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className="mt-0">
        {title}
      </Heading>
      {hint ? <p className={hintClassName}>{hint}</p> : null}
      {children}
    </section>
  );
}
