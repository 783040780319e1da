// proxy.ts refuses a server-action body Next.js could not decode (Next would answer 500). Checked here against
// React's own decoder, run as Next runs it (tests/support/react-reply/oracle.cjs): every body the proxy lets
// through must decode, and every body this app's clients send (React's encodeReply of the arguments our
// forms pass) must be let through.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseActionRequest } from "@/lib/http/action-request";
import { formOf } from "../support/http-client";
import { hostileText, SCRIPTS } from "../support/hostile/values";
// @ts-expect-error — Next ships React's Flight client without type declarations (as in tests/support/http-client.ts).
import * as flight from "next/dist/compiled/react-server-dom-webpack/client.node.js";

let oracle: ChildProcessWithoutNullStreams;
let answers: AsyncIterator<string>;

beforeAll(() => {
  oracle = spawn(
    process.execPath,
    ["--conditions", "react-server", join(import.meta.dirname, "..", "support", "react-reply", "oracle.cjs")],
    { env: { ...process.env, NODE_ENV: "production" } },
  );
  answers = createInterface({ input: oracle.stdout })[Symbol.asyncIterator]();
});
afterAll(() => {
  oracle.kill();
});

interface Body {
  type: string;
  body: Buffer;
}

/** Whether React's decoder, run as Next runs it, reads the body without throwing. */
async function decodes({ type, body }: Body): Promise<{ ok: boolean; error?: string }> {
  oracle.stdin.write(JSON.stringify({ type, body: body.toString("base64") }) + "\n");
  const next = await answers.next();
  if (next.done) throw new Error("the decoder process ended");
  return JSON.parse(next.value) as { ok: boolean; error?: string };
}

function refusal({ type, body }: Body) {
  return refuseActionRequest(
    new Request("http://localhost/items", {
      method: "POST",
      headers: { "next-action": "f".repeat(42), "content-type": type },
      body: new Uint8Array(body),
    }),
  );
}

async function encoded(args: unknown[]): Promise<Body> {
  const reply = (await flight.encodeReply(args)) as string | FormData;
  if (typeof reply === "string") return { type: "text/plain;charset=UTF-8", body: Buffer.from(reply) };
  const response = new Response(reply);
  return { type: response.headers.get("content-type")!, body: Buffer.from(await response.arrayBuffer()) };
}

// Arguments as this app's forms and clients pass them: useActionState's previous state (an ActionResult or
// null) and the form's FormData (text fields, repeated fields, files), or plain values.
const field = fc.oneof(hostileText, fc.integer().map(String), fc.array(hostileText, { maxLength: 3 }));
const form = fc
  .tuple(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), field, { maxKeys: 6 }), fc.boolean())
  .map(([fields, withFile]) => {
    const f = formOf(fields);
    if (withFile)
      f.append("file", new File([Buffer.from("编号,状态\r\n1.1.1,<script>")], "进展.csv", { type: "text/csv" }));
    return f;
  });
const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, undefined, true, NaN, Infinity, -Infinity, -0, 0, 12.5, new Date(0), 10n ** 30n, -7n),
    hostileText,
    fc.string().map((s) => `$${s}`),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;
const prevState = fc.oneof(
  fc.constant(null),
  fc
    .record({
      ok: fc.boolean(),
      code: fc.constantFrom("invalid", "conflict"),
      message: hostileText,
      fieldErrors: fc.dictionary(fc.string({ maxLength: 8 }), fc.array(hostileText, { maxLength: 2 }), {
        noNullPrototype: true,
      }),
    })
    .map((r) => ({ ...r })),
);
const legitArgs = fc.oneof(
  fc.tuple(prevState, form).map((a) => [...a] as unknown[]),
  fc.array(plain, { maxLength: 4 }),
  // the same object twice: encodeReply writes a path back to the first ("$0:…")
  plain.filter((v) => v !== null && typeof v === "object").map((v) => [v, { again: v }]),
);

