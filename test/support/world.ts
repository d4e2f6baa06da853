import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startAwsSimulator, type AwsSimulator, type Estate } from '../simulators/aws/index.js';
import { loadExampleBlueprints, startPortSimulator, type Blueprint, type PortSimulator } from '../simulators/port/index.js';
import { runCli, type CliRun } from './run-cli.js';

/** The repository's examples folder (from dist/test/support). */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The seed's default mapping, verbatim. */
export const SEED_CONFIG_TEXT = readFileSync(join(EXAMPLES_DIR, 'port-app-config.yml'), 'utf8');

/** The demo estate: 2 accounts, 2 regions read (plus one bucket elsewhere), the seed's four kinds. */
export function demoEstate(): Estate {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, 'demo', 'estate.json'), 'utf8')) as Estate;
}

/** Simulated AWS and Port, a working folder with a config, and the CLI pointed at them. */
export interface World {
  aws: AwsSimulator;
  port: PortSimulator;
  dir: string;
  configFile: string;
  env: Record<string, string>;
  /** Runs the CLI in the working folder with the world's environment. */
  run(args: readonly string[], input?: string): Promise<CliRun>;
  /** Runs the CLI and kills it with SIGKILL after `ms`. */
  runKilledAfter(args: readonly string[], ms: number): Promise<CliRun>;
  /** Runs the CLI and kills it with SIGKILL as soon as `condition` holds. */
  runKilledWhen(args: readonly string[], condition: () => boolean): Promise<CliRun>;
  close(): Promise<void>;
}

export interface WorldOptions {
  estate?: Estate;
  /** The config text; default: the seed mapping with `aws.regions: [us-east-1, eu-west-1]`. */
  configText?: string;
  /** Extra environment for the CLI. */
  env?: Record<string, string>;
  /** Blueprints Port starts with; default Port's `awsAccount` and `cloudResource`. */
  portBlueprints?: Blueprint[];
  /** AWS simulator page size (default the simulator's, 5). */
  pageSize?: number;
}

/** The seed's mapping, unchanged, reading two regions. */
export function seedConfigWithRegions(regions: readonly string[] = ['us-east-1', 'eu-west-1']): string {
  return `aws:\n  regions: [${regions.join(', ')}]\n${SEED_CONFIG_TEXT}`;
}

/** Starts both simulators (with the default blueprints in Port) and a working folder. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const aws = await startAwsSimulator({ estate: options.estate ?? demoEstate(), ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
  const port = await startPortSimulator({ blueprints: options.portBlueprints ?? loadExampleBlueprints() });
  const dir = mkdtempSync(join(tmpdir(), 'aws2port-e2e-'));
  const configFile = join(dir, 'aws2port.yml');
  writeFileSync(configFile, options.configText ?? seedConfigWithRegions());
  const env = { ...aws.env(), ...port.env(), AWS2PORT_CONFIG: configFile, AWS2PORT_STATE: join(dir, 'state.db'), ...options.env };
  return {
    aws,
    port,
    dir,
    configFile,
    env,
    run: (args, input) => runCli(args, { cwd: dir, env, ...(input === undefined ? {} : { input }) }),
    runKilledAfter: (args, ms) => runCli(args, { cwd: dir, env, killAfterMs: ms }),
    runKilledWhen: (args, condition) => runCli(args, { cwd: dir, env, killWhen: condition }),
    close: async () => {
      await Promise.all([aws.close(), port.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes an entity to Port as another tool would (not through aws2port): Port records `userAgent` as its
 * `$datasource`. Related entities that do not exist yet are made.
 */
export async function writeToPortDirectly(world: Pick<World, 'port' | 'env'>, blueprint: string, entity: Record<string, unknown>, userAgent = 'another-tool/1.0'): Promise<void> {
  const token = await request(`${world.port.url}/v1/auth/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: world.env.PORT_CLIENT_ID, clientSecret: world.env.PORT_CLIENT_SECRET }),
  }).then((r) => r.body.json() as Promise<{ accessToken: string }>);
  const answer = await request(`${world.port.url}/v1/blueprints/${blueprint}/entities?upsert=true&create_missing_related_entities=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}`, 'user-agent': userAgent },
    body: JSON.stringify(entity),
  });
  await answer.body.text();
  if (answer.statusCode >= 300) throw new Error(`Port refused the direct write: ${answer.statusCode}`);
}
