// Hostile input at the HTTP edge (issue 7, part 4), against the real production server: fast-check generated
// query strings on every page (listed from app/) and on /api/reports; raw POSTs to the server-action endpoint
// with real and garbage action ids, wrong content types, garbage Flight encodings, invalid UTF-8, truncated
// multipart and oversize bodies; and markup typed into text fields coming back as text on the pages and in the
// exports. Never a 5xx, never input echoed as markup. Bodies Next.js itself cannot decode are refused by
// proxy.ts (lib/http/action-request.ts, checked against React's decoder in tests/unit/action-reply.test.ts).
// (The database checks live in tests/integration/hostile-*.test.ts: here other specs write to the same
// database in parallel.)
import fc from "fast-check";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { allActions, formOf, HttpSession } from "../tests/support/http-client";
import { BAD_DATES, BAD_NUMBERS, hostileText, oversize, SCRIPTS, SQL_FRAGMENTS } from "../tests/support/hostile/values";
import { SAMPLE_PASSWORD } from "./auth";
import { expect, test } from "./fixtures";
import { appRoutes } from "./support/routes";
// @ts-expect-error — Next ships React's Flight client without type declarations (as in tests/support/http-client.ts).
import * as flight from "next/dist/compiled/react-server-dom-webpack/client.node.js";

const QUERY_RUNS = 600;
const POST_RUNS = 1300;
const FORM_POST_RUNS = 150;
/** Script and markup payloads: a page that echoed one of them unescaped would run or render it. */
const MARKUP = SCRIPTS.filter((s) => s.includes("<"));

/** Payloads sent in `values` that come back verbatim in an HTML answer (escaped, as &lt;…, is fine). */
function echoedMarkup(html: string, values: string[]): string[] {
  return MARKUP.filter((m) => values.some((v) => v.includes(m)) && html.includes(m));
}

/** Counts for the issue note, printed by the last test. */
const counts = { queries: 0, posts: 0, formPosts: 0, oversize: 0, http500: 0 };

test.describe.configure({ mode: "serial" });

test("hostile query strings on every page and on /api/reports never give a 5xx or echo markup", async ({
  baseURL,
  sql,
}) => {
  test.setTimeout(300_000);
  const admin = new HttpSession(baseURL!);
  await admin.signIn("admin", SAMPLE_PASSWORD);
  const [item] = await sql<{ code: string }>(
    `SELECT code FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY code LIMIT 1`,
  );
  const routes = [...appRoutes("page.tsx"), "/api/reports"];
  const KEYS = [
    "asOf",
    "compare",
    "q",
    "status",
    "confidence",
    "pillar",
    "unit",
    "region",
    "conference",
    "side",
    "page",
    "size",
    "sort",
    "dir",
    "level",
    "overdue",
    "stale",
    "scope",
    "id",
    "filters",
    "format",
    "callbackUrl",
    "error",
    "tab",
    "user",
    "action",
    "from",
    "to",
    "signedOut",
    "year",
    "by",
  ];
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileText },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_DATES, ...BAD_NUMBERS, ...SQL_FRAGMENTS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "all",
        "pillar",
        "unit",
        "portfolio",
        "csv",
        "json",
        "xlsx",
        "docx",
        "IN_PROGRESS",
        "RED",
        "SICHUAN",
        "1",
        "2026-01-01",
        "none",
      ),
    },
    { weight: 1, arbitrary: oversize(3000) },
  );
  // Raw fragments that are not valid percent-encoding or not UTF-8 once decoded.
  const rawTail = fc.constantFrom(
    "",
    "",
    "",
    "&q=%E0%A4%A",
    "&q=%FF%FE%00",
    "&%ZZ=1",
    "&asOf=%C0%AF",
    "&q=%",
    "&&&==&",
  );
  const segment = fc.oneof(
    fc.constant<string | null>(null),
    fc.constantFrom("999.999", "%3Cscript%3E", "1.1.1'--", "a".repeat(300), "-1", "1e309", "%FF", "..%2F..%2Fetc"),
  );
  let tried = 0;
  let serverErrors = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 6 }),
      rawTail,
      segment,
      async (route, pairs, tail, seg) => {
        tried++;
        const path = route
          .replace("[code]", seg ?? item!.code)
          .replace("[number]", seg ?? "1")
          .replace("[id]", seg ?? "1");
        const query = new URLSearchParams(pairs).toString() + tail;
        const url = `${path}?${query}`;
        const response = await admin.fetch(url);
        const body = await response.text();
        if (response.status >= 500) serverErrors++;
        expect(response.status, `${url.slice(0, 300)}: ${body.slice(0, 200)}`).toBeLessThan(500);
        if ((response.headers.get("content-type") ?? "").includes("html")) {
          expect(echoedMarkup(body, [...pairs.map(([, v]) => v), seg ?? ""]), url.slice(0, 300)).toEqual([]);
        }
      },
    ),
    { numRuns: QUERY_RUNS },
  );
  counts.queries = tried;
  counts.http500 += serverErrors;
});

