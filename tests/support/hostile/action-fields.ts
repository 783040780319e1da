// What a bad value is for each field a server action's form sends (tests/integration/hostile-actions.test.ts).
// Every value produced under `bad` is wrong for that field whatever the other fields hold — wrong shape, out of
// range, unknown or foreign id, stale version — so a form carrying one must be refused and write nothing.
// `noise` are hostile values that ARE acceptable (markup, SQL, odd characters inside the length limit): they
// ride along in the other fields so refusals are tested with script everywhere. A field without a rule here
// fails the test, so a new form field gets a rule before it is trusted.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { BAD_DATES, BAD_NUMBERS, hostileText, oversize, SCRIPTS, SQL_FRAGMENTS } from "./values";

export const MISSING = Symbol("missing");
export type FieldValue = string | string[] | Blob | typeof MISSING;

export interface BadContext {
  role: "editor" | "admin";
  /** the legitimate form this action's case builds (tests/support/action-cases) */
  legit: FormData;
  /** action items outside the editor's units, with their versions */
  foreignItems: { id: number; version: number }[];
  /** milestones that belong to other items than the one in the form */
  foreignMilestoneIds: number[];
}

interface FieldRule {
  bad(ctx: BadContext): fc.Arbitrary<FieldValue>;
  noise?: fc.Arbitrary<string>;
}

/** Ids that are far above anything the sample data creates (the column is a 32-bit int). */
const unknownId = fc.integer({ min: 1_500_000_000, max: 2_147_483_647 }).map(String);
const garbage = fc.constantFrom<FieldValue>(...SCRIPTS, ...SQL_FRAGMENTS, "abc", "[]", "{}", "null", "true");
const aFile = fc.constantFrom<FieldValue>(
  new Blob(["<script>alert(1)</script>"], { type: "text/html" }),
  new File(["1"], "1.txt"),
);
/** Several values for a field that takes one (all of them bad, so whichever the action reads is bad). */
const repeated = (arb: fc.Arbitrary<FieldValue>) =>
  fc.array(
    arb.filter((v): v is string => typeof v === "string"),
    { minLength: 2, maxLength: 3 },
  );

function alsoMissing(required: boolean, arb: fc.Arbitrary<FieldValue>): fc.Arbitrary<FieldValue> {
  return required
    ? fc.oneof(
        { weight: 6, arbitrary: arb },
        { weight: 1, arbitrary: fc.constantFrom<FieldValue>(MISSING, "", "   ") },
        { weight: 1, arbitrary: aFile },
      )
    : arb;
}
const withRepeats = (arb: fc.Arbitrary<FieldValue>) =>
  fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: repeated(arb) });
/** Bad values for a field: these words, script and SQL, and the other shapes; missing too if it is required. */
const badWords = (required: boolean, words: FieldValue[], ...shapes: fc.Arbitrary<FieldValue>[]) =>
  withRepeats(
    alsoMissing(required, fc.oneof(fc.constantFrom<FieldValue>(...words, ...SCRIPTS, ...SQL_FRAGMENTS), ...shapes)),
  );

/** A positive id field: malformed numbers, SQL, unknown ids; for an editor also `foreign` ids (other units' rows). */
function idRule(required: boolean, foreign?: (ctx: BadContext) => number[]): FieldRule {
  return {
    bad: (ctx) => {
      const others = foreign?.(ctx) ?? [];
      const shapes = fc.oneof(
        fc.constantFrom<FieldValue>(
          ...BAD_NUMBERS.filter((n) => n.trim() !== "" && n !== "0x10" && n !== "１２"),
          "0",
          "2147483648",
          "1 OR 1=1",
          "1; DROP TABLE items",
        ),
        fc.integer({ min: -2_000_000_000, max: 0 }).map(String),
        unknownId,
        garbage,
        ...(others.length > 0 ? [fc.constantFrom(...others.map(String))] : []),
      );
      return withRepeats(alsoMissing(required, shapes));
    },
  };
}

/** Another value of a counter (an item's version, a report's revision) than the form's, a malformed one, or none. */
function otherCounter(legit: number) {
  return withRepeats(
    alsoMissing(
      true,
      fc.oneof(
        fc.integer({ min: legit + 1, max: legit + 100_000 }).map(String),
        fc.integer({ min: -1000, max: legit - 1 }).map(String),
        fc.constantFrom<FieldValue>("abc", "1.5", "1e309", "NaN", "-1", "99999999999999999999", ...SQL_FRAGMENTS),
      ),
    ),
  );
}

