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
 *
 * `npm run bench source [CASE...]` (a few minutes). Size the scale cases with BENCH_ACCOUNTS,
 * BENCH_REGIONS, BENCH_PER_SCOPE.
 */
import type { ResourceConfig } from '../../src/config/types.js';
import { readEstate, type ScanStrategy } from '../../src/aws/index.js';
import { compileMapper, loadJqEngine, type Mapper } from '../../src/mapping/index.js';
import { buildResource } from '../mapping/builders.js';
import type { AwsFaults } from '../simulators/aws/index.js';
import { startSimulatorProcess } from './simulator-process.js';

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
}

const scaleAccounts = Number(process.env.BENCH_ACCOUNTS ?? 100);
const scaleRegions = Number(process.env.BENCH_REGIONS ?? 4);
const scalePerScope = Number(process.env.BENCH_PER_SCOPE ?? 12);
const CASES: BenchCase[] = [
  { name: 'blocks', accounts: 30, regions: 4, perScope: 12, limit: 4, latencyMs: 40, latencyJitter: 0, throttleShare: 0, parallelism: 64, strategies: ['interleaved', 'port-blocks'], target: 0.9 },
  { name: 'scale', accounts: scaleAccounts, regions: scaleRegions, perScope: scalePerScope, limit: 5, latencyMs: 150, latencyJitter: 0.3, throttleShare: 0, strategies: ['interleaved'], target: 0.9 },
  { name: 'throttled', accounts: scaleAccounts, regions: scaleRegions, perScope: scalePerScope, limit: 5, latencyMs: 150, latencyJitter: 0.3, throttleShare: 0.3, strategies: ['interleaved'], target: 0.85 },
];

function resources(): ResourceConfig[] {
  return KINDS.map(([kind, useGetResource], index) => {
    const resource = buildResource({ kind, index });
    resource.selector.useGetResourceAPI = useGetResource;
    return resource;
  });
}

async function run(benchCase: BenchCase, strategy: ScanStrategy, mappers: ReadonlyMap<string, Mapper>): Promise<RunFigures> {
  const faults: Partial<AwsFaults> = {
    throttle: { ratePerSecond: benchCase.limit, burst: benchCase.limit, per: 'region' },
    loadFaultServices: ['cloudcontrol'],
    latencyMs: benchCase.latencyMs,
    latencyJitter: benchCase.latencyJitter,
    throttleShare: benchCase.throttleShare,
  };
  const estate = { seed: 7, accounts: benchCase.accounts, regions: benchCase.regions, kinds: KINDS.map(([kind]) => kind), resourcesPerScope: benchCase.perScope };
  const sim = await startSimulatorProcess({ estate, faults });
  Object.assign(process.env, sim.env);
  try {
    const regions = REGION_NAMES.slice(0, benchCase.regions);
    const cpuBefore = process.cpuUsage();
    const read = await readEstate({ regions, accountReadRoleName: 'aws2portReadOnly', accountRoleArns: [] }, resources(), {
      ...(benchCase.parallelism === undefined ? {} : { parallelism: benchCase.parallelism }),
      log: () => {},
      tuning: { strategy },
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
    };
  } finally {
    await sim.close();
  }
}

/** The generator's region names, in its order. */
const REGION_NAMES = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2', 'eu-central-1', 'us-east-2', 'ap-northeast-1', 'eu-west-2'];

const filters = process.argv.slice(2);
const engine = await loadJqEngine();
const mappers = new Map(resources().map((r) => [r.kind, compileMapper(r, engine, { isStrict: false })]));
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
  process.stdout.write(row(['strategy', 'seconds', 'calls ok', 'throttled', 'share', 'items', 'scopes lost', 'CPU ms/call']));
  const figures: RunFigures[] = [];
  for (const strategy of benchCase.strategies) {
    const r = await run(benchCase, strategy, mappers);
    figures.push(r);
    const label = r.strategy === 'interleaved' ? 'aws2port scheduler' : "Port's blocks of 10";
    process.stdout.write(row([label, r.seconds.toFixed(1), r.succeeded, r.throttled, `${((100 * r.succeeded) / r.allowed).toFixed(1)}%`, r.items, `${r.lost}/${r.scopes}`, r.cpuMsPerCall.toFixed(3)]));
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
if (isBelowTarget) process.exitCode = 1;
