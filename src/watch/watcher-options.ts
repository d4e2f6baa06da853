import type { BlueprintDefinition, ResolvedConfig } from '../config/index.js';
import type { Mapper } from '../mapping/index.js';
import type { PortWriter } from '../port/index.js';
import type { StateStore } from '../../state/index.js';
import type { BlueprintCachingPortClient } from './blueprint-caching-port-client.js';
import type { WatchLogger } from './watch-logger.js';
import type { WatchMetrics } from './watch-metrics.js';

/** Everything a watcher needs; the command builds it from flags and environment. */
export interface WatcherOptions {
  config: ResolvedConfig;
  /** The compiled mapping of every resource config `targets` keeps (compileMappers). */
  mappers: readonly Mapper[];
  queueUrl: string;
  /**
   * The state connection that holds the lock. Full resyncs and incremental cycles plan and apply on
   * it, each plan in temporary tables of its own.
   */
  store: StateStore;
  port: BlueprintCachingPortClient;
  /** --target kinds; empty for all. */
  targets: readonly string[];
  /** The user's cap on AWS calls, and Port requests, in flight at once; undefined: the host's default. */
  parallelism?: number;
  /** A message received more than this many times is logged with its body and deleted. */
  maxReceives: number;
  /** Full plan+apply every this many ms (with jitter); 0: only at start. */
  resyncIntervalMs: number;
  /** `--strict`: a jq error in a mapped field skips the item instead of nulling the field. */
  isStrict?: boolean;
  shard?: { index: number; count: number };
  /** The config's blueprints file, when it names one. */
  blueprints?: readonly BlueprintDefinition[];
  log: WatchLogger;
  metrics: WatchMetrics;
  env?: NodeJS.ProcessEnv;
  random?: () => number;
  /** Coalescing window, ms (default COALESCE_WINDOW_MS). */
  coalesceWindowMs?: number;
}

/** The installation and shard every Port write of this watcher names. */
export function watchWriter(options: Pick<WatcherOptions, 'config' | 'shard'>): PortWriter {
  return { ...(options.config.installationId !== undefined ? { installationId: options.config.installationId } : {}), ...(options.shard ? { shard: options.shard } : {}) };
}
