// Compares what schema.prisma describes (Prisma's DMMF) with what the migrated database has
// (information_schema / pg_catalog): tables, columns, types, nullability, defaults, enums, indexes and
// foreign keys. Returns the differences as readable lines; an empty list means no drift.
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";

type Dmmf = {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: {
      model: string;
      type: "id" | "unique" | "normal" | "fulltext";
      dbName?: string;
      fields: { name: string; sortOrder?: "asc" | "desc" }[];
    }[];
  };
};
type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
};
type DmmfModel = { name: string; dbName?: string | null; fields: DmmfField[] };

export interface DbShape {
  columns: { table: string; column: string; type: string; nullable: boolean; hasDefault: boolean }[];
  enums: Map<string, string[]>;
  indexes: string[];
  foreignKeys: string[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Json: "jsonb",
  Float: "double precision",
  Decimal: "numeric",
  Bytes: "bytea",
};

function columnType(field: DmmfField, enumDbName: (name: string) => string): string {
  let base: string;
  if (field.kind === "enum") base = enumDbName(field.type);
  else if (field.type === "DateTime") {
    const native = field.nativeType?.[0];
    base =
      native === "Date"
        ? "date"
        : native === "Timestamptz"
          ? "timestamp with time zone"
          : "timestamp without time zone";
  } else if (field.type === "String" && field.nativeType?.[0] === "Uuid") base = "uuid";
  else base = SCALAR_TYPES[field.type] ?? `unknown:${field.type}`;
  return field.isList ? `${base}[]` : base;
}

export function expectedShape(schema: string): Omit<DbShape, "enums"> & { enums: Map<string, string[]> } {
  const result = getDMMF({ datamodel: schema }) as unknown as Dmmf | { reason: string };
  if (!("datamodel" in result)) throw new Error(`schema.prisma does not parse: ${result.reason}`);
  const { models, enums, indexes } = result.datamodel;
  const enumDbName = (name: string) => enums.find((e) => e.name === name)?.dbName ?? name;
  const tableOf = (model: string) => {
    const m = models.find((x) => x.name === model)!;
    return m.dbName ?? m.name;
  };
  const columnOf = (model: string, field: string) => {
    const f = models.find((x) => x.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };

  const columns = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind !== "object")
      .map((f) => ({
        table: m.dbName ?? m.name,
        column: f.dbName ?? f.name,
        type: columnType(f, enumDbName),
        // Prisma creates scalar lists without NOT NULL.
        nullable: f.isList || !f.isRequired,
        hasDefault: f.hasDefaultValue && !f.isUpdatedAt,
      })),
  );
  const indexLines = indexes.map((ix) => {
    const kind = ix.type === "id" ? "primary" : ix.type === "unique" ? "unique" : "index";
    const cols = ix.fields.map((f) => `${columnOf(ix.model, f.name)}${f.sortOrder === "desc" ? " DESC" : ""}`);
    return `${tableOf(ix.model)} ${kind} (${cols.join(", ")})`;
  });
  const foreignKeys = models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === "object" && f.relationFromFields?.length)
      .map((f) => {
        const from = f.relationFromFields!.map((c) => columnOf(m.name, c));
        const to = f.relationToFields!.map((c) => columnOf(f.type, c));
        return `${m.dbName ?? m.name}(${from.join(", ")}) -> ${tableOf(f.type)}(${to.join(", ")})`;
      }),
  );
  return {
    columns,
    enums: new Map(enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)])),
    indexes: indexLines,
    foreignKeys,
  };
}

export async function actualShape(url: string): Promise<DbShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const enumRows = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const idx = await client.query<{ table_name: string; primary: boolean; unique: boolean; cols: string[] }>(
      `SELECT t.relname AS table_name, ix.indisprimary AS primary, ix.indisunique AS unique,
              array(SELECT a.attname || CASE WHEN (ix.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                      FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     -- key columns only: INCLUDE columns cannot be written in schema.prisma
                     WHERE k.ord <= ix.indnkeyatts
                     ORDER BY k.ord)::text[] AS cols
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const fks = await client.query<{ line: string }>(
      `SELECT c.conrelid::regclass::text || '(' ||
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ') -> ' ||
              c.confrelid::regclass::text || '(' ||
              (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) || ')' AS line
         FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    return {
      columns: cols.rows.map((c) => ({
        table: c.table_name,
        column: c.column_name,
        type:
          c.data_type === "USER-DEFINED"
            ? c.udt_name
            : c.data_type === "ARRAY"
              ? `${c.udt_name === "_text" ? "text" : c.udt_name.slice(1)}[]`
              : c.data_type,
        nullable: c.is_nullable === "YES",
        hasDefault: c.column_default !== null,
      })),
      enums: new Map(enumRows.rows.map((e) => [e.typname, e.labels])),
      indexes: idx.rows.map(
        (i) => `${i.table_name} ${i.primary ? "primary" : i.unique ? "unique" : "index"} (${i.cols.join(", ")})`,
      ),
      foreignKeys: fks.rows.map((f) => f.line.replaceAll('"', "")),
    };
  } finally {
    await client.end();
  }
}

function setDiff(label: string, expected: string[], actual: string[]): string[] {
  const a = new Set(actual);
  const e = new Set(expected);
  return [
    ...expected.filter((x) => !a.has(x)).map((x) => `${label} in schema.prisma but not in the database: ${x}`),
    ...actual.filter((x) => !e.has(x)).map((x) => `${label} in the database but not in schema.prisma: ${x}`),
  ];
}

export function compareShapes(expected: DbShape, actual: DbShape): string[] {
  const describe = (c: DbShape["columns"][number]) =>
    `${c.table}.${c.column} ${c.type}${c.nullable ? " NULL" : " NOT NULL"}${c.hasDefault ? " DEFAULT" : ""}`;
  const enumLines = (m: Map<string, string[]>) => [...m].map(([k, v]) => `${k}(${v.join(", ")})`);
  return [
    ...setDiff("column", expected.columns.map(describe), actual.columns.map(describe)),
    ...setDiff("enum", enumLines(expected.enums), enumLines(actual.enums)),
    ...setDiff("index", expected.indexes, actual.indexes),
    ...setDiff("foreign key", expected.foreignKeys, actual.foreignKeys),
  ];
}
