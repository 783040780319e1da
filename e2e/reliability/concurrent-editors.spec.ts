// Issue 7, item 1: 50 editors at once, over HTTP (sign-in through Auth.js, the real server actions), posting
// progress updates and edits to the same few items for a bounded time, each with the version it last saw.
// Afterwards PostgreSQL must agree with what every client was told: each accepted write is in item_history
// exactly once (and its progress update row once), nothing is there that nobody was told was accepted, every
// item's final state is its last accepted write, every refusal was a conflict or a validation answer, no 5xx.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLE_PASSWORD } from "../auth";
import { expect, test } from "../fixtures";
import { formOf, HttpSession } from "../../tests/support/http-client";
import { createOwnDatabase, startApp, stopApp, untilServing, type AppInstance, type OwnDatabase } from "./app-instance";

const PORT = 39420;
const EDITORS = 50;
const UNITS = 4;
const ITEMS_PER_UNIT = 4;
// The burst lasts at least MIN_RUN_MS, and on a slow (loaded) machine goes on until it has seen enough of each
// answer to prove something about it (the thresholds at the end), up to MAX_RUN_MS.
const MIN_RUN_MS = 45_000;
const MAX_RUN_MS = 150_000;
const ENOUGH = { accepted: 50, conflict: 50, invalid: 10 };
const MAX_OPS_PER_EDITOR = 200;
const STATUSES = ["IN_PROGRESS", "ON_HOLD", "COMPLETED", "NOT_STARTED"] as const;
const CONFIDENCES = ["GREEN", "AMBER", "RED"] as const;

interface TargetItem {
  id: number;
  code: string;
  version: number;
  status: string;
  progress: number | null;
  confidence: string | null;
  weight: number;
  responsible_person: string | null;
  start_date: string | null;
  due_date: string | null;
  region_ids: number[];
  conference_ids: number[];
  unit_ids: number[];
}

type Kind = "update" | "edit" | "bad-update" | "bad-edit";
type Outcome = "accepted" | "conflict" | "invalid" | "other";

interface Answer {
  editor: string;
  kind: Kind;
  itemId: number;
  expectedVersion: number;
  outcome: Outcome;
  /** the version the app said it wrote (accepted only) */
  version?: number;
  /** what was sent, to compare with what the database holds */
  sent: {
    status?: string;
    progress?: number;
    confidence?: string;
    note?: string;
    weight?: number;
    responsiblePerson?: string;
  };
  detail?: string;
}

/** A small deterministic generator per editor, so a failing run can be reasoned about. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a progress update does to progress (the domain rule: completed is 100 %, not started is 0 %). */
function impliedProgress(status: string, progress: number): number {
  return status === "COMPLETED" ? 100 : status === "NOT_STARTED" ? 0 : progress;
}

let app: AppInstance | undefined;
let database: OwnDatabase | undefined;

test.afterEach(async () => {
  if (app) await stopApp(app);
  if (database) await database.drop();
  app = undefined;
  database = undefined;
});

