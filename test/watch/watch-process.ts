import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { CLI_PATH } from '../support/run-cli.js';
import { after, before } from 'node:test';
import { startWorld, type World, type WorldOptions } from '../support/world.js';

/** One JSON log line of `aws2port watch` (stderr is not a terminal, so logs are JSON lines). */
export interface WatchLogLine {
  time: string;
  level: string;
  event: string;
  msg: string;
  [field: string]: unknown;
}

/** A running `aws2port watch`, driven as a user (or Kubernetes) would: flags, signals, /metrics. */
export interface WatchProcess {
  child: ChildProcess;
  /** Every log line so far. */
  readonly logs: WatchLogLine[];
  /** stderr lines that were not JSON (there should be none). */
  readonly otherOutput: string[];
  metricsPort: number;
  /** Resolves with the first log line (past or future) with this event that `accept` accepts. */
  waitForLog(event: string, accept?: (line: WatchLogLine) => boolean, timeoutMs?: number): Promise<WatchLogLine>;
  /** The Prometheus text of /metrics. */
  metrics(): Promise<string>;
  /** The value of one series of /metrics (0 when absent). */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  /** GET /healthz: status and JSON body. */
  health(): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Sends `signal` and resolves when the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; elapsedMs: number }>;
}

/** How to start the process beyond its flags. */
export interface WatchProcessOptions {
  /** Extra environment. */
  env?: Record<string, string>;
  /** Flags for node itself (e.g. `--cpu-prof` when profiling a benchmark). */
  nodeArgs?: readonly string[];
}

/**
 * Starts `aws2port watch --queue-url URL --metrics-port 0 ARGS` in the world, and waits until its
 * first full resync is done (so that events sent afterwards meet a synced state).
 */
export async function startWatch(world: World, queueUrl: string, args: readonly string[] = [], options: WatchProcessOptions = {}): Promise<WatchProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI_PATH, 'watch', '--queue-url', queueUrl, '--metrics-port', '0', ...args], {
    cwd: world.dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: world.dir, ...world.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: WatchLogLine[] = [];
  const otherOutput: string[] = [];
  const listeners = new Set<() => void>();
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
      for (const listener of [...listeners]) listener();
    }),
  );
  let buffer = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        logs.push(JSON.parse(line) as WatchLogLine);
      } catch {
        otherOutput.push(line);
      }
    }
    for (const listener of [...listeners]) listener();
  });
  child.stdout!.resume();

  const waitForLog = (event: string, accept: (line: WatchLogLine) => boolean = () => true, timeoutMs = 15_000): Promise<WatchLogLine> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = logs.find((l) => l.event === event && accept(l));
        if (found) return finish(() => resolve(found));
        if (exited) finish(() => reject(new Error(`watch exited (${JSON.stringify(exited)}) before logging ${event}:\n${describe(logs, otherOutput)}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no ${event} log within ${timeoutMs} ms:\n${describe(logs, otherOutput)}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const listening = await waitForLog('metrics_listening');
  const metricsPort = Number(listening.port);
  const get = async (path: string) => {
    const answer = await fetch(`http://127.0.0.1:${metricsPort}${path}`);
    return { status: answer.status, text: await answer.text() };
  };
  const handle: WatchProcess = {
    child,
    logs,
    otherOutput,
    metricsPort,
    waitForLog,
    metrics: async () => (await get('/metrics')).text,
    metric: async (name, labels = {}) => metricValue(await handle.metrics(), name, labels),
    health: async () => {
      const answer = await get('/healthz');
      return { status: answer.status, body: JSON.parse(answer.text) as Record<string, unknown> };
    },
    stop: async (signal = 'SIGTERM') => {
      const started = performance.now();
      if (!exited) child.kill(signal);
      await exit;
      return { ...exited!, elapsedMs: performance.now() - started };
    },
  };
  await waitForLog('resync_completed');
  return handle;
}

/** The value of the series `name{labels}` in Prometheus text (0 when absent). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = match[3] ? match[3].split(',') : [];
    if (wanted.every((w) => present.includes(w)) && present.length === wanted.length) return Number(match[4]);
  }
  return 0;
}

/** Resolves once `condition` holds (checked every 20 ms); rejects with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function describe(logs: readonly WatchLogLine[], other: readonly string[]): string {
  return [...logs.slice(-30).map((l) => JSON.stringify(l)), ...other.slice(-20)].join('\n');
}

/** A world, its events queue and a running watch. */
export interface WatchedWorld {
  world: World;
  queueUrl: string;
  watch: WatchProcess;
}

/** Options of useWatchedWorld. */
export interface WatchedWorldOptions {
  /** Seconds before a received, undeleted message comes back. */
  visibilityTimeoutSeconds: number;
  /** Default `events`. */
  queueName?: string;
  /** Extra flags for `watch`. */
  args?: readonly string[];
  world?: WorldOptions;
}

/**
 * Starts a world, an events queue and `aws2port watch` on it before the suite's tests, and stops
 * them after; `onStarted` receives them for the tests to use.
 */
export function useWatchedWorld(options: WatchedWorldOptions, onStarted: (started: WatchedWorld) => void): void {
  let world: World | undefined;
  let watch: WatchProcess | undefined;
  before(async () => {
    world = await startWorld(options.world);
    const queueUrl = world.aws.createQueue(options.queueName ?? 'events', { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds });
    watch = await startWatch(world, queueUrl, options.args ?? []);
    onStarted({ world, queueUrl, watch });
  });
  after(async () => {
    await watch?.stop();
    await world?.close();
  });
}
