"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent, type ReactNode } from "react";

/**
 * A GET form that leaves empty fields out of the URL (shorter, readable shared links) and navigates
 * client-side. Without JavaScript it is an ordinary GET form and gives the same view.
 */
export function CleanGetForm({ action, label, children }: { action: string; label: string; children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    }
    startTransition(() => router.push(params.size > 0 ? `${action}?${params}` : action));
  }
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      aria-busy={pending}
      onSubmit={onSubmit}
      data-testid="filter-form"
    >
      {children}
    </form>
  );
}
