import type { ReactNode } from "react";
import styles from "./dashboard.module.css";

/** One dashboard panel: a labelled region with its heading. */
export function Widget({
  id,
  title,
  wide,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={`${styles.widget} ${wide ? styles.wide : ""}`}
      aria-labelledby={`${id}-heading`}
      data-testid={id}
    >
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}
