import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAwsSimulator, type AwsSimulator } from '../simulators/aws/index.js';
import { generateEstate } from '../simulators/aws/generate-estate.js';
import { loadExampleBlueprints, startPortSimulator, type PortSimulator } from '../simulators/port/index.js';
import { runCli } from '../support/run-cli.js';
import { SCALE_KINDS, scaleConfigText } from './scale-config.js';

/**
 * Plan and apply at scale: generated estates of 10k, 100k and 1M resources, simulators
 * without latency. For each: wall time and peak RSS of a first plan (saved), the apply of that plan,
 * and an unchanged re-plan, with growth ratios; then the apply throughput against the ceiling of a
 * Port rate limit. `BENCH_SIZES=10000,100000` picks sizes.
 */
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2'];
const PRELOAD = fileURLToPath(new URL('./report-peak-rss.js', import.meta.url));

interface Measure {
  seconds: number;
  peakMiB: number;
}

async function measure(dir: string, env: Record<string, string>, args: string[], expectedCodes: number[]): Promise<Measure> {
  const rssFile = join(dir, 'rss');
  const started = process.hrtime.bigint();
  const run = await runCli(args, { cwd: dir, env: { ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--import=${PRELOAD}` }, isStdoutDiscarded: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!expectedCodes.includes(run.code)) throw new Error(`aws2port ${args.join(' ')} exited ${run.code}: ${run.stderr.slice(-2000)}`);
  return { seconds, peakMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

async function startSimulators(total: number): Promise<{ aws: AwsSimulator; port: PortSimulator; env: Record<string, string> }> {
  const accounts = Math.max(2, Math.round(total / 25_000));
  const resourcesPerScope = Math.round(total / (accounts * REGIONS.length * SCALE_KINDS.length));
  const estate = generateEstate({ seed: 42, accounts, regions: REGIONS, kinds: SCALE_KINDS, resourcesPerScope });
  const aws = await startAwsSimulator({ estate, pageSize: 100, emptyPageEvery: 0 });
  const port = await startPortSimulator({ blueprints: loadExampleBlueprints() });
  return { aws, port, env: { ...aws.env(), ...port.env() } };
}

const rows: Array<{ size: number; plan: Measure; apply: Measure; replan: Measure; entities: number }> = [];
for (const size of SIZES) {
  const dir = mkdtempSync(join(tmpdir(), 'aws2port-bench-'));
  const { aws, port, env } = await startSimulators(size);
  try {
    writeFileSync(join(dir, 'aws2port.yml'), scaleConfigText(REGIONS));
    const base = { ...env, AWS2PORT_CONFIG: join(dir, 'aws2port.yml'), AWS2PORT_STATE: join(dir, 'state.db') };
    process.stdout.write(`${size} resources (${aws.estate.resources.length} generated): planning...\n`);
    const plan = await measure(dir, base, ['plan', '--out', 'first.plan', '--quiet', '--json'], [0]);
    process.stdout.write(`  applying...\n`);
    const apply = await measure(dir, base, ['apply', 'first.plan', '--quiet', '--json', '--parallelism', '16'], [0]);
    process.stdout.write(`  re-planning...\n`);
    const replan = await measure(dir, base, ['plan', '--detailed-exitcode', '--quiet'], [0]);
    rows.push({ size, plan, apply, replan, entities: port.entities('cloudResource').length + port.entities('awsAccount').length });
  } finally {
    await Promise.all([aws.close(), port.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (m: Measure) => `${m.seconds.toFixed(1).padStart(7)} s ${m.peakMiB.toFixed(0).padStart(6)} MiB`;
process.stdout.write(`\n${'resources'.padEnd(10)} | ${'first plan'.padEnd(18)} | ${'apply of the plan'.padEnd(18)} | ${'unchanged re-plan'.padEnd(18)} | entities in Port\n`);
for (const r of rows) process.stdout.write(`${String(r.size).padEnd(10)} | ${fmt(r.plan)} | ${fmt(r.apply)} | ${fmt(r.replan)} | ${r.entities}\n`);
for (let i = 1; i < rows.length; i++) {
  const [a, b] = [rows[i - 1]!, rows[i]!];
  const ratio = (x: number, y: number) => (y / x).toFixed(2);
  process.stdout.write(
    `growth ${a.size} -> ${b.size} (x${b.size / a.size}): time plan x${ratio(a.plan.seconds, b.plan.seconds)}, apply x${ratio(a.apply.seconds, b.apply.seconds)}, re-plan x${ratio(a.replan.seconds, b.replan.seconds)}; ` +
      `peak RSS plan x${ratio(a.plan.peakMiB, b.plan.peakMiB)}, apply x${ratio(a.apply.peakMiB, b.apply.peakMiB)}, re-plan x${ratio(a.replan.peakMiB, b.replan.peakMiB)}\n`,
  );
}
const at100k = rows.find((r) => r.size === 100_000);
if (at100k) process.stdout.write(`target: unchanged re-plan of 100k under 10 s: ${at100k.replan.seconds.toFixed(1)} s (${at100k.replan.seconds < 10 ? 'met' : 'NOT met'})\n`);
const at1m = rows.find((r) => r.size === 1_000_000);
if (at100k && at1m) {
  for (const phase of ['plan', 'apply', 'replan'] as const) {
    const ratio = at1m[phase].peakMiB / at100k[phase].peakMiB;
    process.stdout.write(`target: peak RSS at 1M within 3x of 100k (${phase}): x${ratio.toFixed(2)} (${ratio <= 3 ? 'met' : 'NOT met'})\n`);
  }
}
