// Shared fixtures: direct SQL on the database the app under test uses, so tests compute what they expect
// from the data rather than hard-coding it.
import { test as base, expect } from "@playwright/test";
import pg from "pg";

export type Sql = <T extends pg.QueryResultRow>(text: string, params?: unknown[]) => Promise<T[]>;

export const test = base.extend<object, { sql: Sql }>({
  sql: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 2 });
      await use(async (text, params) => (await pool.query(text, params)).rows);
      await pool.end();
    },
    { scope: "worker" },
  ],
});

export { expect };
