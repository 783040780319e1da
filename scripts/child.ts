// Child processes of the test scripts: inherit the terminal, report the exit code, and can all be stopped
// when the script itself is interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..");
const running = new Set<ChildProcess>();

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env });
    running.add(child);
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export function bin(name: string): string {
  return join(root, "node_modules", ".bin", name);
}

export function stopChildren(): void {
  for (const child of running) child.kill("SIGTERM");
}
