"use client";

import Link from "@/components/ui/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import styles from "./as-of-control.module.css";

export interface AsOfFormLabels {
  legend: string;
  asOf: string;
  compare: string;
  apply: string;
  backToToday: string;
  hint: string;
}

/** Params that describe a position inside a result, which a new date makes meaningless. */
const RESET_ON_CHANGE = ["page"];

/**
 * The two dates as a GET form: it works without JavaScript (hidden inputs carry the other parameters) and,
 * with JavaScript, navigates client-side. Every view stays a shareable link.
 */
export function AsOfForm({
  labels,
  asOf,
  compare,
  today,
  min,
}: {
  labels: AsOfFormLabels;
  asOf: string;
  compare: string;
  today: string;
  min: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const kept = [...searchParams.entries()].filter(
    ([k]) => k !== "asOf" && k !== "compare" && !RESET_ON_CHANGE.includes(k),
  );
  const todayParams = new URLSearchParams(kept);
  const todayHref = todayParams.size > 0 ? `${pathname}?${todayParams}` : pathname;
  const dated = searchParams.has("asOf") || searchParams.has("compare");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams(kept);
    for (const key of ["asOf", "compare"] as const) {
      const value = String(data.get(key) ?? "").trim();
      if (value) next.set(key, value);
    }
    startTransition(() => router.push(next.size > 0 ? `${pathname}?${next}` : pathname));
  }

  return (
    <form
      className={styles.control}
      method="get"
      action={pathname}
      onSubmit={onSubmit}
      aria-busy={pending}
      data-testid="as-of-control"
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{labels.legend}</legend>
        {kept.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        <label className={styles.field}>
          <span>{labels.asOf}</span>
          <input type="date" name="asOf" defaultValue={asOf} min={min} max={today} aria-describedby="as-of-hint" />
        </label>
        <label className={styles.field}>
          <span>{labels.compare}</span>
          <input
            type="date"
            name="compare"
            defaultValue={compare}
            min={min}
            max={today}
            aria-describedby="as-of-hint"
          />
        </label>
        <button type="submit" className={styles.apply} disabled={pending}>
          {labels.apply}
        </button>
        {dated ? (
          <Link href={todayHref} className={styles.today}>
            {labels.backToToday}
          </Link>
        ) : null}
      </fieldset>
      <p id="as-of-hint" className={styles.hint}>
        {labels.hint}
      </p>
    </form>
  );
}
