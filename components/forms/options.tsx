// A select's options, written once: no "use client", so server pages and client forms both use it.
import type { ReactNode } from "react";

type Value = string | number;

/**
 * One option per item: its value (`value`, else the item itself) and its `label`. A select's empty first choice
 * ("all", "keep") stays an <option> of its own before these.
 */
export function Options<T>(
  props: { items: readonly T[]; label: (item: T) => ReactNode } & (T extends Value
    ? { value?: (item: T) => Value }
    : { value: (item: T) => Value }),
) {
  const valueOf = props.value ?? ((item: T) => item as Value);
  return props.items.map((item) => {
    const value = valueOf(item);
    return (
      <option key={value} value={value}>
        {props.label(item)}
      </option>
    );
  });
}
