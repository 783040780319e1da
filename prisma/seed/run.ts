// Loads the document (always) and the sample dataset (by default, into an empty database only).
// Idempotent: the document part first brings a database seeded before the document's corrections up to them
// (once: revise.ts), then inserts only what is missing, and the sample part runs once, recorded in the
// `datasets` table. Everything runs in one transaction, so a failed seed leaves nothing behind.
import { createHash } from "node:crypto";
import type { Db } from "../../lib/prisma-client";
import type { Prisma } from "../../lib/generated/prisma/client";
import { createItem } from "../../lib/writes/item-change";
import { hashPassword } from "../../lib/password";
import * as doc from "./document/index";
import { reviseDocument } from "./revise";
import { loadSampleData, type SampleSummary } from "./sample/index";
import { sampleStartFor } from "./sample/periods";
import { now as clockNow } from "../../lib/clock";

type Tx = Prisma.TransactionClient;

export interface SeedOptions {
  sample: boolean;
  now?: Date;
  /** closed monthly periods in the sample's year (default 12; SAMPLE_MONTHS of npm start) */
  sampleMonths?: number;
  log?: (line: string) => void;
}

export interface SeedReport {
  documentItemsAdded: number;
  /** rows of a database seeded before the document's corrections that were corrected now (revise.ts) */
  documentRowsRevised: number;
  sampleLoaded: boolean;
  sample?: SampleSummary;
  /** why sample data was requested but not loaded */
  sampleSkipped?: string;
}

export const DOCUMENT_CHECKSUM = createHash("sha256")
  .update(JSON.stringify([doc.pillars, doc.goals, doc.conferences, doc.regions, doc.units, doc.pillarItems]))
  .digest("hex");

/**
 * The sample year ends now and starts on the first day (China) of the month 13 months back: a month to assign
 * the items, then twelve closed monthly periods and the current one, so a 12-month trend is always filled.
 * (`months`: fewer closed periods — a shorter, cheaper sample for tests of starting and stopping.)
 */
export function sampleStart(now: Date, months?: number): Date {
  return sampleStartFor(now, months);
}

async function loadReferenceData(tx: Tx): Promise<void> {
  await tx.pillar.createMany({ data: doc.pillars, skipDuplicates: true });
  await tx.goal.createMany({ data: doc.goals, skipDuplicates: true });
  await tx.conference.createMany({
    data: doc.conferences.map((c) => ({ ...c, date: new Date(`${c.date}T00:00:00Z`) })),
    skipDuplicates: true,
  });
  await tx.region.createMany({ data: doc.regions, skipDuplicates: true });
  await tx.unit.createMany({ data: doc.units, skipDuplicates: true });
}

async function loadItems(tx: Tx, at: Date): Promise<number> {
  const [pillars, regions, existing] = await Promise.all([
    tx.pillar.findMany({ select: { id: true, number: true } }),
    tx.region.findMany({ select: { id: true, name: true } }),
    tx.item.findMany({ select: { id: true, code: true } }),
  ]);
  const pillarId = new Map(pillars.map((p) => [p.number, p.id]));
  const regionId = new Map(regions.map((r) => [r.name, r.id]));
  const itemId = new Map(existing.map((i) => [i.code, i.id]));
  const regionIds = (names: string[] = []) =>
    names.map((n) => {
      const id = regionId.get(n);
      if (id === undefined) throw new Error(`seed: unknown region ${n}`);
      return id;
    });
  const ctx = { actorId: null, at };
  let added = 0;
  for (const p of doc.pillarItems) {
    const pid = pillarId.get(p.pillar)!;
    for (const [ri, rec] of p.recommendations.entries()) {
      const recCode = `${p.pillar}.${ri + 1}`;
      let recId = itemId.get(recCode);
      if (recId === undefined) {
        recId = await createItem(
          tx,
          {
            code: recCode,
            pillarId: pid,
            level: "RECOMMENDATION",
            sortOrder: ri + 1,
            title: rec.title,
            titleEn: rec.titleEn,
            sourceExcerpt: rec.sourceExcerpt,
          },
          { regionIds: regionIds(rec.regions) },
          ctx,
        );
        added++;
      }
      for (const [ai, action] of rec.actions.entries()) {
        const code = `${recCode}.${ai + 1}`;
        if (itemId.has(code)) continue;
        await createItem(
          tx,
          {
            code,
            parentId: recId,
            pillarId: pid,
            level: "ACTION",
            sortOrder: ai + 1,
            title: action.title,
            titleEn: action.titleEn,
            sourceExcerpt: action.sourceExcerpt,
          },
          { regionIds: regionIds(action.regions) },
          ctx,
        );
        added++;
      }
    }
  }
  return added;
}

export async function seed(db: Db, options: SeedOptions): Promise<SeedReport> {
  const now = options.now ?? clockNow();
  const log = options.log ?? (() => undefined);
  return db.$transaction(
    async (tx) => {
      // Serialise concurrent seeders (two app instances starting at once).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
      const datasets = new Map((await tx.dataset.findMany()).map((d) => [d.key, d]));
      const fresh = (await tx.item.count()) === 0;
      const withSample = options.sample && fresh && !datasets.has("sample");
      const at = withSample ? sampleStart(now, options.sampleMonths) : now;

      // Before the insertion of what is missing, which matches goals by number and units by name.
      const documentRowsRevised = await reviseDocument(tx, { seeded: datasets.has("document"), at: now });
      if (documentRowsRevised > 0) log(`document: ${documentRowsRevised} rows corrected from the source`);
      await loadReferenceData(tx);
      const documentItemsAdded = await loadItems(tx, at);
      await tx.dataset.upsert({
        where: { key: "document" },
        create: { key: "document", checksum: DOCUMENT_CHECKSUM },
        update: { checksum: DOCUMENT_CHECKSUM },
      });
      if (documentItemsAdded > 0) log(`document: ${documentItemsAdded} items added`);

      const report: SeedReport = { documentItemsAdded, documentRowsRevised, sampleLoaded: false };
      if (withSample) {
        // Recorded first: the sample periods' 情况通报, frozen as they close, say that they are sample data.
        // Dated at the sample's `now`: what its year leads up to (tests read the sample's "today" from it).
        await tx.dataset.create({ data: { key: "sample", checksum: DOCUMENT_CHECKSUM, loadedAt: now } });
        report.sample = await loadSampleData(tx, { now, start: at, hashPassword });
        report.sampleLoaded = true;
        log(`sample data (示例数据) loaded: ${JSON.stringify(report.sample)}`);
      } else if (options.sample && !datasets.has("sample")) {
        report.sampleSkipped =
          "the database already holds items without sample data; sample data loads only into an empty database";
      }
      return report;
    },
    // The sample year and its chase: 562–615 s measured on a loaded 2-core machine (bench/SEED.md); a first start
    // on such a machine must not roll it all back at the limit.
    { timeout: 1_800_000, maxWait: 60_000 },
  );
}
