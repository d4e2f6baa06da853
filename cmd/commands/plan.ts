import { planHasChanges, renderPlanText, savePlanFile, writePlanJson } from '../../src/plan/index.js';
import type { Args } from '../arguments.js';
import { PortClient, portConnectionFromEnv } from '../../src/port/index.js';
import { compilePlannedMappers } from '../compile-planned-mappers.js';
import { loadConfigOrThrow, loadConfiguredBlueprints } from '../load-config-or-throw.js';
import { openTargetedStore } from '../open-store.js';
import type { Output } from '../output.js';
import { checkStoreInstallation, portWriterOf } from '../port-writer-of.js';
import { planWithProgress } from '../plan-with-progress.js';

/**
 * `aws2port plan`: exit 0, or 2 with --detailed-exitcode when there are changes. Without a state file
 * it plans against an empty state and creates none, unless --out saves a plan, which must name the
 * state it applies to.
 */
export async function runPlan(args: Extract<Args, { command: 'plan' }>, output: Output): Promise<number> {
  const config = loadConfigOrThrow(args, output);
  const definitions = loadConfiguredBlueprints(config);
  // Port is read for the blueprints file, and to leave out changes to entities another writer owns:
  // without credentials and blueprints file, plan reads AWS alone and cannot check ownership.
  const hasPortCredentials = Boolean(process.env.PORT_CLIENT_ID && process.env.PORT_CLIENT_SECRET);
  const writer = portWriterOf(config, args);
  const connection = definitions || hasPortCredentials ? portConnectionFromEnv(process.env, args.parallelism, writer) : undefined;
  const mappers = await compilePlannedMappers(config, args);
  const store = openTargetedStore(args, config, args.out ? 'create' : 'empty');
  const port = connection ? new PortClient(connection) : undefined;
  try {
    checkStoreInstallation(store, config, args, false);
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
  }
}