/** A multipart body as a browser would send it, cut short. */
async function multipart(form: FormData): Promise<{ body: Buffer; type: string }> {
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), type: response.headers.get("content-type")! };
}

test("raw POSTs to the server-action endpoint never give a 5xx", async ({ baseURL }) => {
  test.setTimeout(150_000);
  const admin = new HttpSession(baseURL!);
  await admin.signIn("admin", SAMPLE_PASSWORD);
  const visitor = new HttpSession(baseURL!);
  const ids = allActions();
  const signOutId = ids.find((a) => a.exportedName === "signOutAction")!.id;
  const origin = new URL(baseURL!).origin;
  const realId = fc.constantFrom(...ids.map((a) => a.id));
  const actionId = fc.oneof(
    { weight: 3, arbitrary: realId },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.stringMatching(/^[0-9a-f]{40,42}$/),
        fc.constantFrom("", "x", "null", "../../etc/passwd", "%00", "a".repeat(5000)),
        hostileText.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "?")).slice(0, 200)),
      ),
    },
  );
  // Arguments a hand-made request decodes to: not a form, a form of hostile fields, nothing at all.
  const hostileForm = fc.dictionary(
    fc.constantFrom(
      "itemId",
      "expectedVersion",
      "note",
      "status",
      "progress",
      "title",
      "name",
      "loginName",
      "password",
      "callbackUrl",
      "file",
      "items",
      "parent",
      "userId",
      "$ACTION_ID_0",
    ),
    hostileText,
    { maxKeys: 6 },
  );
  const args = fc.oneof(
    fc.constant([]),
    fc.tuple(
      fc.constant(null),
      fc.oneof(
        hostileText,
        fc.integer(),
        fc.constant(null),
        fc.dictionary(fc.string(), hostileText, { noNullPrototype: true }),
      ),
    ),
    fc.tuple(
      fc.constant(null),
      hostileForm.map((f) => formOf(f)),
    ),
    // (JSON round trip: plain objects, as a client can send; fast-check's may lack a prototype.)
    fc.array(
      fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown),
      { maxLength: 4 },
    ),
  );
  const body = fc.oneof(
    // React's own encoding of hostile arguments (reaches the action: what lib/actions must answer cleanly).
    args.map((a) => ({
      kind: "encoded args",
      make: async () => {
        const encoded = (await flight.encodeReply(a)) as string | FormData;
        return typeof encoded === "string" ? { body: encoded, type: "text/plain;charset=UTF-8" } : multipart(encoded);
      },
    })),
    // Garbage Flight: references to rows that do not exist, unknown tags, broken JSON.
    fc
      .constantFrom(
        '["$@1"]',
        '["$K1"]',
        '["$Q1"]',
        '["$h1"]',
        '["$T"]',
        '{"a":',
        "[",
        "]",
        '"$',
        '["$1"]',
        "null",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]",
        '["$B1"]',
        '["$n999999999999999999999"]',
      )
      .map((text) => ({
        kind: "garbage flight",
        make: async () => ({ body: text, type: "text/plain;charset=UTF-8" }),
      })),
    // Invalid UTF-8 where text is expected.
    fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((bytes) => ({
      kind: "random bytes",
      make: async () => ({
        body: Buffer.concat([Buffer.from('["'), Buffer.from(bytes), Buffer.from([0xff, 0xfe]), Buffer.from('"]')]),
        type: "text/plain;charset=UTF-8",
      }),
    })),
    // A real multipart body cut anywhere, or sent under another boundary, or with no boundary at all.
    fc
      .tuple(hostileForm, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom("cut", "boundary", "none"))
      .map(([fields, at, how]) => ({
        kind: `multipart ${how}`,
        make: async () => {
          const form = formOf(fields);
          form.append("file", new File([Buffer.from("编号,状态\r\n1.1.1,<script>")], "x.csv", { type: "text/csv" }));
          const { body: full, type } = await multipart(form);
          if (how === "cut") return { body: full.subarray(0, Math.floor(full.length * at)), type };
          if (how === "boundary") return { body: full, type: "multipart/form-data; boundary=----not-the-boundary" };
          return { body: full, type: "multipart/form-data" };
        },
      })),
    // Other content types (a form post without JavaScript names its action in a $ACTION_ID_ field).
    fc
      .tuple(
        fc.constantFrom(
          "application/json",
          "application/x-www-form-urlencoded",
          "text/html",
          "application/xml",
          "image/png",
          "",
          "text/plain; charset=gbk",
        ),
        hostileText,
      )
      .map(([type, text]) => ({
        kind: `content type ${type || "none"}`,
        make: async () => ({
          body:
            type === "application/x-www-form-urlencoded"
              ? `$ACTION_ID_${"f".repeat(40)}=&note=${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "?"))}`
              : text,
          type,
        }),
      })),
  );
  let tried = 0;
  const statuses = new Map<number, number>();
  const post = async (who: HttpSession, id: string, payload: { body: string | Buffer; type: string }, path = "/") => {
    tried++;
    const headers: Record<string, string> = { "next-action": id, accept: "text/x-component", origin };
    if (payload.type) headers["content-type"] = payload.type;
    const response = await who.fetch(path, {
      method: "POST",
      headers,
      body: typeof payload.body === "string" ? payload.body : new Uint8Array(payload.body),
    });
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return { status: response.status, text };
  };
  // Every 5xx is collected (not just the first) so that one run names all the requests that still fail.
  const nameOf = new Map(ids.map((a) => [a.id, `${a.file}#${a.exportedName}`]));
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.boolean(),
      actionId,
      body,
      fc.constantFrom("/", "/items", "/login", "/admin/units", "/no-such-page"),
      async (signedIn, id, b, path) => {
        const payload = await b.make();
        // Sign-out takes no input and would end the admin's session for the posts after it: it gets the visitor.
        const { status, text } = await post(signedIn && id !== signOutId ? admin : visitor, id, payload, path);
        if (status >= 500) {
          failures.push(
            `${status}: ${b.kind} (${payload.type}) ${signedIn ? "signed in" : "signed out"} to ${nameOf.get(id) ?? id.slice(0, 50)} on ${path}: ${String(payload.body).slice(0, 200)} → ${text.slice(0, 200)}`,
          );
        }
      },
    ),
    { numRuns: POST_RUNS },
  );
  expect(failures).toEqual([]);
  // Oversize bodies: over the action body limit (next.config.ts), a few MB and far beyond, with a length and
  // streamed without one (chunked: the proxy measures what it reads).
  let oversizeTried = 0;
  for (const [size, type] of [
    [6.5, "text/plain;charset=UTF-8"],
    [12, "multipart/form-data; boundary=x"],
    [20, "text/plain;charset=UTF-8"],
  ] as const) {
    for (const id of [ids[0]!.id, "f".repeat(42)]) {
      oversizeTried++;
      const { status, text } = await post(admin, id, { body: Buffer.alloc(size * 1024 * 1024, 0x61), type });
      expect(status, `${size} MB ${type} to ${id}: ${text.slice(0, 200)}`).toBe(413);
    }
  }
  for (const size of [8, 15]) {
    oversizeTried++;
    tried++;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < size) controller.enqueue(new Uint8Array(chunk));
        else controller.close();
      },
    });
    const response = await admin.fetch("/", {
      method: "POST",
      headers: { "next-action": ids[0]!.id, origin, "content-type": "text/plain;charset=UTF-8" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    expect(response.status, `${size} MB streamed without a length`).toBe(413);
    await response.arrayBuffer();
  }
  // A legitimate upload near the limit still reaches the action whole: a file over the import limit (5 MB) but
  // under the body limit is answered by the action itself ("too large"), not cut short on the way.
  // The admin's session is still open: no hostile post above signed it out.
  const uploader = admin;
  const big = formOf({});
  big.append("file", new File([Buffer.alloc(5.5 * 1024 * 1024, 0x61)], "big.csv", { type: "text/csv" }));
  const preview = await uploader.callAction("lib/actions/import.ts", "previewImport", [null, big], "/items/import");
  expect(preview.status, preview.text?.slice(0, 200)).toBe(200);
  expect(JSON.stringify(preview.value)).toContain("import.problems.tooLarge");
  console.log(`hostile-input raw action POSTs: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  counts.posts = tried - oversizeTried;
  counts.oversize = oversizeTried;
  counts.http500 += [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
});

test("form posts without JavaScript (multipart, no Next-Action header) that are malformed never give a 5xx", async ({
  baseURL,
}) => {
  const admin = new HttpSession(baseURL!);
  await admin.signIn("admin", SAMPLE_PASSWORD);
  const origin = new URL(baseURL!).origin;
  const ids = allActions().map((a) => a.id);
  // Next reads such a post for $ACTION_ID_<id> / $ACTION_REF_<n> fields naming an action.
  const name = fc.oneof(
    fc.constantFrom(
      ...ids.map((id) => `$ACTION_ID_${id}`),
      `$ACTION_ID_${"f".repeat(42)}`,
      "$ACTION_REF_1",
      "$ACTION_1:0",
      "$ACTION_1:1",
      "$ACTION_KEY",
      "1_$ACTION_ID_x",
      "note",
      "0",
    ),
    fc.string({ maxLength: 20 }),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(
        name,
        fc.oneof(
          hostileText,
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        { maxKeys: 4 },
      ),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom("whole", "cut", "boundary"),
      fc.constantFrom("/", "/items", "/admin/units", "/login"),
      async (fields, at, how, path) => {
        const { body, type } = await multipart(formOf(fields));
        const sent = how === "cut" ? body.subarray(0, Math.floor(body.length * at)) : body;
        counts.formPosts++;
        const response = await admin.fetch(path, {
          method: "POST",
          headers: { origin, "content-type": how === "boundary" ? "multipart/form-data; boundary=nope" : type },
          body: new Uint8Array(sent),
        });
        const text = await response.text();
        if (response.status >= 500) counts.http500++;
        expect(
          response.status,
          `${how} form post to ${path} with ${JSON.stringify(Object.keys(fields))}: ${text.slice(0, 200)}`,
        ).toBeLessThan(500);
      },
    ),
    { numRuns: FORM_POST_RUNS },
  );
});

test("markup typed into a note, a milestone title and a unit name is shown as text on the pages and in the exports", async ({
  baseURL,
  sql,
}) => {
  test.setTimeout(120_000);
  const admin = new HttpSession(baseURL!);
  await admin.signIn("admin", SAMPLE_PASSWORD);
  const tag = Date.now().toString(36);
  const payload = (what: string) => `${what} ${tag} <img src=x onerror=alert(1)><script>alert(1)</script>"'&`;
  // The last action item by code: the other specs pick theirs from the top of the list or by unit.
  const [item] = await sql<{ id: number; code: string; version: number }>(
    `SELECT id, code, version FROM items WHERE level = 'ACTION' AND retired_at IS NULL ORDER BY code DESC LIMIT 1`,
  );
  const note = payload("进展");
  const posted = await admin.callAction<{ ok: boolean; data?: { reportId: number } }>(
    "lib/actions/items.ts",
    "postProgressUpdate",
    [
      null,
      formOf({
        itemId: item!.id,
        expectedVersion: item!.version,
        status: "IN_PROGRESS",
        progress: 30,
        confidence: "AMBER",
        note,
      }),
    ],
    `/items/${item!.code}/update`,
  );
  expect(posted.value, JSON.stringify(posted)).toMatchObject({ ok: true });
  // Review is on in the sample data: the report reaches the item (and the dashboard) once it is approved.
  const approved = await admin.callAction<{ ok: boolean }>(
    "lib/actions/reports.ts",
    "approveReport",
    [null, formOf({ reportId: posted.value!.data!.reportId, expectedRevision: 1 })],
    "/review",
  );
  expect(approved.value, JSON.stringify(approved)).toMatchObject({ ok: true });
  // The responsible person is a column of every export.
  const person = payload("责任人").slice(0, 100);
  const [now] = await sql<{
    version: number;
    weight: number;
    start: string | null;
    due: string | null;
    regions: number[];
    conferences: number[];
  }>(
    `SELECT version, weight, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(due_date, 'YYYY-MM-DD') AS due,
            ARRAY(SELECT region_id FROM item_regions WHERE item_id = i.id) AS regions, ARRAY(SELECT conference_id FROM item_conferences WHERE item_id = i.id) AS conferences
       FROM items i WHERE id = $1`,
    [item!.id],
  );
  const updated = await admin.callAction<{ ok: boolean }>(
    "lib/actions/items.ts",
    "updateItem",
    [
      null,
      formOf({
        itemId: item!.id,
        expectedVersion: now!.version,
        responsiblePerson: person,
        weight: now!.weight,
        startDate: now!.start ?? "",
        dueDate: now!.due ?? "",
        regionIds: now!.regions.map(String),
        conferenceIds: now!.conferences.map(String),
      }),
    ],
    `/items/${item!.code}/edit`,
  );
  expect(updated.value, JSON.stringify(updated)).toMatchObject({ ok: true });
  const title = payload("里程碑");
  const added = await admin.callAction<{ ok: boolean }>(
    "lib/actions/milestones.ts",
    "addMilestone",
    [null, formOf({ itemId: item!.id, title, plannedDate: "2030-01-01" })],
    `/items/${item!.code}/edit`,
  );
  expect(added.value, JSON.stringify(added)).toMatchObject({ ok: true });
  const unitName = payload("单位").slice(0, 100);
  const created = await admin.callAction<{ ok: boolean }>(
    "lib/actions/admin-units.ts",
    "createUnit",
    [null, formOf({ name: unitName, shortName: "", side: "JOINT", kind: "COORDINATION" })],
    "/admin/units",
  );
  expect(created.value, JSON.stringify(created)).toMatchObject({ ok: true });

  // As React writes text into HTML: the five characters that could end text or an attribute, as entities.
  const escaped = (s: string) =>
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;");
  for (const [path, texts] of [
    [`/items/${item!.code}`, [note, title, person]],
    ["/?view=activity", [note]], // the dashboard's recent updates
    ["/admin/units", [unitName]],
  ] as const) {
    const response = await admin.fetch(path);
    const html = await response.text();
    expect(response.status, path).toBe(200);
    for (const text of texts) {
      expect(html.includes(text), `${path} holds "${text}" as markup`).toBe(false);
      expect(html.includes(escaped(text)), `${path} shows "${text}" as text`).toBe(true);
    }
  }

  // CSV and XLSX list every item with its responsible person: the text itself in a quoted CSV field, escaped
  // in the XLSX's XML. DOCX and PDF name the new unit in the scope line of that unit's report.
  const csv = await admin.fetch(`/api/reports?scope=all&format=csv&compare=none`);
  expect(csv.status).toBe(200);
  expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toContain(`"${person.replace(/"/g, '""')}"`);
  const [unit] = await sql<{ id: number }>(`SELECT id FROM units WHERE name = $1`, [unitName]);
  const xmlEscaped = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  for (const [format, scope, text] of [
    ["xlsx", "scope=all", person],
    ["docx", `scope=unit&id=${unit!.id}`, unitName],
  ] as const) {
    const response = await admin.fetch(`/api/reports?${scope}&format=${format}&compare=none`);
    expect(response.status, format).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = (
      await Promise.all(
        Object.values(zip.files)
          .filter((f) => f.name.endsWith(".xml"))
          .map((f) => f.async("string")),
      )
    ).join("\n");
    expect(xml.includes("<script>alert(1)</script>"), `${format} holds raw markup`).toBe(false);
    // Up to the quotes, which XML text may hold as they are or as entities.
    const head = text.slice(0, text.indexOf('"'));
    expect(xml.includes(xmlEscaped(head)), `${format} holds "${head}" as text`).toBe(true);
  }
  // PDF: the text drawn is the markup as typed.
  const pdf = await admin.fetch(`/api/reports?scope=unit&id=${unit!.id}&format=pdf&compare=none`);
  expect(pdf.status).toBe(200);
  const doc = await getDocument({ data: new Uint8Array(await pdf.arrayBuffer()), verbosity: 0 }).promise;
  let drawn = "";
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    drawn += content.items.map((item) => ("str" in item ? item.str : "")).join("");
  }
  await doc.destroy();
  const squash = (s: string) => s.replace(/\s+/g, "");
  expect(squash(drawn), "the PDF shows the unit name as typed").toContain(squash(unitName));
  expect(drawn).not.toContain("&lt;");
  console.log(
    `hostile-input: queries=${counts.queries} posts=${counts.posts} formPosts=${counts.formPosts} oversize=${counts.oversize} http500=${counts.http500}`,
  );
});