test("50 concurrent editors: every accepted write recorded once, refusals are conflicts or validation errors, no 5xx", async () => {
  test.setTimeout(420_000);
  database = await createOwnDatabase("rel_editors");
  const db = database;
  app = startApp(PORT, db.url, true);
  await untilServing(app);
  // The subject is concurrent writes, not review: with the reporting cycle's review turned off (the sample data
  // has it on) every accepted update reaches its item at once, as this spec checks.
  await db.query("UPDATE cycle_settings SET review_required = false");
  const base = app.url;

  // The units leading the most live action items; several items of each, with all the units of their scope.
  const units = await db.query<{ id: number }>(
    `
    SELECT lead_unit_id AS id FROM items WHERE level = 'ACTION' AND retired_at IS NULL AND lead_unit_id IS NOT NULL
    GROUP BY lead_unit_id ORDER BY count(*) DESC, lead_unit_id LIMIT $1`,
    [UNITS],
  );
  expect(units).toHaveLength(UNITS);
  const items = await db.query<TargetItem>(
    `
    WITH picked AS (
      SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY lead_unit_id ORDER BY id) AS n
                        FROM items WHERE level = 'ACTION' AND retired_at IS NULL AND lead_unit_id = ANY($1::int[])) x
       WHERE n <= $2)
    SELECT i.id, i.code, i.version, i.status::text AS status, i.progress, i.confidence::text AS confidence, i.weight,
           i.responsible_person, i.start_date::text AS start_date, i.due_date::text AS due_date,
           coalesce((SELECT array_agg(region_id ORDER BY region_id) FROM item_regions WHERE item_id = i.id), '{}') AS region_ids,
           coalesce((SELECT array_agg(conference_id ORDER BY conference_id) FROM item_conferences WHERE item_id = i.id), '{}') AS conference_ids,
           array_remove(ARRAY[i.lead_unit_id, i.co_lead_unit_id] ||
             coalesce((SELECT array_agg(unit_id) FROM item_supporting_units WHERE item_id = i.id), '{}'), NULL) AS unit_ids
      FROM items i JOIN picked p ON p.id = i.id ORDER BY i.id`,
    [units.map((u) => u.id), ITEMS_PER_UNIT],
  );
  expect(items).toHaveLength(UNITS * ITEMS_PER_UNIT);

  // 50 editor accounts spread over those units (the sample accounts' password hash, so the same password works).
  const [{ hash }] = (await db.query<{ hash: string }>(
    `SELECT password_hash AS hash FROM users WHERE role = 'EDITOR' AND NOT disabled ORDER BY id LIMIT 1`,
  )) as [{ hash: string }];
  const editors: { login: string; id: number; items: TargetItem[] }[] = [];
  for (let n = 0; n < EDITORS; n++) {
    const unitId = units[n % UNITS]!.id;
    const login = `rel.editor${String(n + 1).padStart(2, "0")}`;
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO users (login_name, display_name, password_hash, role, unit_id, updated_at) VALUES ($1, $2, $3, 'EDITOR', $4, now()) RETURNING id`,
      [login, `并发编辑 ${n + 1}`, hash, unitId],
    );
    editors.push({ login, id: row!.id, items: items.filter((i) => i.unit_ids.includes(unitId)) });
  }
  for (const e of editors) expect(e.items.length).toBeGreaterThanOrEqual(ITEMS_PER_UNIT);

  const [{ maxHistory }] = (await db.query<{ maxHistory: string }>(
    `SELECT coalesce(max(id), 0)::text AS "maxHistory" FROM item_history`,
  )) as [{ maxHistory: string }];
  const [{ maxUpdate }] = (await db.query<{ maxUpdate: number }>(
    `SELECT coalesce(max(id), 0) AS "maxUpdate" FROM progress_updates`,
  )) as [{ maxUpdate: number }];

  // Everyone signs in first (a few at a time: argon2id is deliberately slow), then all write at once.
  const sessions = new Map<string, HttpSession>();
  for (let i = 0; i < editors.length; i += 10) {
    await Promise.all(
      editors.slice(i, i + 10).map(async (e) => {
        const s = new HttpSession(base);
        await s.signIn(e.login, SAMPLE_PASSWORD);
        sessions.set(e.login, s);
      }),
    );
  }

  const answers: Answer[] = [];
  const startedAt = Date.now();
  const seen = { accepted: 0, conflict: 0, invalid: 0, other: 0 };
  const going = () => {
    const ran = Date.now() - startedAt;
    const enough = seen.accepted > ENOUGH.accepted && seen.conflict > ENOUGH.conflict && seen.invalid > ENOUGH.invalid;
    return ran < MIN_RUN_MS || (ran < MAX_RUN_MS && !enough);
  };
  await Promise.all(
    editors.map(async (e, index) => {
      const session = sessions.get(e.login)!;
      const random = rng(7919 * (index + 1));
      const versions = new Map(items.map((i) => [i.id, i.version]));
      for (let op = 0; op < MAX_OPS_PER_EDITOR && going(); op++) {
        const item = e.items[Math.floor(random() * e.items.length)]!;
        const r = random();
        const kind: Kind = r < 0.55 ? "update" : r < 0.85 ? "edit" : r < 0.93 ? "bad-update" : "bad-edit";
        const expectedVersion = versions.get(item.id)!;
        const tag = `${e.login}#${op}`;
        let sent: Answer["sent"];
        let fields: Record<string, string | number | string[] | undefined>;
        let action: "postProgressUpdate" | "updateItem";
        if (kind === "update" || kind === "bad-update") {
          action = "postProgressUpdate";
          const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
          const confidence = CONFIDENCES[Math.floor(random() * CONFIDENCES.length)]!;
          // A bad one reports progress over 100 % or has no note: the form's own validation must refuse it.
          const progress =
            kind === "bad-update" && random() < 0.5 ? 101 + Math.floor(random() * 900) : Math.floor(random() * 101);
          const note = kind === "bad-update" && progress <= 100 ? "   " : `并发进展 concurrent-note ${tag}`;
          sent = { status, progress, confidence, note };
          fields = {
            itemId: item.id,
            expectedVersion,
            status,
            progress,
            confidence,
            note,
            nextSteps: "",
            blockers: "",
            evidenceLinks: "",
          };
        } else {
          action = "updateItem";
          // A bad one has a weight out of range or starts after it is due.
          const badWeight = kind === "bad-edit" && random() < 0.5;
          const weight = badWeight ? 0 : 1 + Math.floor(random() * 100);
          const responsiblePerson = `负责人 ${tag}`;
          sent = { weight, responsiblePerson };
          const datesOutOfOrder = kind === "bad-edit" && !badWeight;
          fields = {
            itemId: item.id,
            expectedVersion,
            responsiblePerson,
            startDate: datesOutOfOrder ? "2031-06-01" : (item.start_date ?? ""),
            dueDate: datesOutOfOrder ? "2031-01-01" : (item.due_date ?? ""),
            dueDateReason: "",
            weight,
            regionIds: item.region_ids.map(String),
            conferenceIds: item.conference_ids.map(String),
          };
        }
        const path = `/items/${encodeURIComponent(item.code)}/${action === "postProgressUpdate" ? "update" : "edit"}`;
        const answer: Answer = { editor: e.login, kind, itemId: item.id, expectedVersion, outcome: "other", sent };
        try {
          const res = await session.callAction<{
            ok: boolean;
            code?: string;
            data?: { version: number };
            conflict?: { currentVersion: number };
          }>("lib/actions/items.ts", action, [null, formOf(fields)], path);
          const v = res.value;
          if (res.status !== 200 || !v) answer.detail = `HTTP ${res.status} ${(res.text ?? "").slice(0, 200)}`;
          else if (v.ok && v.data) {
            answer.outcome = "accepted";
            answer.version = v.data.version;
            versions.set(item.id, v.data.version);
          } else if (v.code === "conflict" && v.conflict) {
            answer.outcome = "conflict";
            versions.set(item.id, v.conflict.currentVersion);
          } else if (v.code === "invalid") answer.outcome = "invalid";
          else answer.detail = JSON.stringify(v).slice(0, 300);
        } catch (error) {
          answer.detail = `network: ${String(error)}`;
        }
        answers.push(answer);
        seen[answer.outcome]++;
      }
    }),
  );
  const elapsedS = (Date.now() - startedAt) / 1000;

  const accepted = answers.filter((a) => a.outcome === "accepted");
  const count = (o: Outcome) => answers.filter((a) => a.outcome === o).length;
  const http5xx = answers.filter((a) => /^HTTP 5/.test(a.detail ?? "")).length;
  const other = answers.filter((a) => a.outcome === "other");

  // --- PostgreSQL against what the clients were told ---
  const history = await db.query<{
    item_id: number;
    version: number;
    action: string;
    actor_id: number | null;
    status: string;
    progress: number | null;
    confidence: string | null;
    weight: number;
    last_update_at: Date | null;
    snapshot: {
      responsiblePerson: string | null;
      status: string;
      progress: number | null;
      confidence: string | null;
      weight: number;
    };
  }>(
    `SELECT item_id, version, action::text AS action, actor_id, status::text AS status, progress, confidence::text AS confidence, weight, last_update_at, snapshot
       FROM item_history WHERE id > $1::bigint ORDER BY item_id, version`,
    [maxHistory],
  );
  const updates = await db.query<{
    item_id: number;
    author_id: number;
    note: string;
    status: string;
    progress: number;
    confidence: string;
    created_at: Date;
  }>(
    `SELECT item_id, author_id, note, status::text AS status, progress, confidence::text AS confidence, created_at FROM progress_updates WHERE id > $1`,
    [maxUpdate],
  );
  const key = (itemId: number, version: number) => `${itemId}:${version}`;
  const historyByKey = new Map<string, (typeof history)[number][]>();
  for (const h of history)
    historyByKey.set(key(h.item_id, h.version), [...(historyByKey.get(key(h.item_id, h.version)) ?? []), h]);
  const editorId = new Map(editors.map((e) => [e.login, e.id]));

  const lost: string[] = [];
  const mismatched: string[] = [];
  const toldTwice = new Map<string, number>();
  for (const a of accepted) {
    const k = key(a.itemId, a.version!);
    toldTwice.set(k, (toldTwice.get(k) ?? 0) + 1);
    const rows = historyByKey.get(k) ?? [];
    if (rows.length !== 1) {
      lost.push(`${a.editor} ${a.kind} item ${a.itemId} v${a.version}: ${rows.length} history rows`);
      continue;
    }
    const h = rows[0]!;
    const problems: string[] = [];
    if (h.actor_id !== editorId.get(a.editor)) problems.push(`actor ${h.actor_id}`);
    if (a.kind === "update") {
      const progress = impliedProgress(a.sent.status!, a.sent.progress!);
      if (
        h.action !== "PROGRESS_UPDATE" ||
        h.status !== a.sent.status ||
        h.progress !== progress ||
        h.confidence !== a.sent.confidence
      )
        problems.push(`history ${h.action} ${h.status} ${h.progress} ${h.confidence}`);
      const rowsForNote = updates.filter((u) => u.note === a.sent.note);
      const u = rowsForNote[0];
      if (rowsForNote.length !== 1 || !u) problems.push(`${rowsForNote.length} progress_updates rows`);
      else if (
        u.item_id !== a.itemId ||
        u.author_id !== editorId.get(a.editor) ||
        u.status !== a.sent.status ||
        u.progress !== progress ||
        u.confidence !== a.sent.confidence ||
        u.created_at.getTime() !== h.last_update_at?.getTime()
      )
        problems.push(`progress_updates row ${JSON.stringify(u)}`);
    } else if (
      h.action !== "UPDATE" ||
      h.weight !== a.sent.weight ||
      h.snapshot.responsiblePerson !== a.sent.responsiblePerson
    ) {
      problems.push(`history ${h.action} weight ${h.weight} person ${h.snapshot.responsiblePerson}`);
    }
    if (problems.length)
      mismatched.push(`${a.editor} ${a.kind} item ${a.itemId} v${a.version}: ${problems.join("; ")}`);
  }
  const duplicates = [...toldTwice].filter(([, n]) => n > 1).map(([k]) => k);
  const acceptedKeys = new Set(accepted.map((a) => key(a.itemId, a.version!)));
  const phantomHistory = history
    .filter((h) => !acceptedKeys.has(key(h.item_id, h.version)))
    .map((h) => key(h.item_id, h.version));
  const acceptedNotes = new Set(accepted.filter((a) => a.kind === "update").map((a) => a.sent.note));
  const phantomUpdates = updates.filter((u) => !acceptedNotes.has(u.note)).map((u) => u.note);
  const wrongRefusals = answers.filter(
    (a) =>
      (a.kind.startsWith("bad-") && a.outcome !== "invalid") || (!a.kind.startsWith("bad-") && a.outcome === "invalid"),
  );

  // Each item's final state: its last accepted write, replayed over its state before the run.
  const finals = await db.query<
    Pick<TargetItem, "id" | "version" | "status" | "progress" | "confidence" | "weight" | "responsible_person"> & {
      latest_version: number;
      latest: {
        status: string;
        progress: number | null;
        confidence: string | null;
        weight: number;
        responsiblePerson: string | null;
      };
    }
  >(
    `
    SELECT i.id, i.version, i.status::text AS status, i.progress, i.confidence::text AS confidence, i.weight, i.responsible_person,
           h.version AS latest_version, h.snapshot AS latest
      FROM items i JOIN LATERAL (SELECT version, snapshot FROM item_history WHERE item_id = i.id ORDER BY version DESC LIMIT 1) h ON true
     WHERE i.id = ANY($1::int[])`,
    [items.map((i) => i.id)],
  );
  const finalProblems: string[] = [];
  for (const item of items) {
    const mine = accepted.filter((a) => a.itemId === item.id).sort((x, y) => x.version! - y.version!);
    // The versions handed out for one item are consecutive from where it stood: none skipped, none reused.
    const expectedVersions = mine.map((_, n) => item.version + n + 1);
    if (JSON.stringify(mine.map((a) => a.version)) !== JSON.stringify(expectedVersions))
      finalProblems.push(`item ${item.id} versions ${mine.map((a) => a.version).join(",")} from v${item.version}`);
    const expected = {
      version: item.version + mine.length,
      status: item.status,
      progress: item.progress,
      confidence: item.confidence,
      weight: item.weight,
      responsiblePerson: item.responsible_person,
    };
    for (const a of mine) {
      if (a.kind === "update")
        Object.assign(expected, {
          status: a.sent.status,
          progress: impliedProgress(a.sent.status!, a.sent.progress!),
          confidence: a.sent.confidence,
        });
      else Object.assign(expected, { weight: a.sent.weight, responsiblePerson: a.sent.responsiblePerson });
    }
    const f = finals.find((x) => x.id === item.id)!;
    const actual = {
      version: f.version,
      status: f.status,
      progress: f.progress,
      confidence: f.confidence,
      weight: f.weight,
      responsiblePerson: f.responsible_person,
    };
    const latest = {
      version: f.latest_version,
      status: f.latest.status,
      progress: f.latest.progress,
      confidence: f.latest.confidence,
      weight: f.latest.weight,
      responsiblePerson: f.latest.responsiblePerson,
    };
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      finalProblems.push(
        `item ${item.id}: items row ${JSON.stringify(actual)} ≠ last accepted ${JSON.stringify(expected)}`,
      );
    if (JSON.stringify(latest) !== JSON.stringify(expected))
      finalProblems.push(
        `item ${item.id}: latest history ${JSON.stringify(latest)} ≠ last accepted ${JSON.stringify(expected)}`,
      );
  }

  const summary =
    `concurrent-editors: editors=${EDITORS} items=${items.length} seconds=${elapsedS.toFixed(1)} writes=${answers.length} ` +
    `accepted=${accepted.length} conflict=${count("conflict")} invalid=${count("invalid")} other=${other.length} ` +
    `lost=${lost.length} phantom=${phantomHistory.length + phantomUpdates.length} http500=${http5xx}`;
  console.log(summary);
  mkdirSync(join(import.meta.dirname, "..", "..", "test-results"), { recursive: true });
  writeFileSync(join(import.meta.dirname, "..", "..", "test-results", "concurrent-editors.txt"), `${summary}\n`);

  expect(
    other.map((a) => `${a.editor} ${a.kind} item ${a.itemId}: ${a.detail}`),
    "answers other than accepted / conflict / invalid",
  ).toEqual([]);
  expect(http5xx).toBe(0);
  expect(lost, "accepted writes missing from item_history (or there twice)").toEqual([]);
  expect(duplicates, "one version told to two clients as theirs").toEqual([]);
  expect(mismatched, "history rows that differ from what was accepted").toEqual([]);
  expect(phantomHistory, "history rows nobody was told were accepted").toEqual([]);
  expect(phantomUpdates, "progress updates nobody was told were accepted").toEqual([]);
  expect(
    wrongRefusals.map((a) => `${a.kind} → ${a.outcome}`),
    "deliberately invalid writes must be refused as invalid, valid ones never",
  ).toEqual([]);
  expect(finalProblems).toEqual([]);
  // The run must really have exercised all three answers, or it proves nothing about them.
  expect(accepted.length).toBeGreaterThan(ENOUGH.accepted);
  expect(count("conflict")).toBeGreaterThan(ENOUGH.conflict);
  expect(count("invalid")).toBeGreaterThan(ENOUGH.invalid);
});
