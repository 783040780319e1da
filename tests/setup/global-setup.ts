// Starts (or borrows) one PostgreSQL server for the integration run and builds a migrated template database;
// each test file clones the template into a database of its own (tests/setup/test-db.ts).
import type { TestProject } from "vitest/node";
import { acquireTestCluster, adminQuery, databaseUrl } from "../../scripts/db/test-cluster";
import { migrate } from "../../scripts/db/migrate";
import { sampleTemplateName, sampleTemplateOwned } from "./template-names";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await acquireTestCluster();
  const templateDb = `tpl_${process.pid}_${Date.now()}`;
  await adminQuery(cluster.adminUrl, `CREATE DATABASE "${templateDb}"`);
  await migrate(databaseUrl(cluster.adminUrl, templateDb));
  project.provide("adminUrl", cluster.adminUrl);
  project.provide("templateDb", templateDb);
  return async () => {
    if (sampleTemplateOwned())
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS "${sampleTemplateName(templateDb)}" WITH (FORCE)`);
    await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`);
    await cluster.stop();
  };
}
