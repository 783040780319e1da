// The server is started one way everywhere: `npm start`, the end-to-end tests and the bench (START_ARGS), and the
// systemd unit (systemd-unit.test.ts). It runs compiled JavaScript, so no TypeScript loader lives in the server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { START_ARGS } from "../../scripts/start-command";

const root = join(import.meta.dirname, "..", "..");

describe("the start command", () => {
  it("is what package.json's start script runs, without a TypeScript loader", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`exec node ${START_ARGS.join(" ")}`);
    expect(START_ARGS.join(" ")).not.toMatch(/tsx|--import|--loader/);
  });

  it("finds the project folder from its sources and from the compiled file under node_modules/.cache", () => {
    expect(projectRoot(join(root, "scripts", "db"))).toBe(root);
    expect(projectRoot(join(root, "node_modules", ".cache", "chengyu-tracker"))).toBe(root);
  });
});
