/**
 * How close the source stage reads to the rate AWS allows. A generated Organization is served by the
 * AWS simulator, in a process of its own, with a call limit per (account, region) shared by every
 * Cloud Control operation (a token bucket, as a scheduler lane) and latency that is a real wait before
 * each answer. Reported per case: successful calls as a share of what the limits allowed over the
 * read, scopes lost (skipped), and the CPU time (user + system) of this process per Cloud Control
 * call: the SDK client, signing, the scheduler, the items' shaping and their mapping.
 *
 * Cases:
 * - `blocks`: 30 accounts x 4 regions, 4 calls/s, 40 ms, --parallelism 64; the same read once more
 *   with the scheduler reduced to Port's integration strategy (kind after kind, blocks of 10
 *   accounts, then 10 regions, 10 GetResource calls at a time, no pacing, botocore's retries).
 * - `scale`: 100 accounts x 4 regions, 5 calls/s, 150 ms +- 30%, default flags.
 * - `throttled`: the same with 30% of calls throttled at random, on top of the limit.
 * - `buckets`: 10 accounts x 4 regions, S3 buckets only (15 per region, read with GetResource),
 *   5 calls/s, 150 ms +- 30%: a first read (each bucket asked in one region of its account first),
 *   then a read that knows each bucket's region from the first. Reported: the busiest (account,
 *   region) lane's share of an account's bucket reads, and the seconds.
 *
 * `npm run bench source [CASE...]` (a few minutes). Size the scale cases with BENCH_ACCOUNTS,
 * BENCH_REGIONS, BENCH_PER_SCOPE.
 */
import type { ResourceConfig } from '../../src/config/types.js';
import { readEstate, type RegionHints, type ScanStrategy } from '../../src/aws/index.js';
import { compileMapper, loadJqEngine, type Mapper } from '../../src/mapping/index.js';
import { buildResource } from '../mapping/builders.js';
import type { AwsFaults } from '../simulators/aws/index.js';
import { startSimulatorProcess, type SimulatorProcess } from './simulator-process.js';

// The SDK warns that its 2027 releases will need Node 22; nothing here can act on it (the CLI does the same).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Six kinds; two are read again with GetResource, as the seed does for buckets and clusters. */
const KINDS: ReadonlyArray<readonly [string, boolean]> = [
  ['AWS::EC2::Instance', false],
  ['AWS::ECS::Cluster', true],
  ['AWS::Kinesis::Stream', true],
  ['AWS::Lambda::Function', false],
  ['AWS::RDS::DBInstance', false],
  ['AWS::SQS::Queue', false],
];

interface BenchCase {
  name: string;
  /** Kinds read, and whether with GetResource; default KINDS. */
  kinds?: ReadonlyArray<readonly [string, boolean]>;
  accounts: number;
  regions: number;
  perScope: number;
  /** Calls/s per (account, region), burst the same. */
  limit: number;
  latencyMs: number;
  latencyJitter: number;
  throttleShare: number;
  /** undefined: default flags. */
  parallelism?: number;
  strategies: ScanStrategy[];
  /** Share of the allowed rate the scheduler must reach. */
  target: number;
}

interface RunFigures {
  strategy: ScanStrategy;
  seconds: number;
  succeeded: number;
  throttled: number;
  allowed: number;
  scopes: number;
  lost: number;
  items: number;
  cpuMsPerCall: number;
  /** Cores kept busy over the read (CPU time per wall time): aws2port's process, and the simulator's. */
  cores: { aws2port: number; simulator: number };
}

const scaleAccounts = Number(process.env.BENCH_ACCOUNTS ?? 100);
const scaleRegions = Number(process.env.BENCH_REGIONS ?? 4);
const scalePerScope = Number(process.env.BENCH_PER_SCOPE ?? 12);
const CASES: BenchCase[] = [
  { name: 'blocks', accounts: 30, regions: 4, perScope: 12, limit: 4, latencyMs: 40, latencyJitter: 0, throttleShare: 0, parallelism: 64, strategies: ['interleaved', 'port-blocks'], target: 0.9 },
  { name: 'scale', accounts: scaleAccounts, regions: scaleRegions, perScope: scalePerScope, limit: 5, latencyMs: 150, latencyJitter: 0.3, throttleShare: 0, strategies: ['interleaved'], target: 0.9 },
  { name: 'throttled', accounts: scaleAccounts, regions: scaleRegions, perScope: scalePerScope, limit: 5, latencyMs: 150, latencyJitter: 0.3, throttleShare: 0.3, strategies: ['interleaved'], target: 0.85 },
];

