/**
 * What listing child kinds costs in calls. An estate of 1,000 children of each of three kinds, under
 * parents of different fan-out: EKS node groups (10 per cluster), load balancer listeners (4 per load
 * balancer) and listener rules (a chain: rules under listeners under load balancers, 2 per listener).
 * ECS services (which list on their own) stand beside them as the baseline a listing with no parent
 * costs. Each kind is read alone against a fresh simulator answering in BENCH_LATENCY_MS; reported: the
 * ListResources calls of the parents and of the children, and the time. A parent whose children fit
 * one page costs one call: the parent listing is the overhead.
 *
 * `npm run bench -- child-kinds` (about 20 s). BENCH_ACCOUNTS, BENCH_REGIONS and BENCH_LATENCY_MS size it.
 */
import type { ResourceConfig } from '../../src/config/types.js';
import { readEstate } from '../../src/aws/index.js';
import { buildResource } from '../mapping/builders.js';
import { startAwsSimulator, type Estate, type EstateResource } from '../simulators/aws/index.js';

// The SDK warns that its 2027 releases will need Node 22; nothing here can act on it (the CLI does the same).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 5);
const REGIONS = Number(process.env.BENCH_REGIONS ?? 2);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const CHILDREN = 1000;
/** Resources per Cloud Control page, as AWS pages them for most types. */
const PAGE_SIZE = 100;

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => String(100000000000 + i));
const regionNames = ['us-east-1', 'eu-west-1', 'ap-south-1', 'us-west-2'].slice(0, REGIONS);
const scopes = accountIds.flatMap((account) => regionNames.map((region) => ({ account, region })));

/** `count` items spread over the scopes, each made by `make(n, scope)`. */
function spread(count: number, make: (n: number, scope: { account: string; region: string }) => EstateResource[]): EstateResource[] {
  return Array.from({ length: count }, (_, n) => make(n, scopes[n % scopes.length]!)).flat();
}

interface Case {
  kind: string;
  parents: string;
  resources: EstateResource[];
}

const at = (scope: { account: string; region: string }) => ({ account: scope.account, region: scope.region });
const lbArn = (s: { account: string; region: string }, n: number) => `arn:aws:elasticloadbalancing:${s.region}:${s.account}:loadbalancer/app/lb-${n}/${n}`;
const listenerArn = (s: { account: string; region: string }, n: number, l: number) => `${lbArn(s, n).replace(':loadbalancer/', ':listener/')}/${l}`;

const CASES: Case[] = [
  {
    kind: 'AWS::ECS::Service',
    parents: 'none (lists alone)',
    resources: spread(CHILDREN, (n, s) => [{ type: 'AWS::ECS::Service', ...at(s), identifier: `arn:svc/${n}|c`, properties: { ServiceArn: `arn:svc/${n}`, Cluster: 'c' } }]),
  },
  {
    kind: 'AWS::EKS::Nodegroup',
    parents: 'AWS::EKS::Cluster (10 each)',
    resources: spread(CHILDREN / 10, (n, s) => [
      { type: 'AWS::EKS::Cluster', ...at(s), identifier: `k8s-${n}`, properties: { Name: `k8s-${n}` } },
      ...Array.from({ length: 10 }, (_, g): EstateResource => ({ type: 'AWS::EKS::Nodegroup', ...at(s), identifier: `k8s-${n}/ng-${g}`, properties: { ClusterName: `k8s-${n}` } })),
    ]),
  },
  {
    kind: 'AWS::ElasticLoadBalancingV2::Listener',
    parents: 'LoadBalancer (4 each)',
    resources: spread(CHILDREN / 4, (n, s) => [
      { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', ...at(s), identifier: lbArn(s, n), properties: { LoadBalancerArn: lbArn(s, n) } },
      ...Array.from({ length: 4 }, (_, l): EstateResource => ({ type: 'AWS::ElasticLoadBalancingV2::Listener', ...at(s), identifier: listenerArn(s, n, l), properties: { LoadBalancerArn: lbArn(s, n) } })),
    ]),
  },
  {
    kind: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    parents: 'Listener < LoadBalancer (2 each)',
    resources: spread(CHILDREN / 4, (n, s) => [
      { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', ...at(s), identifier: lbArn(s, n), properties: { LoadBalancerArn: lbArn(s, n) } },
      ...[0, 1].flatMap((l): EstateResource[] => [
        { type: 'AWS::ElasticLoadBalancingV2::Listener', ...at(s), identifier: listenerArn(s, n, l), properties: { LoadBalancerArn: lbArn(s, n) } },
        ...[0, 1].map((r): EstateResource => ({ type: 'AWS::ElasticLoadBalancingV2::ListenerRule', ...at(s), identifier: `${listenerArn(s, n, l)}/rule-${r}`, properties: { ListenerArn: listenerArn(s, n, l) } })),
      ]),
    ]),
  },
];

interface Figures {
  parentCalls: number;
  childCalls: number;
  items: number;
  skipped: number;
  seconds: number;
}

async function run(testCase: Case): Promise<Figures> {
  const accounts = accountIds.map((Id) => ({ Id, Name: Id, Email: `${Id}@example.com`, State: 'ACTIVE', JoinedMethod: 'CREATED', JoinedTimestamp: 1700000000 }));
  const estate: Estate = { organization: { id: 'o-bench', managementAccountId: accountIds[0]! }, accounts, regions: regionNames, resources: testCase.resources };
  const sim = await startAwsSimulator({ estate, pageSize: PAGE_SIZE, faults: { latencyMs: LATENCY_MS } });
  Object.assign(process.env, sim.env());
  try {
    const started = Date.now();
    const resource: ResourceConfig = buildResource({ kind: testCase.kind, index: 0 });
    const read = await readEstate({ regions: regionNames, accountReadRoleName: 'aws2portReadOnly', accountRoleArns: [] }, [resource], { parallelism: 64, log: () => {} });
    let items = 0;
    let skipped = 0;
    for await (const event of read.events) {
      if (event.type === 'items') items += event.items.length;
      if (event.type === 'scope-skipped') skipped++;
    }
    const lists = sim.calls.filter((c) => c.operation === 'ListResources');
    const childCalls = lists.filter((c) => c.typeName === testCase.kind).length;
    return { parentCalls: lists.length - childCalls, childCalls, items, skipped, seconds: (Date.now() - started) / 1000 };
  } finally {
    await sim.close();
  }
}

process.stdout.write(`${CHILDREN} children of each kind over ${ACCOUNTS} accounts x ${REGIONS} regions, ${PAGE_SIZE} per page, ${LATENCY_MS} ms per call\n\n`);
const row = (cells: ReadonlyArray<string | number>) => `${cells.map((c, i) => String(c).padStart(i < 2 ? 42 - i * 8 : 12)).join(' ')}\n`;
process.stdout.write(row(['kind', 'parents', 'parent lists', 'child lists', 'items', 'skipped', 'seconds']));
for (const testCase of CASES) {
  const figures = await run(testCase);
  process.stdout.write(row([testCase.kind, testCase.parents, figures.parentCalls, figures.childCalls, figures.items, figures.skipped, figures.seconds.toFixed(1)]));
  if (figures.skipped > 0 || figures.items !== CHILDREN) process.exitCode = 1;
}
