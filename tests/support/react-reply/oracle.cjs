// React's own server-action reply decoder, run the way Next.js 16 runs it (lib/http/action-reply.ts is checked
// against it). It needs the "react-server" export condition, so it runs as a child process:
// `node --conditions react-server oracle.cjs`, one JSON case per stdin line ({type, body: base64}), one JSON
// answer per stdout line ({ok, error?}). Mirrors next/dist/server/app-render/action-handler.js (Node path):
// a text body is read as UTF-8 and given to decodeReply; a multipart body goes through busboy into
// decodeReplyFromBusboy.
"use strict";
const { Readable } = require("node:stream");
const { pipeline } = require("node:stream/promises");
const readline = require("node:readline");
const server = require("next/dist/compiled/react-server-dom-webpack/server.node.js");
const busboyOf = require("next/dist/compiled/busboy");

const LIMIT = 6 * 1024 * 1024;
/** action-handler.js: executeActionAndPrepareForRender reads args.length and applies the action to args. */
const SERVER_ACTION_ARGS_LIMIT = 1000;

function applicable(args) {
  if (args.length > SERVER_ACTION_ARGS_LIMIT) throw new Error("Server Action arguments list is too long");
  (function () {}).apply(null, args);
}

async function decode(type, body) {
  const temporaryReferences = server.createTemporaryReferenceSet();
  if (type.startsWith("multipart/form-data")) {
    const busboy = busboyOf({
      defParamCharset: "utf8",
      headers: { "content-type": type },
      limits: { fieldSize: LIMIT },
    });
    const abort = new AbortController();
    try {
      const [, args] = await Promise.all([
        pipeline(Readable.from([body]), busboy, { signal: abort.signal }),
        server.decodeReplyFromBusboy(busboy, {}, { temporaryReferences }),
      ]);
      return args;
    } catch (error) {
      abort.abort();
      throw error;
    }
  }
  return server.decodeReply(body.toString("utf-8"), {}, { temporaryReferences });
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  queue = queue.then(async () => {
    const { type, body } = JSON.parse(line);
    let answer;
    try {
      // A reply that never settles would hang the action: a failure as well.
      const args = await Promise.race([
        decode(type, Buffer.from(body, "base64")),
        new Promise((_, reject) => setTimeout(() => reject(new Error("never settled")), 2000)),
      ]);
      applicable(args);
      answer = { ok: true };
    } catch (error) {
      answer = { ok: false, error: String(error && error.message).slice(0, 200) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  });
});
