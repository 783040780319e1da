// Hostile and malformed input to every server action (issue 7, part 4), called directly as a forged request
// would reach it, signed in as an editor of the item's unit and as an administrator. fast-check builds each
// form from the action's legitimate one (tests/support/action-cases) with 1–3 fields made bad — wrong shape,
// out of range, far-away dates, huge/negative/NaN numbers, SQL, 100k-character text, files where text belongs,
// unknown ids, other units' items, stale versions, repeated fields — and script/SQL in the others; then it
// calls with arguments that are not a form at all. Every answer must be a clear refusal (catalogue keys, never
// "unavailable", never a throw) and the database must not change: a cheap fingerprint after every input, a
// full checksum of every table around each property. The legitimate form is accepted at the end, which shows
// the refusals came from the bad fields. Actions found in lib/actions without a case or rule fail the test.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../setup/test-db";
import { outsideUnit } from "../support/unit-scope";
import { actionContext, findActionTarget } from "../support/action-cases/context";
import { signIn } from "../support/session";
import { describeForm, hostileForms, ruleFor, toFormData, type BadContext } from "../support/hostile/action-fields";
import { unclearRefusal } from "../support/hostile/clear-failure";
import { checksum, quickFingerprint } from "../support/hostile/db-checksum";
import { enumerateActions, loadActionCases } from "../support/server-actions";
import { hostileText } from "../support/hostile/values";

/** Reachable signed out; their bad input is sent over HTTP in e2e/hostile-input.spec.ts (they need a request). */
const PUBLIC_ACTIONS = new Set(["signInWithPassword", "signInWithSso", "signOutAction"]);
/** Generated forms per action and role, and calls with arguments that are not a form. */
const FORM_RUNS = 110;
const NON_FORM_RUNS = 50;

const actions = await enumerateActions();
const cases = await loadActionCases();
const covered = [...actions.keys()].filter((n) => !PUBLIC_ACTIONS.has(n)).sort();

type Account = { id: number; sessionVersion: number };
let t: TestDatabase;
let editor: Account;
let admin: Account;
let item: { id: number; code: string; leadUnitId: number };
let foreignItems: { id: number; version: number }[];
const counts = { forms: 0, nonForms: 0, byAction: new Map<string, number>() };

const context = () => actionContext(t.db, item, "hostile milestone");

