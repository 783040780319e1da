"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import formStyles from "@/components/forms/forms.module.css";

const Announce = createContext<(message: string) => void>(() => undefined);

/**
 * The page's answer to a retry. A retried job leaves the failed table at once (the page is revalidated), taking
 * its row's form with it, so the success is announced here, above the tables, where it outlives the row.
 */
export function JobsFeedback({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Announce.Provider value={setMessage}>
      <div aria-live="polite" role="status" className={formStyles.message} data-testid="jobs-feedback">
        {message && <p className={formStyles.success}>{message}</p>}
      </div>
      {children}
    </Announce.Provider>
  );
}

export function useJobsAnnounce(): (message: string) => void {
  return useContext(Announce);
}
