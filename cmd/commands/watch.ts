import { portConnectionFromEnv } from '../../src/port/index.js';
import { BlueprintCachingPortClient, makeWatchLogger, startMetricsServer, Watcher, WatchMetrics } from '../../src/watch/index.js';
import { acquireStateLock, type HeldLock, type StateStore } from '../../state/index.js';
import type { Args } from '../arguments.js';
import { compilePlannedMappers } from '../compile-planned-mappers.js';
import { loadConfigOrThrow, loadConfiguredBlueprints } from '../load-config-or-throw.js';
import { withNamedInstallation } from '../named-installation.js';
import { openTargetedStore } from '../open-store.js';
import type { Output } from '../output.js';
import { checkStoreInstallation, portWriterOf } from '../port-writer-of.js';

type WatchArgs = Extract<Args, { command: 'watch' }>;

/**
 * After watch has stopped, what is still running (a resync abandoned mid-read) must not keep the
 * process alive past this many ms: the spec's "exit 0 within a few seconds".
 */
const EXIT_GRACE_MS = 1000;

/**
 * `aws2port watch`: holds the state lock, serves metrics, and runs the watcher until SIGINT or
 * SIGTERM, then finishes the batch in hand and exits 0. A second signal exits at once (1).
 */
export async function runWatch(args: WatchArgs, output: Output): Promise<number> {
  const stopSignal = firstStopSignal();
  const config = await withNamedInstallation(loadConfigOrThrow(args, output), args);
  const blueprints = loadConfiguredBlueprints(config);
  const connection = portConnectionFromEnv(process.env, args.parallelism, portWriterOf(config, args));
  const mappers = await compilePlannedMappers(config, args);
  const log = makeWatchLogger({ write: (line) => process.stderr.write(line), isJson: args.json || !output.isStderrTty, isDebug: args.isDebug, isQuiet: args.isQuiet });
  const metrics = new WatchMetrics();
  let watcher: Watcher | undefined;
  // The metrics port is an argument too: a port in use fails here, before the state is opened.
  const server = args.metricsPort === undefined ? undefined : await startMetricsServer(args.metricsPort, () => metrics.registry.render(), () => watcher?.health() ?? { isHealthy: true, detail: { starting: true } });
  let store: StateStore | undefined;
  let lock: HeldLock | undefined;
  let port: BlueprintCachingPortClient | undefined;
  try {
    store = openTargetedStore(args, config, 'create');
    lock = acquireStateLock(store.db, 'watch');
    checkStoreInstallation(store, config, args, true);
    port = new BlueprintCachingPortClient(connection);
    if (server) log.log('info', 'metrics_listening', `serving /metrics and /healthz on port ${server.port}`, { port: server.port });
    watcher = await Watcher.start({
      config,
      mappers,
      queueUrl: args.queueUrl,
      store,
      port,
      targets: args.targets,
      parallelism: args.parallelism,
      maxReceives: args.maxReceives,
      resyncIntervalMs: args.resyncIntervalMs,
      isStrict: args.isStrict,
      ...(args.shard ? { shard: args.shard } : {}),
      ...(blueprints ? { blueprints } : {}),
      log,
      metrics,
    });
    await watcher.stop(await stopSignal);
    return 0;
  } finally {
    await server?.close();
    lock?.release();
    store?.db.close();
    await port?.close();
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  }
}

/** The name of the first SIGINT or SIGTERM; any later one exits at once. */
function firstStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    let isStopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (isStopping) {
        process.stderr.write(`${signal} again: exiting now; messages in hand come back from the queue.\n`);
        process.exit(1);
      }
      isStopping = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
