// deploy/chengyu-tracker@.service, the template unit docs/deploy.md tells operators to install: checked by
// `systemd-analyze verify` (which exits 0 on a misspelt setting and only complains on stderr, so any output
// fails the test), and read here for what the guide promises of it. On CI systemd-analyze must exist (.ci/run
// installs the systemd package); elsewhere its absence is said in the output, and only the reading runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { START_ARGS } from "../../scripts/start-command";

const UNIT = resolve(import.meta.dirname, "../../deploy/chengyu-tracker@.service");
const text = readFileSync(UNIT, "utf8");
const dir = mkdtempSync(join(tmpdir(), "tracker-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const analyze = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" });
const haveAnalyze = analyze.status === 0;

/** verify a copy of the unit (this machine's node in ExecStart), as the instance for port 3001 */
function verify(unitText: string, name: string): { status: number | null; output: string } {
  const template = join(dir, `${name}@.service`);
  writeFileSync(template, unitText.replace("ExecStart=/usr/bin/node ", `ExecStart=${process.execPath} `));
  const instance = join(dir, `${name}@3001.service`);
  symlinkSync(template, instance);
  const r = spawnSync("systemd-analyze", ["verify", instance], { encoding: "utf8", cwd: dir });
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

function setting(key: string): string[] {
  return [...text.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((m) => m[1]!);
}

describe("the systemd template unit", () => {
  it("runs `npm start`'s script directly, on the instance's port, built once, without sample data", () => {
    expect(setting("ExecStart")).toEqual([`/usr/bin/node ${START_ARGS.join(" ")} --no-sample`]);
    expect(setting("Environment")).toEqual(
      expect.arrayContaining(["PORT=%i", "SKIP_BUILD=true", "MALLOC_ARENA_MAX=2"]),
    );
    expect(setting("EnvironmentFile")).toEqual(["/etc/chengyu-tracker/tracker.env", "-/etc/chengyu-tracker/%i.env"]);
    expect(setting("KillSignal")).toEqual(["SIGTERM"]);
    expect(setting("User")).toEqual(["tracker"]);
    expect(setting("WantedBy")).toEqual(["multi-user.target"]);
  });

  it("passes systemd-analyze verify, and verify would catch a mistake", () => {
    if (!haveAnalyze) {
      // CI installs systemd (.ci/run): there the tool must be present
      expect(process.env.CI, "systemd-analyze is missing on CI").not.toBe("true");
      console.log("systemd-analyze is not installed here: verify not run");
      return;
    }
    const good = verify(text, "chengyu-tracker");
    expect(good.output).toBe("");
    expect(good.status).toBe(0);
    const bad = verify(text.replace("Restart=on-failure", "Restart=sometimes"), "misspelt");
    expect(bad.output).toContain("Failed to parse service restart specifier");
  });

  it("is the file the guide tells operators to install", () => {
    const guide = readFileSync(resolve(import.meta.dirname, "../../docs/deploy.md"), "utf8");
    expect(guide).toContain("deploy/chengyu-tracker@.service");
    expect(guide).toContain("systemctl enable --now chengyu-tracker@3001 chengyu-tracker@3002");
  });
});
