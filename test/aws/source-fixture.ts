import type { AwsSettings, RegionPolicy, ResourceConfig } from '../../src/config/types.js';
import { readEstate, type EstateRead, type RawItem, type ReadEstateOptions, type ScanProgress } from '../../src/aws/index.js';
import { buildResource } from '../mapping/builders.js';
import { generateEstate, startAwsSimulator, type AwsSimulator, type AwsSimulatorOptions, type Estate } from '../simulators/aws/index.js';
import { scopeKey, type Scope } from '../../src/model/index.js';

/** The kinds the source tests read: a global one, a listed one, and one read again with GetResource. */
export const S3 = 'AWS::S3::Bucket';
export const EC2 = 'AWS::EC2::Instance';
export const ECS = 'AWS::ECS::Cluster';

/** A resource config of `kind` as the loader resolves it. */
export function resourceOf(kind: string, options: { useGetResource?: boolean; regionPolicy?: RegionPolicy; index?: number } = {}): ResourceConfig {
  const resource = buildResource({ kind, index: options.index ?? 0 });
  resource.selector.useGetResourceAPI = options.useGetResource ?? false;
  if (options.regionPolicy) resource.selector.regionPolicy = options.regionPolicy;
  return resource;
}

/** The seed's kinds as the seed reads them: S3 and ECS with GetResource, EC2 from the listing. */
export function seedLikeResources(): ResourceConfig[] {
  return [resourceOf(S3, { useGetResource: true, index: 0 }), resourceOf(EC2, { index: 1 }), resourceOf(ECS, { useGetResource: true, index: 2 })];
}

/** `aws:` settings with defaults. */
export function awsSettings(overrides: Partial<AwsSettings> = {}): AwsSettings {
  return { regions: [], accountReadRoleName: 'aws2portReadOnly', accountRoleArns: [], ...overrides };
}

/** A seeded Organization of `accounts` accounts in `regions` regions with `perScope` resources of each seed kind per account and region. */
export function organization(accounts: number, regions: number | string[], perScope: number, seed = 3): Estate {
  return generateEstate({ seed, accounts, regions, kinds: [S3, EC2, ECS], resourcesPerScope: perScope });
}

/** A simulator, and this process's AWS environment pointed at it (restored by `close`). */
export interface SourceWorld {
  sim: AwsSimulator;
  /** Reads the estate with these settings and drains the events. */
  read(settings: AwsSettings, resources: readonly ResourceConfig[], options?: Partial<ReadEstateOptions>): Promise<ReadOutcome>;
  close(): Promise<void>;
}

/** Everything a read produced, drained. */
export interface ReadOutcome {
  read: EstateRead;
  items: RawItem[];
  /** scopeKey of every scope that ended complete. */
  complete: Set<string>;
  /** Reason per scopeKey of every scope skipped, before reading or while reading. */
  skipped: Map<string, string>;
  /** `scopeKey identifier` of every listed item that could not be read, and why. */
  unread: Map<string, string>;
  progress: ScanProgress[];
  logs: string[];
}

const AWS_ENVIRONMENT = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_EC2_METADATA_DISABLED', 'AWS_PROFILE'];

/** Starts a simulator and points the SDK's default chain of this process at it, as the CLI's environment would. */
export async function startSourceWorld(options: AwsSimulatorOptions & { account?: string; region?: string }): Promise<SourceWorld> {
  const sim = await startAwsSimulator(options);
  const saved = Object.fromEntries(AWS_ENVIRONMENT.map((name) => [name, process.env[name]]));
  for (const name of AWS_ENVIRONMENT) delete process.env[name];
  Object.assign(process.env, sim.env(options.account, options.region));
  return {
    sim,
    async read(settings, resources, readOptions = {}) {
      const logs: string[] = [];
      const progress: ScanProgress[] = [];
      const read = await readEstate(settings, resources, { parallelism: 16, log: (line) => logs.push(line), onProgress: (p) => progress.push(p), ...readOptions });
      const items: RawItem[] = [];
      const complete = new Set<string>();
      const skipped = new Map(read.skipped.map(({ scope, error }) => [scopeKey(scope), error]));
      const unread = new Map<string, string>();
      for await (const event of read.events) {
        if (event.type === 'items') items.push(...event.items);
        else if (event.type === 'scope-complete') complete.add(scopeKey(event.scope));
        else if (event.type === 'item-unread') unread.set(`${scopeKey(event.scope)} ${event.identifier}`, event.error);
        else skipped.set(scopeKey(event.scope), event.error);
      }
      return { read, items, complete, skipped, unread, progress, logs };
    },
    async close() {
      await sim.close();
      for (const name of AWS_ENVIRONMENT) delete process.env[name];
      for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    },
  };
}

/** `Kind account region` keys, sorted, for readable assertions. */
export function scopeNames(keys: Iterable<string>): string[] {
  return [...keys].map((key) => key.split('\u0000').join(' ')).sort();
}

/** The key of a scope. */
export function keyOf(kind: string, account: string, region: string): string {
  return scopeKey({ kind, account, region } satisfies Scope);
}

/** `Kind account region identifier` of every item, sorted: what a read found, comparable across reads. */
export function itemNames(items: readonly RawItem[]): string[] {
  return items.map((i) => `${i.__Kind} ${i.__AccountId} ${i.__Region} ${i.Identifier ?? i.Id}`).sort();
}