describe("server-action bodies at the proxy", () => {
  test("every body React's encodeReply makes of this app's arguments is let through and decodes", async () => {
    await fc.assert(
      fc.asyncProperty(legitArgs, async (args) => {
        const body = await encoded(args);
        expect(await refusal(body), body.body.toString("latin1").slice(0, 300)).toBeNull();
        expect(await decodes(body)).toEqual({ ok: true });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  test("every body the proxy lets through decodes (so Next never answers 500 for it)", async () => {
    const REFS = [
      "$@1",
      "$1",
      "$0",
      "$0:0",
      "$0:1",
      "$0:a",
      "$0:__proto__",
      "$Q1",
      "$W1",
      "$h1",
      "$T",
      "$B1",
      "$K1",
      "$K",
      "$n",
      "$nabc",
      "$n1",
      "$n" + "9".repeat(301),
      "$i1",
      "$A1",
      "$S1",
      "$l1",
      "$R1",
      "$r1",
      "$X1",
      "$x1",
      "$Z",
      "$Y",
      "$E1",
      "$F1",
      "$H",
      "$D",
      "$Dxx",
      "$undefined",
      "$u",
      "$N",
      "$I",
      "$-",
      "$",
      "$$",
      "$-0",
      "$Infinity",
    ];
    const garbageValue = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom(...REFS),
        fc.string().map((s) => `$${s}`),
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.constantFrom("a", "0", "1", "__proto__", "$", ":"), tie("value"), { maxKeys: 3 }),
      ),
    })).value;
    const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b));
    const text = (s: string): Body => ({ type: "text/plain;charset=UTF-8", body: Buffer.from(s) });
    const body = fc.oneof<fc.Arbitrary<Body | Mangle>[]>(
      garbageValue.map((v) => text(JSON.stringify(v) ?? "")),
      fc
        .constantFrom(
          "",
          "[",
          "]",
          '{"a":',
          "\uFEFF[]",
          "[".repeat(70) + "]".repeat(70),
          "[".repeat(60) + "]".repeat(60),
          `["$$${"x".repeat(1_000_100)}", 1]`,
          "null",
          "5",
          '"x"',
          "{}",
          JSON.stringify(Array(1001).fill(0)),
          JSON.stringify(Array(1000).fill(0)),
        )
        .map(text),
      bytes.map((b) => ({
        type: "text/plain;charset=UTF-8",
        body: Buffer.concat([Buffer.from('["'), b, Buffer.from('"]')]),
      })),
      bytes.map((b) => ({ type: "text/plain", body: b })),
      // a real multipart reply, cut, mangled, with its rows renamed or replaced by garbage
      fc
        .record({
          args: legitArgs,
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          how: fc.constantFrom("cut", "flip", "boundary", "none", "rename", "root", "base64"),
          garbage: garbageValue,
          name: fc.constantFrom("0", "00", " 0", "1", "0x0", "", "S0", "$ACTION_ID_1", "_1_x"),
        })
        .map((c) => ({ kind: "multipart" as const, ...c })),
    );
    let passed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const made = "kind" in b ? await mangled(b) : b;
        const answer = await refusal(made);
        if (answer) {
          refused++;
          expect([400, 413, 415]).toContain(answer.status);
          return;
        }
        passed++;
        expect(await decodes(made), `${made.type} ${made.body.toString("latin1").slice(0, 400)}`).toEqual({ ok: true });
      }),
      { numRuns: 2500 },
    );
    console.log(`action replies: ${passed} let through (all decode), ${refused} refused`);
    expect(refused).toBeGreaterThan(0);
    expect(passed).toBeGreaterThan(0);
  }, 120_000);

  test("a body over the action limit is refused with 413", async () => {
    expect(
      await refusal({ type: "text/plain;charset=UTF-8", body: Buffer.alloc(ACTION_BODY_LIMIT_BYTES + 1, 0x61) }),
    ).toMatchObject({ status: 413 });
    expect(await refusal({ type: "application/json", body: Buffer.from("[]") })).toMatchObject({ status: 415 });
    expect(await refusal({ type: "text/plain", body: Buffer.from(`[${JSON.stringify(SCRIPTS[0])}]`) })).toBeNull();
  });
});

interface Mangle {
  kind: "multipart";
  args: unknown[];
  at: number;
  how: string;
  garbage: unknown;
  name: string;
}

/** A legitimately encoded multipart reply, damaged in one way. */
async function mangled(c: Mangle): Promise<Body> {
  const form = new FormData();
  form.append("_1_note", "<script>alert(1)</script>");
  form.append("_1_file", new File(["a,b\r\n"], "x.csv", { type: "text/csv" }));
  const base = await encoded([null, form, ...c.args]);
  const multipart = base.type.startsWith("multipart/") ? base : await encoded([null, form]);
  const { type, body } = multipart;
  const boundary = type.split("boundary=")[1]!;
  const raw = body.toString("latin1");
  const at = Math.floor(body.length * c.at);
  switch (c.how) {
    case "cut":
      return { type, body: body.subarray(0, at) };
    case "flip":
      return {
        type,
        body: Buffer.concat([body.subarray(0, at), Buffer.from([body[at]! ^ 0xff]), body.subarray(at + 1)]),
      };
    case "boundary":
      return { type: "multipart/form-data; boundary=----not-it", body };
    case "none":
      return { type: "multipart/form-data", body };
    case "rename":
      return { type, body: Buffer.from(raw.replace('name="0"', `name="${c.name}"`), "latin1") };
    case "base64":
      return {
        type,
        body: Buffer.from(
          raw.replace(
            'name="_1_file"; filename="x.csv"\r\n',
            'name="_1_file"; filename="x.csv"\r\nContent-Transfer-Encoding: base64\r\n',
          ),
          "latin1",
        ),
      };
    default: {
      // row 0 replaced by garbage, plus an extra part named c.name
      const extra = `--${boundary}\r\nContent-Disposition: form-data; name="${c.name}"\r\n\r\n${JSON.stringify(c.garbage) ?? ""}\r\n`;
      const root = raw.replace(
        /(name="0"\r\n\r\n)[^\r]*/,
        (_m, head: string) => head + (JSON.stringify(c.garbage) ?? ""),
      );
      return { type, body: Buffer.from(extra + root, "latin1") };
    }
  }
}