/** The `buckets` case, measured apart: a first read, then one with the regions it found. */
const BUCKET_CASE: BenchCase = {
  name: 'buckets',
  kinds: [['AWS::S3::Bucket', true]],
  accounts: 10,
  regions: 4,
  perScope: 15,
  limit: 5,
  latencyMs: 150,
  latencyJitter: 0.3,
  throttleShare: 0,
  strategies: ['interleaved'],
  target: 0,
};

function resources(kinds: ReadonlyArray<readonly [string, boolean]> = KINDS): ResourceConfig[] {
  return kinds.map(([kind, useGetResource], index) => {
    const resource = buildResource({ kind, index });
    resource.selector.useGetResourceAPI = useGetResource;
    return resource;
  });
}

function startSimulator(benchCase: BenchCase): Promise<SimulatorProcess> {
  const faults: Partial<AwsFaults> = {
    throttle: { ratePerSecond: benchCase.limit, burst: benchCase.limit, per: 'region' },
    loadFaultServices: ['cloudcontrol'],
    latencyMs: benchCase.latencyMs,
    latencyJitter: benchCase.latencyJitter,
    throttleShare: benchCase.throttleShare,
  };
  const kinds = (benchCase.kinds ?? KINDS).map(([kind]) => kind);
  return startSimulatorProcess({ estate: { seed: 7, accounts: benchCase.accounts, regions: benchCase.regions, kinds, resourcesPerScope: benchCase.perScope }, faults });
}

async function run(benchCase: BenchCase, strategy: ScanStrategy, mappers: ReadonlyMap<string, Mapper>): Promise<RunFigures> {
  const sim = await startSimulator(benchCase);
  try {
    return await readOnce(sim, benchCase, strategy, mappers);
  } finally {
    await sim.close();
  }
}

