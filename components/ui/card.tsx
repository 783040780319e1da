import type { ReactNode } from "react";

/** A page's card: a section named by its heading (`id` ties the two for assistive technology and for links). */
export function Card({
  id,
  heading,
  testId,
  children,
}: {
  id: string;
  heading: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}