const versionRule: FieldRule = {
  bad: (ctx) => {
    const legit = Number(ctx.legit.get("expectedVersion") ?? ctx.legit.get("version"));
    return otherCounter(legit);
  },
};

function enumRule(required: boolean): FieldRule {
  return {
    bad: () =>
      badWords(
        required,
        ["NOPE", "in_progress", "IN_PROGRESS ", " GREEN", "green", "0", "1", "toString", "__proto__", "constructor"],
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/^[A-Z_]+$/.test(s)),
      ),
  };
}

function intRule(min: number, max: number): FieldRule {
  const shapes = fc.oneof(
    fc.constantFrom<FieldValue>(String(min - 1), String(max + 1)),
    fc.integer({ min: -1_000_000, max: min - 1 }).map(String),
    fc.integer({ min: max + 1, max: 2_000_000_000 }).map(String),
    fc
      .double({ min: -1e6, max: 1e6, noNaN: true })
      .filter((d) => !Number.isInteger(d))
      .map(String),
    fc.constantFrom<FieldValue>(...BAD_NUMBERS.filter((n) => n.trim() !== ""), "abc", "50%", "5 0", ...SQL_FRAGMENTS),
  );
  return { bad: () => withRepeats(alsoMissing(true, shapes)) };
}

/** An amount of 万元 (lib/money.ts parseAmount): negative, too many decimals or digits, not a number. */
function amountRule(): FieldRule {
  const shapes = fc.oneof(
    fc.constantFrom<FieldValue>(
      "-1",
      "-0.01",
      "1.001",
      "0.123456789012345",
      "12345678901234567",
      "1e400",
      "1e5",
      "NaN",
      "Infinity",
      "1..2",
      "１２",
      "½",
      "abc",
      ...SCRIPTS,
      ...SQL_FRAGMENTS,
    ),
    fc.bigInt({ min: 10n ** 16n, max: 10n ** 30n }).map(String),
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => `-${n}`),
  );
  // No file: formFields leaves files out, so a file reads as the field left empty (no amount), which is valid
  // for these optional fields — as for the optional texts.
  return { bad: () => withRepeats(shapes) };
}

/**
 * An indicator's figure (lib/indicators.ts parseFigure), required: a fifth decimal, a fifteenth integer digit, an
 * exponent, not a number, or none. A sign is allowed (a growth rate can fall below zero), so "-1" is not bad.
 */
function figureRule(): FieldRule {
  const shapes = fc.oneof(
    fc.constantFrom<FieldValue>(
      "1.00001",
      "0.123456789012345",
      "123456789012345",
      "1e400",
      "1e5",
      "-1e5",
      "NaN",
      "Infinity",
      "1..2",
      "--1",
      "+-1",
      "1-",
      "１２",
      "½",
      "abc",
      "50%",
      ...SCRIPTS,
      ...SQL_FRAGMENTS,
    ),
    fc.bigInt({ min: 10n ** 14n, max: 10n ** 30n }).map(String),
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => `-0.${String(n).padStart(5, "0")}1`),
  );
  return { bad: () => withRepeats(alsoMissing(true, shapes)) };
}

const fitting = (max: number, required: boolean) =>
  hostileText.map((s) => (required ? `x${s}` : s).slice(0, max)).filter((s) => !required || s.trim() !== "");

function textRule(max: number, required: boolean): FieldRule {
  // Just over the limit after trimming (a leading/trailing space is not counted), or far over it.
  const tooLong = fc.oneof(
    oversize(max + 1).map((s) => `x${s}`),
    oversize(100_000),
  );
  return {
    bad: () =>
      withRepeats(
        required ? fc.oneof(tooLong, fc.constantFrom<FieldValue>(MISSING, "", "   ", "\n\t "), aFile) : tooLong,
      ),
    noise: fitting(max, required),
  };
}

function dateRule(required: boolean): FieldRule {
  const shapes = fc.oneof(
    fc.constantFrom<FieldValue>(...BAD_DATES, ...SCRIPTS, ...SQL_FRAGMENTS),
    fc.integer({ min: 2101, max: 275_000 }).map((y) => `${y}-01-01`),
    fc.integer({ min: 0, max: 1999 }).map((y) => `${String(y).padStart(4, "0")}-06-15`),
    fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 13, max: 99 })).map(([y, m]) => `${y}-${m}-01`),
  );
  return { bad: () => withRepeats(alsoMissing(required, shapes)) };
}

