import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PortClient } from '../../src/port/index.js';
import { startAwsSimulator } from '../simulators/aws/index.js';
import { generateEstate } from '../simulators/aws/generate-estate.js';
import { loadExampleBlueprints, startPortSimulator } from '../simulators/port/index.js';
import { aSerialized } from '../support/builders.js';
import { runCli } from '../support/run-cli.js';
import { SCALE_KINDS, scaleConfigText } from './scale-config.js';

/**
 * Port writes at Port's rate limit, in three cases.
 *
 * - `apply`: the Port simulator limits bulk upserts to Port's published 35,000 requests per 5 minutes
 *   (with a small burst, so the rate, not the burst, binds), and aws2port applies a plan of about
 *   40,000 entities. Reports the achieved entities/s against the ceiling that limit allows over the
 *   same time: 20 entities x (burst + rate x seconds) / seconds.
 * - `bucket` and `window`: 600 bulk requests at once through the Port client, against a limit of 20
 *   requests/s as a token bucket (burst 20) and as a window of 100 requests per 5 s that resets.
 *   Reports the requests that succeeded as a share of what the limit allowed over the run (rate x
 *   seconds + the burst, or + one window's quota), and the share of requests answered 429.
 *
 * `npm run bench port-rate [CASE...]`.
 */
const filters = process.argv.slice(2);
const isWanted = (name: string) => filters.length === 0 || filters.includes(name);
const REGIONS = ['us-east-1', 'eu-west-1'];
const LIMIT_PER_5_MIN = 35_000;
const BURST = 100;
const ENTITIES_PER_REQUEST = 20;

if (isWanted('apply')) await applyCase();
for (const model of ['bucket', 'window'] as const) if (isWanted(model)) await pacingCase(model);

async function applyCase(): Promise<void> {
const estate = generateEstate({ seed: 9, accounts: 4, regions: REGIONS, kinds: SCALE_KINDS, resourcesPerScope: 1000 });
const aws = await startAwsSimulator({ estate, pageSize: 100, emptyPageEvery: 0 });
const port = await startPortSimulator({ blueprints: loadExampleBlueprints(), rateLimits: { bulkUpsert: { limit: LIMIT_PER_5_MIN, burst: BURST } } });
const dir = mkdtempSync(join(tmpdir(), 'aws2port-bench-'));
try {
  writeFileSync(join(dir, 'aws2port.yml'), scaleConfigText(REGIONS));
  const env = { ...aws.env(), ...port.env(), AWS2PORT_CONFIG: join(dir, 'aws2port.yml'), AWS2PORT_STATE: join(dir, 'state.db') };
  const plan = await runCli(['plan', '--out', 'p.plan', '--json', '--quiet'], { cwd: dir, env });
  if (plan.code !== 0) throw new Error(plan.stderr);
  const started = process.hrtime.bigint();
  const apply = await runCli(['apply', 'p.plan', '--json', '--quiet'], { cwd: dir, env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (apply.code !== 0) throw new Error(apply.stderr.slice(-2000));
  const entities = port.entities('cloudResource').length + port.entities('awsAccount').length;
  const bulkWrites = port.writes.filter((w) => w.route === 'bulk-upsert');
  const throttled = bulkWrites.filter((w) => w.status === 429).length;
  const ratePerSecond = LIMIT_PER_5_MIN / 300;
  const ceiling = (ENTITIES_PER_REQUEST * (BURST + ratePerSecond * seconds)) / seconds;
  const achieved = entities / seconds;
  process.stdout.write(
    `Port limit: ${LIMIT_PER_5_MIN} bulk requests / 5 min (${ratePerSecond.toFixed(1)}/s), burst ${BURST}\n` +
      `applied ${entities} entities in ${seconds.toFixed(1)} s: ${achieved.toFixed(0)} entities/s; ceiling ${ceiling.toFixed(0)} entities/s\n` +
      `share of the ceiling: ${((achieved / ceiling) * 100).toFixed(1)}% (target at least 90%); 429 answers drawn: ${throttled} of ${bulkWrites.length} bulk requests\n`,
  );
} finally {
  await Promise.all([aws.close(), port.close()]);
  rmSync(dir, { recursive: true, force: true });
}
}

/** 600 bulk requests of 20 entities at once, against 20 requests/s in `model`. */
async function pacingCase(model: 'bucket' | 'window'): Promise<void> {
  const REQUESTS = 600;
  const RATE = 20;
  const WINDOW_SECONDS = 5;
  const burst = model === 'bucket' ? RATE : RATE * WINDOW_SECONDS;
  const limits = model === 'bucket' ? { bulkUpsert: { limit: RATE * 300, burst } } : { bulkUpsert: { limit: burst, burst } };
  const sim = await startPortSimulator({ blueprints: loadExampleBlueprints(), rateLimits: limits, rateLimitModel: model, rateLimitWindowSeconds: model === 'bucket' ? 300 : WINDOW_SECONDS, faults: { latencyMs: 50 } });
  const client = new PortClient({ baseUrl: sim.url, clientId: 'sim-client-id', clientSecret: 'sim-client-secret', userAgent: 'aws2port/bench', connections: 512 });
  try {
    const entities = Array.from({ length: REQUESTS * ENTITIES_PER_REQUEST }, (_, i) => aSerialized(`e${i}`));
    const results = await client.upsertEntities('cloudResource', entities, { merge: true, createMissingRelatedEntities: true });
    const writes = sim.writes.filter((w) => w.route === 'bulk-upsert');
    const seconds = (Date.parse(writes.at(-1)!.at) - Date.parse(writes[0]!.at)) / 1000;
    const succeeded = writes.filter((w) => w.status === 200).length;
    const throttled = writes.length - succeeded;
    const allowed = RATE * seconds + burst;
    process.stdout.write(
      `[${model}] ${model === 'bucket' ? `token bucket of ${burst} refilled at ${RATE}/s` : `${burst} requests per ${WINDOW_SECONDS} s window, reset at its end`}, 50 ms latency: ` +
        `${succeeded} requests in ${seconds.toFixed(1)} s, share of the allowed rate ${((100 * succeeded) / allowed).toFixed(1)}% (target >= 90%); ` +
        `${throttled} of ${writes.length} requests answered 429 (${((100 * throttled) / writes.length).toFixed(1)}%, target < 2%)` +
        `${results.every((r) => r.ok) ? '' : `; ${results.filter((r) => !r.ok).length} entities FAILED`}\n`,
    );
  } finally {
    await client.close();
    await sim.close();
  }
}
