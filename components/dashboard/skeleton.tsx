"use client";

// A client leaf only so that its markup is not repeated as elements in the RSC payload: the dashboard has a
// dozen of them, each crossing the wire as three numbers and words instead of a tree. Rendered on the server.
import styles from "./dashboard.module.css";

/** A fixed-height placeholder, so the page does not jump when the widget streams in. */
export function WidgetSkeleton({ height, label, wide }: { height: number; label: string; wide?: boolean }) {
  return (
    <div className={`${styles.skeleton} ${wide ? styles.wide : ""}`} style={{ height }} aria-busy="true">
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
