import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStateDatabase } from '../../state/index.js';
import { loadExampleBlueprints, startPortSimulator, type PortSimulator } from '../simulators/port/index.js';
import { call, fetchToken } from '../simulators/port/sim-api.js';
import { runCli } from '../support/run-cli.js';

/**
 * A lost state rebuilt from Port: the Port simulator holds ENTITIES entities written by installation
 * `bench` (and as many of another writer, which the rebuild must leave out), with Port's published
 * search rate (35,000 requests per 5 minutes) and writes unlimited so the catalog fills fast.
 * `aws2port state rebuild` then reads them back, twice: with Port's burst of 3,500 searches in hand, and
 * with a burst of 1 (as when other searches spent it), so the rate binds. Reports the search requests
 * (and 429s), the seconds, the CLI's peak RSS, the entities recorded, and the least time Port's limit
 * allows for those requests. `npm run bench rebuild` (BENCH_ENTITIES to size it).
 */
const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 100_000);
const INSTALLATION = 'bench';
const SEARCH_LIMITS = [
  { limit: 35_000, burst: 3_500 },
  { limit: 35_000, burst: 1 },
];
const ENTITIES_PER_WRITE = 20;
const WRITES_IN_FLIGHT = 8;
const PRELOAD = fileURLToPath(new URL('./report-peak-rss.js', import.meta.url));

const CONFIG = `installationId: ${INSTALLATION}
resources:
- kind: AWS::EC2::Instance
  selector:
    query: 'true'
  port:
    entity:
      mappings:
        identifier: .Identifier
        title: .Identifier
        blueprint: '"cloudResource"'
        properties:
          kind: .__Kind
          region: .__Region
        relations:
          account: .__AccountId
`;

/** Writes `count` entities as `userAgent`, identifiers `{prefix}-{i}`, through Port's bulk route. */
async function fill(port: PortSimulator, count: number, prefix: string, userAgent: string): Promise<void> {
  const token = await fetchToken(port);
  let next = 0;
  const writer = async () => {
    while (next < count) {
      const from = next;
      next = Math.min(count, next + ENTITIES_PER_WRITE);
      const entities = Array.from({ length: next - from }, (_, i) => ({
        identifier: `${prefix}-${from + i}`,
        title: `${prefix}-${from + i}`,
        properties: { kind: 'AWS::EC2::Instance', region: 'us-east-1' },
        relations: { account: '111111111111' },
      }));
      const answer = await call(port, 'POST', '/v1/blueprints/cloudResource/entities/bulk?upsert=true&create_missing_related_entities=true', { token, userAgent, body: { entities } });
      if (answer.status >= 300) throw new Error(`filling Port: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer));
}

for (const searchLimit of SEARCH_LIMITS) await rebuildCase(searchLimit);

async function rebuildCase(searchLimit: { limit: number; burst: number }): Promise<void> {
  const port = await startPortSimulator({ blueprints: loadExampleBlueprints(), rateLimits: { bulkUpsert: { limit: 1e9, burst: 1e9 }, singleUpsert: { limit: 1e9, burst: 1e9 }, search: searchLimit } });
  const dir = mkdtempSync(join(tmpdir(), 'aws2port-rebuild-bench-'));
  try {
    await fill(port, ENTITIES, 'ours', `aws2port/0.1.0/${INSTALLATION}`);
    await fill(port, ENTITIES, 'theirs', 'port-ocean/aws/0.2.5/my-aws/exporter');
    writeFileSync(join(dir, 'aws2port.yml'), CONFIG);
    const env = { ...port.env(), AWS2PORT_CONFIG: join(dir, 'aws2port.yml'), AWS2PORT_STATE: join(dir, 'state.db'), BENCH_RSS_FILE: join(dir, 'rss'), NODE_OPTIONS: `--import=${PRELOAD}` };
    const requestsBefore = port.contractLog.length;
    const started = process.hrtime.bigint();
    const run = await runCli(['state', 'rebuild', '--quiet'], { cwd: dir, env });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.code !== 0) throw new Error(run.stderr.slice(-2000));
    const searches = port.contractLog.slice(requestsBefore).filter((r) => r.url.includes('/entities/search'));
    const throttled = searches.filter((r) => r.status === 429).length;
    const db = openStateDatabase(join(dir, 'state.db'));
    const recorded = (db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
    db.close();
    const peakMiB = Number(readFileSync(join(dir, 'rss'), 'utf8')) / 1024;
    const ratePerSecond = searchLimit.limit / 300;
    const answered = searches.length - throttled;
    const leastSeconds = Math.max(0, answered - searchLimit.burst) / ratePerSecond;
    process.stdout.write(
      `[search limit ${searchLimit.limit} per 5 min (${ratePerSecond.toFixed(1)}/s), burst ${searchLimit.burst}] ${ENTITIES} entities of installation ${INSTALLATION}, ${ENTITIES} of another writer\n` +
        `  state rebuild: ${recorded} entities recorded (expected ${ENTITIES}) in ${seconds.toFixed(1)} s, ${searches.length} search requests (${throttled} answered 429), peak RSS ${peakMiB.toFixed(0)} MiB\n` +
        `  the least time the limit allows for ${answered} searches: ${leastSeconds.toFixed(1)} s\n`,
    );
    if (recorded !== ENTITIES) process.exitCode = 1;
  } finally {
    await port.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