/** One read of the simulated estate, measured. */
async function readOnce(sim: SimulatorProcess, benchCase: BenchCase, strategy: ScanStrategy, mappers: ReadonlyMap<string, Mapper>, regionHints?: RegionHints): Promise<RunFigures & { busiestBucketLane: number }> {
  Object.assign(process.env, sim.env);
  const regions = REGION_NAMES.slice(0, benchCase.regions);
  const cpuBefore = process.cpuUsage();
  const startedAt = Date.now();
  const read = await readEstate({ regions, accountReadRoleName: 'aws2portReadOnly', accountRoleArns: [] }, resources(benchCase.kinds), {
    ...(benchCase.parallelism === undefined ? {} : { parallelism: benchCase.parallelism }),
    log: () => {},
    tuning: { strategy },
    ...(regionHints ? { regionHints } : {}),
  });
  let items = 0;
  let lost = 0;
  let scopes = 0;
  for await (const event of read.events) {
    if (event.type === 'items') {
      items += event.items.length;
      mappers.get(event.scope.kind)!.mapBatch(event.items);
    } else {
      scopes++;
      if (event.type === 'scope-skipped') lost++;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  const endedAt = Date.now();
  const summary = await sim.summary();
  const seconds = (endedAt - summary.firstAt) / 1000;
  return {
    strategy,
    seconds,
    succeeded: summary.succeeded,
    throttled: summary.throttled,
    allowed: summary.lanes * (benchCase.limit * seconds + benchCase.limit),
    scopes,
    lost,
    items,
    cpuMsPerCall: (cpu.user + cpu.system) / 1000 / summary.calls,
    cores: { aws2port: (cpu.user + cpu.system) / 1000 / (endedAt - startedAt), simulator: summary.cpuMs / (endedAt - startedAt) },
    busiestBucketLane: summary.bucketGets.busiest,
  };
}

/** The `buckets` case: the busiest lane's share of an account's bucket reads, without and with known regions. */
async function runBucketCase(mappers: ReadonlyMap<string, Mapper>): Promise<void> {
  const c = BUCKET_CASE;
  process.stdout.write(
    `\n[buckets] ${c.accounts} accounts x ${c.regions} regions x ${c.perScope} S3 buckets, read with GetResource; limit ${c.limit} calls/s per account and region, ` +
      `${c.latencyMs} ms +- ${c.latencyJitter * 100}% latency, default flags\n`,
  );
  process.stdout.write(row(['read', 'seconds', 'calls ok', 'busiest lane', 'CPU ms/call']));
  const known = new Map<string, string>();
  const hints: RegionHints = {
    knownRegionOf: (kind, account, identifier) => known.get(`${kind} ${account} ${identifier}`),
    onRegionFound: (kind, account, identifier, region) => void known.set(`${kind} ${account} ${identifier}`, region),
  };
  const sim = await startSimulator(c);
  try {
    const bucketsPerAccount = c.regions * c.perScope;
    const seconds: number[] = [];
    for (const label of ['first read', 'regions known']) {
      const r = await readOnce(sim, c, 'interleaved', mappers, hints);
      seconds.push(r.seconds);
      process.stdout.write(row([label, r.seconds.toFixed(1), r.succeeded, `${((100 * r.busiestBucketLane) / bucketsPerAccount).toFixed(0)}%`, r.cpuMsPerCall.toFixed(3)]));
    }
    process.stdout.write(`the read that knows the buckets' regions takes ${(seconds[1]! / seconds[0]!).toFixed(2)}x the time of the first\n`);
  } finally {
    await sim.close();
  }
}

/** `0.4 + 0.9`: the cores aws2port's process and the simulator's kept busy. */
function coresOf(r: RunFigures): string {
  return `${r.cores.aws2port.toFixed(2)} + ${r.cores.simulator.toFixed(2)}`;
}

/** The generator's region names, in its order. */
const REGION_NAMES = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1', 'us-east-2', 'ap-northeast-1', 'eu-west-2'];

const filters = process.argv.slice(2);
const engine = await loadJqEngine();
const mappers = new Map([...resources(), ...resources(BUCKET_CASE.kinds)].map((r) => [r.kind, compileMapper(r, engine, { isStrict: false })]));
const row = (cells: ReadonlyArray<string | number>) => `${cells.map((c, i) => String(c).padStart(i === 0 ? 26 : 11)).join(' ')}\n`;
let isBelowTarget = false;
for (const benchCase of CASES.filter((c) => filters.length === 0 || filters.includes(c.name))) {
  process.stdout.write(
    `\n[${benchCase.name}] ${benchCase.accounts} accounts x ${benchCase.regions} regions x ${KINDS.length} kinds x ${benchCase.perScope} resources; ` +
      `limit ${benchCase.limit} calls/s (burst ${benchCase.limit}) per account and region, ${benchCase.latencyMs} ms` +
      `${benchCase.latencyJitter > 0 ? ` +- ${benchCase.latencyJitter * 100}%` : ''} latency` +
      `${benchCase.throttleShare > 0 ? `, ${benchCase.throttleShare * 100}% of calls throttled at random` : ''}, ` +
      `${benchCase.parallelism === undefined ? 'default flags' : `--parallelism ${benchCase.parallelism}`}\n`,
  );
  process.stdout.write(row(['strategy', 'seconds', 'calls ok', 'throttled', 'share', 'items', 'scopes lost', 'CPU ms/call', 'cores used']));
  const figures: RunFigures[] = [];
  for (const strategy of benchCase.strategies) {
    const r = await run(benchCase, strategy, mappers);
    figures.push(r);
    const label = r.strategy === 'interleaved' ? 'aws2port scheduler' : "Port's blocks of 10";
    process.stdout.write(row([label, r.seconds.toFixed(1), r.succeeded, r.throttled, `${((100 * r.succeeded) / r.allowed).toFixed(1)}%`, r.items, `${r.lost}/${r.scopes}`, r.cpuMsPerCall.toFixed(3), coresOf(r)]));
  }
  const ours = figures[0]!;
  const share = ours.succeeded / ours.allowed;
  const port = figures.find((f) => f.strategy === 'port-blocks');
  process.stdout.write(
    `${port ? `aws2port reads ${(port.seconds / ours.seconds).toFixed(1)}x faster than Port's strategy; ` : ''}` +
      `share of the allowed rate ${(100 * share).toFixed(1)}% (target >= ${benchCase.target * 100}%), ${ours.lost} scopes lost, ` +
      `${ours.cpuMsPerCall.toFixed(3)} ms CPU per call (target <= 0.5)\n`,
  );
  if (ours.lost > 0 || share < benchCase.target) isBelowTarget = true;
}
if (filters.length === 0 || filters.includes(BUCKET_CASE.name)) await runBucketCase(mappers);
if (isBelowTarget) process.exitCode = 1;
