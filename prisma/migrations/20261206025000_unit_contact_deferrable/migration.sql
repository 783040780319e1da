-- units.contact_user_id (联络人) → users and users.unit_id → units make the only foreign-key cycle. A restore
-- (scripts/db/backup) copies tables in foreign-key order inside one transaction, without superuser rights to
-- disable triggers; a DEFERRABLE constraint lets it copy units before users and check the link at the end.
-- Still checked at once in every ordinary statement (INITIALLY IMMEDIATE).
ALTER TABLE "units" ALTER CONSTRAINT "units_contact_user_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
