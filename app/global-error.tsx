"use client";

import en from "@/lib/i18n/messages/en/common.json";
import zh from "@/lib/i18n/messages/zh-CN/common.json";
import { ErrorReference } from "@/components/layout/error-reference";
import "./globals.css";

// Shown when the root layout itself cannot be rendered, above all when the database is down: the site header
// reads the signed-in user and the sample-data marker, and app/error.tsx only covers what is below the layout.
// Without this file Next shows its built-in English "This page couldn't load". The layout's translations and
// locale are not available here, so the catalogue's message is shown in both languages (zh-CN first).
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main id="main">
          <div className="card" role="alert">
            <h1>{zh.errors.title}</h1>
            <p>{zh.errors.database}</p>
            <p lang="en">{en.errors.database}</p>
            <ErrorReference label={`${zh.errors.reference} · ${en.errors.reference}`} />
            <button type="button" onClick={() => retry()}>
              {zh.errors.retry}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
