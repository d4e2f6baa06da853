import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAwsSimulator } from '../simulators/aws/index.js';
import { generateEstate } from '../simulators/aws/generate-estate.js';
import { loadExampleBlueprints, startPortSimulator } from '../simulators/port/index.js';
import { runCli } from '../support/run-cli.js';
import { SCALE_KINDS, scaleConfigText } from './scale-config.js';

/**
 * Apply throughput at Port's rate limit (issue 5): the Port simulator limits bulk upserts to Port's
 * published 35,000 requests per 5 minutes (with a small burst, so the rate, not the burst, binds), and
 * aws2port applies a plan of about 40,000 entities. Reports the achieved entities/s against the ceiling
 * that limit allows over the same time: 20 entities x (burst + rate x seconds) / seconds.
 */
const REGIONS = ['us-east-1', 'eu-west-1'];
const LIMIT_PER_5_MIN = 35_000;
const BURST = 100;
const ENTITIES_PER_REQUEST = 20;

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
