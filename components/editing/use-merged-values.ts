"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's values over a versioned record. When the page brings a newer version (after our own save, another
 * change, or a conflict, whose current version this fetches), fields the person has not touched take the new
 * values and fields they changed keep theirs — a three-way merge, so re-applying after a conflict keeps the
 * other person's edits too. `base` is the version the values stand on; `onMerge` sees each merge.
 */
export function useMergedValues<V extends { version: number }>(
  initial: V,
  conflict: unknown,
  onMerge?: (merged: V) => void,
) {
  const router = useRouter();
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState(initial);

  if (initial.version !== base.version) {
    const merged: V = { ...values, version: initial.version };
    for (const key of Object.keys(initial) as (keyof V)[])
      if (key !== "version" && same(values[key], base[key])) merged[key] = initial[key];
    setBase(initial);
    setValues(merged);
    onMerge?.(merged);
  }

  useEffect(() => {
    // Fetch the current version so the form can merge it and offer to re-apply on top of it.
    if (conflict) router.refresh();
  }, [conflict, router]);

  return { base, values, setValues };
}
