import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI, as `bin.aws2port` names it (dist/cmd/aws2port.js). */
export const CLI_PATH = fileURLToPath(new URL('../../cmd/aws2port.js', import.meta.url));

/** What one run of the CLI did. */
export interface CliRun {
  /** The exit code; -1 when a signal ended it. */
  code: number;
  /** The signal that ended it, if one did. */
  signal?: NodeJS.Signals;
  stdout: string;
  stderr: string;
}

/** Options of one CLI run. */
export interface CliOptions {
  cwd: string;
  env: Record<string, string>;
  /** Sent on stdin, then closed. */
  input?: string;
  /** Also pass the CLI's output through to this process's stdout and stderr, as it comes. */
  isEchoed?: boolean;
  /** Kill the CLI with SIGKILL this many ms after it starts (a crash at a moment of the test's choosing). */
  killAfterMs?: number;
  /** Kill the CLI with SIGKILL as soon as this turns true (checked every millisecond or so). */
  killWhen?: () => boolean;
  /** Read and drop stdout instead of keeping it (huge outputs in benchmarks). */
  isStdoutDiscarded?: boolean;
}

/**
 * Runs `node dist/cmd/aws2port.js ARGS` as a user would, with exactly the given environment (plus PATH),
 * so no credential or profile of the machine leaks in.
 */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: options.cwd, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (options.isStdoutDiscarded) return;
      stdout += chunk;
      if (options.isEchoed) process.stdout.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (options.isEchoed) process.stderr.write(chunk);
    });
    const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    const watcher = options.killWhen === undefined ? undefined : setInterval(() => options.killWhen!() && child.kill('SIGKILL'), 1);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      clearInterval(watcher);
      resolve({ code: code ?? -1, stdout, stderr, ...(signal ? { signal } : {}) });
    });
    child.stdin.end(options.input ?? '');
  });
}
