// Debian's nginx, run by a spec as its own child process: deploy/nginx.conf (the documented configuration) with
// the listen port and the instances' ports substituted, inside a top-level configuration of the spec's own with
// every path (pid, logs, temporary files) in a temporary folder, so it needs no root and touches nothing of a
// system nginx.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..", "..");

/** The nginx binary: NGINX_PATH, else Debian's. Throws the way to install it when it is missing. */
export function nginxBinary(): string {
  const path = process.env.NGINX_PATH?.trim() || "/usr/sbin/nginx";
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `nginx is needed for this test and was not found at ${path}. Install Debian's: ` +
        "`sudo apt-get install --no-install-recommends nginx` (Debian/Ubuntu; .ci/run does this), " +
        "or point NGINX_PATH at an nginx binary.",
    );
  }
  return path;
}

export interface Nginx {
  url: string;
  child: ChildProcess;
  dir: string;
  accessLog(): string;
  errorLog(): string;
  stop(): Promise<void>;
}

/** deploy/nginx.conf for a test: listening on 127.0.0.1:`port`, in front of the instances on `upstreams`. */
export function trackerConf(port: number, upstreams: number[], dir: string): string {
  const template = readFileSync(join(root, "deploy", "nginx.conf"), "utf8");
  const substitute = (text: string, from: RegExp, to: string) => {
    if (!from.test(text))
      throw new Error(`deploy/nginx.conf no longer has ${from}: update the nginx spec's substitution`);
    return text.replace(from, to);
  };
  let conf = substitute(template, /^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`);
  conf = substitute(conf, /^(\s*)access_log \S+ tracker;$/m, `$1access_log ${join(dir, "access.log")} tracker;`);
  const servers = /^(\s*)server 127\.0\.0\.1:300[12]( [^;\n]*)?;\n/gm;
  const lines = [...conf.matchAll(servers)];
  if (lines.length !== 2) throw new Error("deploy/nginx.conf should name two instances, 127.0.0.1:3001 and :3002");
  const indent = lines[0]![1]!;
  const options = lines[0]![2] ?? "";
  conf = conf.replace(servers, "");
  conf = substitute(
    conf,
    /^upstream tracker \{\n/m,
    `upstream tracker {\n${upstreams.map((p) => `${indent}server 127.0.0.1:${p}${options};\n`).join("")}`,
  );
  return conf;
}

export async function startNginx(port: number, upstreams: number[], dir: string): Promise<Nginx> {
  const binary = nginxBinary();
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, "tracker.conf"), trackerConf(port, upstreams, dir));
  // As root, nginx would hand its workers to `nobody`, who cannot write this folder: keep them as the caller.
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : "";
  writeFileSync(
    join(dir, "nginx.conf"),
    `${user}daemon off;
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} info;
events { worker_connections 512; }
http {
    default_type application/octet-stream;
    client_body_temp_path ${join(dir, "client_body")};
    proxy_temp_path ${join(dir, "proxy")};
    fastcgi_temp_path ${join(dir, "fastcgi")};
    uwsgi_temp_path ${join(dir, "uwsgi")};
    scgi_temp_path ${join(dir, "scgi")};
    include ${join(dir, "tracker.conf")};
}
`,
  );
  const args = ["-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf")];
  const check = spawn(binary, ["-t", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let checkOutput = "";
  check.stderr!.on("data", (d: Buffer) => (checkOutput += d.toString()));
  const checked = await new Promise<number | null>((resolve) => check.once("exit", (code) => resolve(code)));
  if (checked !== 0) throw new Error(`nginx -t refused the configuration:\n${checkOutput}`);

  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), "utf8");
    } catch {
      return "";
    }
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output}\n${read("error.log")}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx not answering on ${url}:\n${output}\n${read("error.log")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    dir,
    accessLog: () => read("access.log"),
    errorLog: () => read("error.log"),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGQUIT"); // graceful: finish the requests it has, then exit (master and workers)
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