const urlsRule: FieldRule = {
  bad: () =>
    withRepeats(
      fc.oneof(
        fc.constantFrom<FieldValue>(
          "javascript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "ftp://x.example/a",
          "file:///etc/passwd",
          "not a url",
          "http://",
          "vbscript:msgbox(1)",
          "<script>alert(1)</script>",
        ),
        fc.constant<FieldValue>(`https://x.example/${"a".repeat(1100)}`),
        fc
          .integer({ min: 11, max: 40 })
          .map((n) => Array.from({ length: n }, (_, i) => `https://x.example/${i}`).join("\n")),
        fc.constant<FieldValue>(Array.from({ length: 2000 }, (_, i) => `https://x.example/${i}`).join("\n")),
      ),
    ),
  noise: fc.constantFrom("", "https://x.example/?q=<script>alert(1)</script>", "https://x.example/a'%20OR%201=1"),
};

/** A report's revision: another one than the form's (a conflict), or no revision at all. */
const revisionRule: FieldRule = {
  bad: (ctx) => {
    const legit = Number(ctx.legit.get("expectedRevision"));
    return otherCounter(legit);
  },
};

/** "id:revision" (or "id:version") pairs that are no pair of two positive ids. */
const MALFORMED_PAIRS = ["abc", "1:", ":1", "-1:1", "1:2:3", "12345678901:1", "1:-1", "1.5:1"];

/**
 * A batch decision's "id:revision" pairs, each batch wholly bad: malformed pairs, unknown reports, the form's
 * report at another revision, too many, or none. (A batch mixing a good pair with an unknown or stale one is
 * answered report by report and decides the good one: that is tested in tests/integration/reports.test.ts.)
 */
