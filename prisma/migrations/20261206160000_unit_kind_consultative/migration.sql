-- 政协 (the CPPCC committees) are consultative conferences, not legislatures: a unit kind of their own.
-- Only the value is added here. PostgreSQL cannot use a new enum value in the transaction that adds it, and the
-- runner (scripts/db/migrate.ts) runs each migration in one transaction; the two 政协 units of the document seed
-- change kind at the next start instead, with their audit rows (prisma/seed/revise.ts).
ALTER TYPE "unit_kind" ADD VALUE 'CONSULTATIVE' AFTER 'LEGISLATURE';
