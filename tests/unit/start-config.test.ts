import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../scripts/start-config";

describe("npm start settings", () => {
  it("defaults to port 3000, the embedded database in .data/pg and sample data", () => {
    const c = loadConfig([], {} as NodeJS.ProcessEnv, "/srv/app");
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: null,
      embeddedDir: "/srv/app/.data/pg",
      sample: true,
      sampleMonths: 12,
      skipBuild: false,
      hostname: "127.0.0.1",
    });
  });

  it("takes PORT, HOST, DATABASE_URL and --no-sample", () => {
    const c = loadConfig(["--no-sample"], {
      PORT: "4100",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://u:p@db:5432/t",
    } as unknown as NodeJS.ProcessEnv);
    expect(c).toMatchObject({
      port: 4100,
      hostname: "0.0.0.0",
      databaseUrl: "postgresql://u:p@db:5432/t",
      sample: false,
    });
    expect(loadConfig([], { SAMPLE_DATA: "false" } as unknown as NodeJS.ProcessEnv).sample).toBe(false);
    expect(loadConfig([], { SAMPLE_MONTHS: "3" } as unknown as NodeJS.ProcessEnv).sampleMonths).toBe(3);
  });

  it("keeps rendered pages unless PAGE_CACHE is false", () => {
    expect(loadConfig([], {} as NodeJS.ProcessEnv).pageCache).toBe(true);
    expect(loadConfig([], { PAGE_CACHE: "off" } as unknown as NodeJS.ProcessEnv).pageCache).toBe(false);
    expect(() => loadConfig([], { PAGE_CACHE: "sometimes" } as unknown as NodeJS.ProcessEnv)).toThrow(
      /PAGE_CACHE=sometimes must be true or false/,
    );
  });

  it.each([
    [[], { PORT: "http" }, /PORT=http is not a port number/],
    [[], { PORT: "70000" }, /PORT=70000/],
    [[], { DATABASE_URL: "mysql://x" }, /DATABASE_URL must look like postgresql:\/\//],
    [[], { SAMPLE_DATA: "maybe" }, /SAMPLE_DATA=maybe must be true or false/],
    [[], { SAMPLE_MONTHS: "1" }, /SAMPLE_MONTHS=1 must be a whole number of months \(2–24\)/],
    [[], { SAMPLE_MONTHS: "2.5" }, /SAMPLE_MONTHS=2.5/],
    [["--sample=no"], {}, /unknown option --sample=no/],
  ])("refuses %j %j with a one-line message", (argv, env, message) => {
    expect(() => loadConfig(argv, env as unknown as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig(argv, env as unknown as NodeJS.ProcessEnv)).toThrow(message);
  });
});
