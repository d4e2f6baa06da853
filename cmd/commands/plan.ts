import { planHasChanges, renderPlanText, savePlanFile, writePlanJson } from '../../src/plan/index.js';
import type { Args } from '../arguments.js';
import { PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { compilePlannedMappers } from '../compile-planned-mappers.js';
import { loadConfigOrThrow, loadConfiguredBlueprints } from '../load-config-or-throw.js';
import { withNamedInstallation } from '../named-installation.js';
import { openTargetedStore } from '../open-store.js';
import type { Output } from '../output.js';
import { checkStoreInstallation, portWriterOf } from '../port-writer-of.js';
import { planWithProgress } from '../plan-with-progress.js';
import { discardCreatedState, rebuildMissingState, stateFileBefore } from '../rebuild-missing-state.js';
import { acquireStateLock } from '../../state/index.js';

/**
 * `aws2port plan`: exit 0, or 2 with --detailed-exitcode when there are changes. Without a state file
 * it plans against a state rebuilt from Port (see rebuildMissingState), held in memory: it creates no file, unless --out saves a plan, which must name the state
 * it applies to.
 */
export async function runPlan(args: Extract<Args, { command: 'plan' }>, output: Output): Promise<number> {
  const config = await withNamedInstallation(loadConfigOrThrow(args, output), args);
  const definitions = loadConfiguredBlueprints(config);
  const before = stateFileBefore(args);
  // Port is read for the blueprints file, to rebuild a missing state, and to leave out changes to
  // entities another writer owns: without credentials, plan reads AWS alone and cannot check ownership.
  const hasPortCredentials = Boolean(process.env.PORT_CLIENT_ID && process.env.PORT_CLIENT_SECRET);
  const writer = portWriterOf(config, args);
  const connection = definitions || hasPortCredentials || before.isMissing ? portConnectionFromEnv(process.env, args.parallelism, writer) : undefined;
  const mappers = await compilePlannedMappers(config, args);
  const store = openTargetedStore(args, config, args.out ? 'create' : 'empty');
  const port = connection ? new PortClient(connection) : undefined;
  let isRebuildFailed = false;
  try {
    checkStoreInstallation(store, config, args, false);
    if (port && before.isMissing) {
      // A state rebuilt into a file (--out) is written under its lock; without --out it lives in memory.
      const lock = args.out ? acquireStateLock(store.db, 'plan') : undefined;
      await rebuildMissingState(store, config, args, port, output)
        .catch((error: unknown) => {
          isRebuildFailed = true;
          throw error;
        })
        .finally(() => lock?.release());
    }
    if (!port) output.log('Port credentials are not set: changes to entities another writer owns in Port are not looked for.');
    const plan = await planWithProgress(args, config, mappers, store, output, port ? { port, writer } : undefined, definitions && port ? { definitions, port } : undefined);
    if (args.out) await savePlanFile(args.out, plan);
    if (args.json) await writePlanJson(plan, output.stdout);
    else await renderPlanText(plan, output.stdout, output.style);
    if (args.out && !args.json) output.log(`\nSaved the plan to: ${args.out}\nTo perform exactly these actions, run: aws2port apply ${args.out}`);
    plan.changes.close();
    return args.isDetailedExitcode && planHasChanges(plan.header) ? 2 : 0;
  } finally {
    store.db.close();
    await port?.close();
    if (isRebuildFailed && args.out) discardCreatedState(before);
  }
}
