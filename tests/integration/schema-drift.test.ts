import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actualShape, compareShapes, expectedShape } from "../setup/schema-drift";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";

const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");

describe("migrations agree with schema.prisma", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.drop());

  it("has no drift between the migrated database and schema.prisma", async () => {
    expect(compareShapes(expectedShape(schema), await actualShape(t.url))).toEqual([]);
  });

  it("notices a column added to the schema but not to the migrations", async () => {
    const edited = schema.replace(
      "  disabled     Boolean  @default(false)",
      "  disabled     Boolean  @default(false)\n  phone        String?",
    );
    expect(edited).not.toBe(schema);
    expect(compareShapes(expectedShape(edited), await actualShape(t.url))).toEqual([
      "column in schema.prisma but not in the database: users.phone text NULL",
    ]);
  });

  it("notices a column added to the database but not to the schema", async () => {
    await t.db.$executeRawUnsafe(`ALTER TABLE "units" ADD COLUMN "phone" TEXT`);
    const drift = compareShapes(expectedShape(schema), await actualShape(t.url));
    await t.db.$executeRawUnsafe(`ALTER TABLE "units" DROP COLUMN "phone"`);
    expect(drift).toEqual(["column in the database but not in schema.prisma: units.phone text NULL"]);
  });

  it("notices a changed nullability, index and enum value", async () => {
    const edited = schema
      .replace('  shortName String?  @map("short_name")', '  shortName String   @map("short_name")')
      .replace('  @@index([unitId])\n  @@map("users")', '  @@map("users")')
      .replace("  CANCELLED\n", "  CANCELLED\n  ARCHIVED\n");
    const drift = compareShapes(expectedShape(edited), await actualShape(t.url));
    expect(drift).toContain("column in schema.prisma but not in the database: units.short_name text NOT NULL");
    expect(drift).toContain("index in the database but not in schema.prisma: users index (unit_id)");
    expect(drift.some((d) => d.startsWith("enum in schema.prisma but not in the database: item_status("))).toBe(true);
  });
});