const reportPairsRule: FieldRule = {
  bad: (ctx) => {
    const legit = String(ctx.legit.get("reports"));
    const [id, revision] = legit.split(":").map(Number) as [number, number];
    const malformed = fc.constantFrom(...MALFORMED_PAIRS, "0:1", "1:0");
    const hopeless = fc.oneof(
      unknownId.map((u) => `${u}:1`),
      fc.integer({ min: 1, max: 1000 }).map((d) => `${id}:${revision + d}`),
    );
    return fc.oneof(
      { weight: 3, arbitrary: fc.oneof(malformed, fc.constantFrom(...SCRIPTS, ...SQL_FRAGMENTS)) },
      { weight: 2, arbitrary: hopeless },
      { weight: 2, arbitrary: fc.array(hopeless, { minLength: 2, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(malformed, { minLength: 1, maxLength: 3 }).map((bad) => [legit, ...bad]) },
      {
        weight: 1,
        arbitrary: fc.constant<FieldValue>(Array.from({ length: 101 }, (_, i) => `${id}:${revision + 1 + i}`)),
      },
      { weight: 1, arbitrary: fc.constantFrom<FieldValue>(MISSING) },
    );
  },
};

const RULES: Record<string, FieldRule> = {
  itemId: idRule(true, (ctx) => (ctx.role === "editor" ? ctx.foreignItems.map((i) => i.id) : [])),
  milestoneId: idRule(true, (ctx) => ctx.foreignMilestoneIds),
  attachmentId: idRule(true),
  userId: idRule(true),
  "updateUnit.unitId": idRule(true),
  unitId: idRule(false),
  expectedVersion: versionRule,
  version: versionRule,
  status: enumRule(true),
  confidence: enumRule(true),
  "bulkUpdateItems.status": enumRule(false),
  "bulkUpdateItems.confidence": enumRule(false),
  side: enumRule(true),
  kind: enumRule(true),
  role: enumRule(true),
  progress: intRule(0, 100),
  weight: intRule(1, 100),
  note: textRule(2000, true),
  nextSteps: textRule(2000, false),
  blockers: textRule(2000, false),
  responsiblePerson: textRule(100, false),
  dueDateReason: textRule(500, false),
  "addMilestone.title": textRule(200, true),
  "addItem.title": textRule(500, true),
  titleEn: textRule(500, false),
  description: textRule(4000, false),
  name: textRule(100, true),
  shortName: textRule(30, false),
  displayName: textRule(100, true),
  "moveItem.reason": textRule(500, false),
  reason: textRule(500, true),
  startDate: dateRule(false),
  dueDate: dateRule(false),
  plannedDate: dateRule(true),
  evidenceLinks: urlsRule,
  // reporting periods (lib/actions/periods.ts)
  periodId: idRule(true),
  // the job queue (lib/actions/jobs.ts)
  jobId: idRule(true),
  periodKind: enumRule(true),
  deadlineDay: intRule(1, 31),
  reviewRequired: {
    bad: () => withRepeats(fc.constantFrom<FieldValue>("yes", "1", "TRUE", "off", "on ", ...SCRIPTS)),
  },
  label: textRule(40, true),
  labelEn: textRule(60, true),
  opensOn: dateRule(true),
  deadline: dateRule(true),
  closesOn: dateRule(true),
  // Empty names no report (a new one): a bad report id is one that is there and wrong.
  reportId: idRule(false),
  "withdrawReport.reportId": idRule(true),
  "approveReport.reportId": idRule(true),
  "returnReport.reportId": idRule(true),
  expectedRevision: revisionRule,
  docNumber: textRule(100, false),
  comment: textRule(1000, false),
  decision: enumRule(true),
  reports: reportPairsRule,
  closesItem: {
    bad: () => withRepeats(fc.constantFrom<FieldValue>("yes", "1", "TRUE", "on", "false ", "是", ...SCRIPTS)),
  },
  // the chase (lib/actions/supervisions.ts, calendar.ts, chase.ts; the unit's 联络人)
  supervisionId: idRule(true),
  answer: textRule(2000, true),
  "updateUnit.contactUserId": idRule(false),
  day: dateRule(true),
  workday: enumRule(true),
  "addCalendarEntry.name": textRule(30, false),
  reminderWorkdays: intRule(1, 20),
  superviseWorkdays: intRule(1, 30),
  overdueDays: intRule(1, 365),
  acknowledgeWorkdays: intRule(1, 20),
  answerWorkdays: intRule(1, 60),
  escalate: {
    bad: () => withRepeats(fc.constantFrom<FieldValue>("yes", "1", "TRUE", "off", "on ", ...SCRIPTS)),
  },
  noticePrefix: {
    bad: () => badWords(true, ["川渝督1", "川渝 督", "〔", "a-b", "x".repeat(11)], oversize(100_000)),
  },
  // the 考评's weights (lib/actions/ratings.ts)
  "updateInvestment.totalInvestment": amountRule(),
  "updateInvestment.sichuanShare": amountRule(),
  "updateInvestment.chongqingShare": amountRule(),
  "updateInvestment.planned": amountRule(),
  "updateInvestment.completed": amountRule(),
  "updateInvestment.year": intRule(2000, 2100),
  // the item page's 指标 (lib/actions/indicators.ts); name is the shared textRule(100, true)
  indicatorId: idRule(true),
  "addIndicator.unit": textRule(20, true),
  "updateIndicator.unit": textRule(20, true),
  baseline: figureRule(),
  target: figureRule(),
  actual: figureRule(),
  targetYear: intRule(2000, 2100),
  direction: enumRule(true),
  observedOn: dateRule(true),
  headline: {
    bad: () =>
      withRepeats(alsoMissing(true, fc.constantFrom<FieldValue>("yes", "1", "TRUE", "on", "false ", "是", ...SCRIPTS))),
  },
  "updateRatingWeights.onTime": intRule(0, 100),
  "updateRatingWeights.firstPass": intRule(0, 100),
  "updateRatingWeights.overdue": intRule(0, 100),
  "updateRatingWeights.supervision": intRule(0, 100),
  // API tokens (lib/actions/api-tokens.ts): a token id that is not the caller's own is not found
  "createToken.name": textRule(100, true),
  "createToken.scope": enumRule(true),
  "createToken.expiresInDays": {
    bad: () =>
      withRepeats(
        fc.constantFrom<FieldValue>(MISSING, "", "0", "1", "8", "366", "400", "-7", "7.5", "abc", ...SCRIPTS),
      ),
  },
  "revokeToken.tokenId": idRule(true),
  // notifications and e-mail settings (lib/actions/notifications.ts, lib/actions/account.ts): an id that is not
  // one of the caller's notifications changes nothing
  notificationId: idRule(true),
  upTo: idRule(true),
  delivery: enumRule(true),
  // Blank is allowed (no address), so only malformed addresses are bad.
  email: {
    bad: () =>
      withRepeats(
        fc.oneof(
          fc.constantFrom<FieldValue>(
            "not an address",
            "a@b",
            "@example.gov.cn",
            "zhang@",
            "zhang san@example.gov.cn",
            "<zhang@example.gov.cn>",
            "zhang@example.gov.cn, li@example.gov.cn",
            "zhang@example.gov.cn\r\nBcc: x@evil.example",
            ...SCRIPTS,
            ...SQL_FRAGMENTS,
          ),
          fc.constant<FieldValue>(`${"a".repeat(250)}@example.gov.cn`),
          oversize(100_000),
        ),
      ),
    noise: fc.constantFrom("", "zhang.san+tracker@example.gov.cn", "李@例子.中国"),
  },
  loginName: {
    bad: () =>
      badWords(true, ["ADMIN", "admin", "Has Space", "-lead", ".dot", "中文名", "a".repeat(65)], oversize(100_000)),
    noise: fc.constantFrom("x.walk", "y-walk_2"),
  },
  // A password that differs from its confirmation (or breaks the rules) is refused before anything is hashed.
  password: {
    bad: (ctx) =>
      withRepeats(
        fc
          .oneof(hostileText, oversize(300), fc.constantFrom<FieldValue>(MISSING, "", "short1!"))
          .filter((v) => v !== ctx.legit.get("passwordConfirm")),
      ),
  },
  passwordConfirm: {
    bad: (ctx) =>
      withRepeats(
        fc
          .oneof(hostileText, oversize(300), fc.constantFrom<FieldValue>(MISSING, ""))
          .filter((v) => v !== ctx.legit.get("password")),
      ),
  },
  disabled: {
    bad: () =>
      withRepeats(alsoMissing(true, fc.constantFrom<FieldValue>("yes", "1", "TRUE", "on", "false ", ...SCRIPTS))),
  },
  parent: {
    bad: () =>
      badWords(
        true,
        ["pillar:abc", "item:-1", "item:", "item:1.5", "item:1 OR 1=1", "item:9999999999", "pillar", "item", ":1"],
        fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `item:${n}`),
        fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => `pillar:${n}`),
      ),
  },
  items: {
    bad: (ctx) => {
      const legit = String(ctx.legit.get("items"));
      const [id, version] = legit.split(":").map(Number) as [number, number];
      const pair = fc.oneof(
        fc.constantFrom(...MALFORMED_PAIRS, ...SCRIPTS, ...SQL_FRAGMENTS),
        unknownId.map((u) => `${u}:1`),
        fc.integer({ min: 1, max: 1000 }).map((d) => `${id}:${version + d}`),
        ...(ctx.role === "editor" && ctx.foreignItems.length > 0
          ? [fc.constantFrom(...ctx.foreignItems.map((i) => `${i.id}:${i.version}`))]
          : []),
      );
      return fc.oneof(
        { weight: 4, arbitrary: pair },
        { weight: 2, arbitrary: fc.array(pair, { minLength: 1, maxLength: 5 }).map((bad) => [legit, ...bad]) },
        { weight: 1, arbitrary: fc.constant<FieldValue>(Array.from({ length: 201 }, () => legit)) },
        { weight: 1, arbitrary: fc.constantFrom<FieldValue>(MISSING) },
      );
    },
  },
  file: {
    bad: () =>
      fc.oneof(
        fc.constantFrom<FieldValue>(
          MISSING,
          "a string, not a file",
          "",
          new File([], "empty.csv"),
          new Blob([]),
          new File(["<script>alert(1)</script>"], "x.csv", { type: "text/csv" }),
        ),
        fc.uint8Array({ minLength: 1, maxLength: 4000 }).map(
          (bytes) =>
            new File([bytes], "random.xlsx", {
              type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }),
        ),
        fc
          .constantFrom("x.csv", "x.xlsx", "x.exe", "")
          .chain((name) => hostileText.map((text) => new File([text], name))),
      ),
  },
  // webhooks (lib/actions/webhooks.ts). The walk's form allows private targets, so only malformed URLs are bad here;
  // the refusal of private addresses is tested in tests/integration/webhooks.test.ts.
  "registerWebhook.url": {
    bad: () =>
      badWords(
        true,
        [
          "not a url",
          "http://",
          "ftp://x.example/a",
          "file:///etc/passwd",
          "javascript:alert(1)",
          "data:text/html,<script>alert(1)</script>",
          "gopher://127.0.0.1:9/_x",
          "https://user:pass@x.example/hook",
          "//x.example/hook",
          "x.example/hook",
        ],
        oversize(2001).map((s) => `https://x.example/${s}`),
      ),
  },
  "registerWebhook.secret": {
    bad: () =>
      withRepeats(
        fc.oneof(
          fc.constantFrom<FieldValue>(
            "short",
            "x",
            "123456789012345",
            "with a space 0123456789",
            "tab\tinside-0123456789",
          ),
          oversize(201).map((s) => `x${s.replace(/\s/g, "x")}`),
        ),
      ),
  },
  events: {
    bad: () =>
      badWords(true, ["item.deleted", "ITEM.CHANGED", "item.changed ", "webhook.test", "*", "__proto__"], aFile),
  },
  allowPrivate: {
    bad: () => withRepeats(fc.constantFrom<FieldValue>("yes", "1", "TRUE", "off", "on ", ...SCRIPTS)),
  },
  active: {
    bad: () => withRepeats(fc.constantFrom<FieldValue>("yes", "1", "TRUE", "off", "on ", ...SCRIPTS)),
  },
  webhookId: idRule(true),
  deliveryId: idRule(true),
  fileHash: {
    bad: (ctx) =>
      alsoMissing(
        true,
        fc
          .oneof(
            fc.constantFrom<FieldValue>("0".repeat(64), ...SCRIPTS, ...SQL_FRAGMENTS),
            fc.string({ minLength: 1, maxLength: 80 }).map((s) => createHash("sha256").update(s).digest("hex")),
          )
          .filter((v) => v !== ctx.legit.get("fileHash")),
      ),
  },
};

