"use client";
// Rows picked with checkboxes for one batch action: the selection, and the header box that selects them all.
import { useState } from "react";

/** Which of `ids` are selected; `toggle` one, `setAll` on or off. */
export function useSelection(ids: number[]) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const setAll = (on: boolean) => setSelected(on ? new Set(ids) : new Set());
  return { selected, allSelected: ids.length > 0 && selected.size === ids.length, toggle, setAll };
}

/** The header cell whose checkbox selects every row, or none. */
export function SelectAllHeader({ selection, label }: { selection: ReturnType<typeof useSelection>; label: string }) {
  return (
    <th scope="col">
      <input
        type="checkbox"
        aria-label={label}
        checked={selection.allSelected}
        onChange={(e) => selection.setAll(e.target.checked)}
      />
    </th>
  );
}