/** Calls the action; a throw becomes a problem (forms must get an answer, and over HTTP a throw is a 500). */
async function answer(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  try {
    return await fn(...args);
  } catch (error) {
    return { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

beforeAll(async () => {
  t = await createTestDatabase({ sample: true });
  process.env.DATABASE_URL = t.url;
  const target = await findActionTarget(t.db);
  item = { id: target.id, code: target.code, leadUnitId: target.leadUnitId! };
  const ed = await t.db.user.findFirstOrThrow({ where: { role: "EDITOR", disabled: false, unitId: item.leadUnitId } });
  const ad = await t.db.user.findFirstOrThrow({ where: { role: "ADMIN", disabled: false } });
  editor = { id: ed.id, sessionVersion: ed.sessionVersion };
  admin = { id: ad.id, sessionVersion: ad.sessionVersion };
  // Items the editor's unit has no part in (neither lead, co-lead nor supporting).
  foreignItems = await t.db.item.findMany({
    where: outsideUnit(ed.unitId!),
    select: { id: true, version: true },
    take: 20,
  });
  expect(foreignItems.length).toBeGreaterThan(0);
});

afterAll(async () => {
  console.log(
    `hostile actions: ${counts.forms + counts.nonForms} bad inputs (${counts.forms} forms, ${counts.nonForms} non-form arguments) over ${counts.byAction.size} actions: ` +
      [...counts.byAction].map(([n, c]) => `${n} ${c}`).join(", "),
  );
  await t?.drop();
});

describe("hostile input to server actions", () => {
  it("covers every server action found in lib/actions, with a rule for every field its form sends", async () => {
    expect(covered.length).toBeGreaterThan(10);
    for (const name of PUBLIC_ACTIONS) expect(actions.has(name), name).toBe(true);
    expect(
      covered.filter((n) => !cases.has(n)),
      "actions without a case in tests/support/action-cases",
    ).toEqual([]);
  });

  it("stores script, markup, SQL and odd characters typed into text fields exactly as typed, or refuses them clearly", async () => {
    signIn(editor);
    const actionsOf = (await import("../../lib/actions/items")) as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    const milestoneActions = (await import("../../lib/actions/milestones")) as Record<
      string,
      (...a: unknown[]) => Promise<unknown>
    >;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, hostileText, async (a, b, c) => {
        runs++;
        const note = `x${a}`.slice(0, 2000);
        const { version } = await t.db.item.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
        const form = new FormData();
        for (const [k, v] of Object.entries({
          itemId: String(item.id),
          expectedVersion: String(version),
          status: "IN_PROGRESS",
          progress: "40",
          confidence: "AMBER",
          note,
          nextSteps: b,
          blockers: c,
        }))
          form.set(k, v);
        const posted = (await answer(actionsOf.postProgressUpdate!, [null, form])) as { ok?: boolean };
        const milestone = new FormData();
        milestone.set("itemId", String(item.id));
        milestone.set("title", `m${b}`.slice(0, 200));
        milestone.set("plannedDate", "2030-01-01");
        const added = (await answer(milestoneActions.addMilestone!, [null, milestone])) as { ok?: boolean };
        for (const [label, result] of [
          ["progress update", posted],
          ["milestone", added],
        ] as const) {
          if (result.ok === true) continue;
          const problems = unclearRefusal(result);
          if (problems.length > 0) throw new Error(`${label} with hostile text: ${problems.join("; ")}`);
        }
        if (posted.ok) {
          // FormData turns lone surrogates into U+FFFD (as a browser does) and the form reader drops U+0000 (PostgreSQL
          // text cannot hold it); everything else is kept character for character.
          const usv = (s: string) => s.toWellFormed().replaceAll("\u0000", "").trim();
          const stored = await t.db.progressUpdate.findFirstOrThrow({
            where: { itemId: item.id },
            orderBy: { id: "desc" },
            select: { note: true, nextSteps: true, blockers: true },
          });
          expect(stored).toEqual({ note: usv(note), nextSteps: usv(b) || null, blockers: usv(c) || null });
        }
      }),
      { numRuns: 40 },
    );
    counts.forms += runs * 2;
  });

  for (const name of covered) {
    it(`${name}: every bad form and non-form argument is refused clearly and writes nothing`, async () => {
      const action = actions.get(name)!;
      const c = cases.get(name)!;
      const ctx = await context();
      const args = await c.buildArgs(ctx);
      const legit = args[1];
      expect(legit, `${name}'s case passes a FormData as the second argument`).toBeInstanceOf(FormData);
      const legitForm = legit as FormData;
      const unruled = [...new Set(legitForm.keys())].filter((k) => !ruleFor(name, k));
      expect(
        unruled,
        `fields of ${name} without a hostile-value rule in tests/support/hostile/action-fields.ts`,
      ).toEqual([]);

      const milestones = await t.db.milestone.findMany({
        where: { itemId: { not: ctx.itemId } },
        select: { id: true },
        take: 20,
      });
      let tried = 0;
      for (const [role, account] of [
        ["editor", editor],
        ["admin", admin],
      ] as const) {
        signIn(account);
        const bad: BadContext = {
          role,
          legit: legitForm,
          foreignItems,
          foreignMilestoneIds: milestones.map((m) => m.id),
        };
        const full = await checksum(t.db);
        const quick = await quickFingerprint(t.db);
        await fc.assert(
          fc.asyncProperty(hostileForms(name, bad), async (form) => {
            tried++;
            counts.forms++;
            const result = await answer(action.fn, [args[0], toFormData(form)]);
            const problems = unclearRefusal(result);
            if ((await quickFingerprint(t.db)) !== quick) problems.push("the database changed");
            if (problems.length > 0)
              throw new Error(
                `${name} as ${role}, bad ${form.corrupted.join("+")}: ${problems.join("; ")}\n  form: ${describeForm(form)}`,
              );
          }),
          { numRuns: FORM_RUNS },
        );
        // Not a form at all: what a hand-made request decodes to (strings, numbers, objects, arrays, nothing).
        const notAForm = fc.oneof(
          fc.constantFrom(undefined, null, "", 0, -1, 1e309, true, [], {}, new Map(), new URLSearchParams("itemId=1")),
          hostileText,
          fc.anything(),
        );
        await fc.assert(
          fc.asyncProperty(fc.anything(), notAForm, fc.boolean(), async (prev, arg, only) => {
            tried++;
            counts.nonForms++;
            const result = await answer(action.fn, only ? [prev] : [prev, arg]);
            const problems = unclearRefusal(result);
            if ((await quickFingerprint(t.db)) !== quick) problems.push("the database changed");
            if (problems.length > 0)
              throw new Error(
                `${name} as ${role} called with ${only ? "one argument" : "a non-form second argument"}: ${problems.join("; ")}`,
              );
          }),
          { numRuns: NON_FORM_RUNS },
        );
        expect(await checksum(t.db), `${name} as ${role}: some table changed`).toEqual(full);
      }
      counts.byAction.set(name, tried);

      // The untouched form is accepted: the refusals above were the bad fields' doing, not a broken base form.
      signIn(admin);
      const accepted = (await answer(action.fn, args)) as { ok?: boolean };
      expect(accepted, `${name}'s legitimate form as admin`).toMatchObject({ ok: true });
    }, 240_000);
  }
});