export function ruleFor(action: string, field: string): FieldRule | undefined {
  return RULES[`${action}.${field}`] ?? RULES[field];
}

/** Keys a hostile client adds to any form (prototype names, Next's own prefixes, a unit field an editor may not send). */
const EXTRA_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "$ACTION_ID_0",
  "$ACTION_REF_1",
  "$ACTION_1:0",
  "supportingUnitIds[]",
  "\u0000",
  "字段",
] as const;

export interface HostileForm {
  fields: [string, FieldValue][];
  /** the fields that carry a bad value (at least one) */
  corrupted: string[];
}

/** Forms for `action`: the legitimate one with 1–3 fields made bad, hostile-but-valid text in the others, odd extra keys. */
export function hostileForms(action: string, ctx: BadContext): fc.Arbitrary<HostileForm> {
  const names = [...new Set(ctx.legit.keys())];
  const legitOf = (name: string): FieldValue => {
    const all = ctx.legit.getAll(name);
    return all.length === 1 ? (all[0] as string | Blob) : (all as string[]);
  };
  // Mostly one bad field (so each field's own check is what must refuse), sometimes two or three.
  const one = fc.constantFrom(...names).map((n) => [n]);
  const some = fc.subarray(names, { minLength: 1, maxLength: Math.min(3, names.length) });
  return fc.oneof({ weight: 3, arbitrary: one }, { weight: 1, arbitrary: some }).chain((corrupted) =>
    fc
      .tuple(
        fc.tuple(...corrupted.map((name) => ruleFor(action, name)!.bad(ctx))),
        fc.tuple(
          ...names.map((name) => {
            const noise = ruleFor(action, name)?.noise;
            return corrupted.includes(name) || !noise
              ? fc.constant(legitOf(name))
              : fc.oneof(fc.constant(legitOf(name)), noise);
          }),
        ),
        fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), hostileText), { maxLength: 2 }),
      )
      .map(([bad, kept, extra]) => ({
        corrupted,
        fields: [
          ...names.map((name, i): [string, FieldValue] =>
            corrupted.includes(name) ? [name, bad[corrupted.indexOf(name)]!] : [name, kept[i]!],
          ),
          ...extra,
        ],
      })),
  );
}

export function toFormData(form: HostileForm): FormData {
  const data = new FormData();
  for (const [name, value] of form.fields) {
    if (value === MISSING) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

/** A short printable description of a form, for failure messages (long values cut). */
export function describeForm(form: HostileForm): string {
  const show = (v: FieldValue): string =>
    v === MISSING
      ? "<missing>"
      : Array.isArray(v)
        ? `[${v.map(show).join(", ")}]`
        : typeof v === "string"
          ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v)
          : `<${v.constructor.name} ${v.size}B>`;
  return form.fields.map(([k, v]) => `${k}=${show(v)}`).join(" ");
}
