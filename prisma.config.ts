import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection here, not from schema.prisma. `?? ""` keeps `prisma generate` working in a
// fresh checkout without DATABASE_URL (env() would throw).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
