/**
 * How close the source stage reads to the rate AWS allows. A generated Organization is served by the
 * AWS simulator with a call limit per (account, region) shared by every Cloud Control operation (a
 * token bucket) and a realistic latency. The same read runs twice, each against a fresh simulator:
 * with aws2port's scheduler, and with the scheduler reduced to Port's integration strategy (kind
 * after kind, blocks of 10 accounts, then 10 regions, 10 GetResource calls at a time, no pacing,
 * botocore's retries). Reported: successful calls as a share of what the limits allowed over the
 * read, scopes lost (skipped), and the ratio of the two reads' durations.
 *
 * `npm run bench source` (about a minute: ours ~12 s, Port's ~50 s). Size it with BENCH_ACCOUNTS,
 * BENCH_REGIONS, BENCH_PER_SCOPE, BENCH_LIMIT (calls/s per account and region), BENCH_LATENCY_MS and
 * BENCH_PARALLELISM. Simulator and client share this process's CPU: keep the allowed rate (accounts x
 * regions x limit) under about 500 calls/s, or the CPU, not the scheduler, sets the pace.
 */
import type { ResourceConfig } from '../../src/config/types.js';
import { readEstate, type ScanStrategy } from '../../src/aws/index.js';
import { buildResource } from '../mapping/builders.js';
import { generateEstate, startAwsSimulator, type Estate } from '../simulators/aws/index.js';

// The SDK warns that its 2027 releases will need Node 22; nothing here can act on it (the CLI does the same).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 30);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 4);
const PER_SCOPE = Number(process.env.BENCH_PER_SCOPE ?? 12);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 4);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40);
const PARALLELISM = Number(process.env.BENCH_PARALLELISM ?? 64);
/** Six kinds; two are read again with GetResource, as the seed does for buckets and clusters. */
const KINDS: ReadonlyArray<readonly [string, boolean]> = [
  ['AWS::EC2::Instance', false],
  ['AWS::ECS::Cluster', true],
  ['AWS::Kinesis::Stream', true],
  ['AWS::Lambda::Function', false],
  ['AWS::RDS::DBInstance', false],
  ['AWS::SQS::Queue', false],
];

interface RunFigures {
  strategy: ScanStrategy;
  seconds: number;
  succeeded: number;
  throttled: number;
  allowed: number;
  scopes: number;
  lost: number;
  items: number;
}

function resources(): ResourceConfig[] {
  return KINDS.map(([kind, useGetResource], index) => {
    const resource = buildResource({ kind, index });
    resource.selector.useGetResourceAPI = useGetResource;
    return resource;
  });
}

async function run(estate: Estate, strategy: ScanStrategy): Promise<RunFigures> {
  const sim = await startAwsSimulator({
    estate,
    faults: { throttle: { ratePerSecond: LIMIT, burst: LIMIT, per: 'region' }, loadFaultServices: ['cloudcontrol'], latencyMs: LATENCY_MS },
  });
  Object.assign(process.env, sim.env());
  try {
    const read = await readEstate({ regions: estate.regions, accountReadRoleName: 'aws2portReadOnly', accountRoleArns: [] }, resources(), {
      parallelism: PARALLELISM,
      log: () => {},
      tuning: { strategy },
    });
    let items = 0;
    let lost = 0;
    let scopes = 0;
    for await (const event of read.events) {
      if (event.type === 'items') items += event.items.length;
      else {
        scopes++;
        if (event.type === 'scope-skipped') lost++;
      }
    }
    const calls = sim.calls.filter((c) => c.service === 'cloudcontrol');
    const firstAt = Math.min(...calls.map((c) => c.at));
    const seconds = (Date.now() - firstAt) / 1000;
    const lanes = new Set(calls.map((c) => `${c.account}/${c.region}`)).size;
    return {
      strategy,
      seconds,
      succeeded: calls.filter((c) => c.status === 200).length,
      throttled: calls.filter((c) => c.errorCode === 'ThrottlingException').length,
      allowed: lanes * (LIMIT * seconds + LIMIT),
      scopes,
      lost,
      items,
    };
  } finally {
    await sim.close();
  }
}

const estate = generateEstate({ seed: 7, accounts: ACCOUNTS, regions: REGIONS, kinds: KINDS.map(([kind]) => kind), resourcesPerScope: PER_SCOPE });
process.stdout.write(
  `Organization of ${ACCOUNTS} accounts x ${REGIONS} regions x ${KINDS.length} kinds x ${PER_SCOPE} resources; ` +
    `limit ${LIMIT} calls/s (burst ${LIMIT}) per account and region, ${LATENCY_MS} ms latency, --parallelism ${PARALLELISM}\n\n`,
);
const ours = await run(estate, 'interleaved');
const port = await run(estate, 'port-blocks');
const row = (cells: ReadonlyArray<string | number>) => `${cells.map((c, i) => String(c).padStart(i === 0 ? 26 : 11)).join(' ')}\n`;
process.stdout.write(row(['strategy', 'seconds', 'calls ok', 'throttled', 'share', 'items', 'scopes lost']));
for (const r of [ours, port]) {
  const label = r.strategy === 'interleaved' ? 'aws2port scheduler' : "Port's blocks of 10";
  process.stdout.write(row([label, r.seconds.toFixed(1), r.succeeded, r.throttled, `${((100 * r.succeeded) / r.allowed).toFixed(1)}%`, r.items, `${r.lost}/${r.scopes}`]));
}
process.stdout.write(`\naws2port reads ${(port.seconds / ours.seconds).toFixed(1)}x faster than Port's strategy; its share of the allowed rate is ${((100 * ours.succeeded) / ours.allowed).toFixed(1)}% (target >= 90%), with ${ours.lost} scopes lost to throttling.\n`);
if (ours.lost > 0 || ours.succeeded / ours.allowed < 0.9) process.exitCode = 1;
