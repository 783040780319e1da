// Child processes of the test scripts: inherit the terminal, report the exit code, and can all be stopped
// when the script itself is interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./project-root";

export const root = projectRoot();
const running = new Set<ChildProcess>();

/**
 * Runs a command with the terminal's input and output. `onOutput`: also hands every chunk of its stdout and stderr
 * to that function (the output is then piped through this process, still printed as it comes).
 */
export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: onOutput ? ["inherit", "pipe", "pipe"] : "inherit", env });
    if (onOutput) {
      child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        process.stdout.write(chunk);
        onOutput(chunk, "stdout");
      });
      child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
        process.stderr.write(chunk);
        onOutput(chunk, "stderr");
      });
    }
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
