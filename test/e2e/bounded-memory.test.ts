import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { generateEstate, startAwsSimulator } from '../simulators/aws/index.js';
import { loadExampleBlueprints, startPortSimulator } from '../simulators/port/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const PRELOAD = fileURLToPath(new URL('../support/report-peak-heap.js', import.meta.url));
const EC2 = 'AWS::EC2::Instance';
const REGIONS = ['us-east-1', 'eu-west-1'];
/** The CLI's V8 heap limit: less than the large estate weighs as JSON text, let alone as objects. */
const HEAP_LIMIT_MIB = 64;
/** Bytes of user data each instance carries (read from AWS, not mapped). */
const USER_DATA_BYTES = 8192;
const MIB = 2 ** 20;

const CONFIG = `aws:
  regions: [${REGIONS.join(', ')}]
resources:
- kind: ${EC2}
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
          type: .Properties.InstanceType
        relations:
          account: .__AccountId
`;

interface PlanMeasure {
  /** The estate's resources as JSON, in bytes. */
  estateBytes: number;
  /** The CLI's largest live heap, in bytes. */
  peakHeap: number;
}

/** Plans an estate of `size` instances with the CLI under the heap limit, and measures its peak heap. */
async function planEstate(size: number): Promise<PlanMeasure> {
  const estate = generateEstate({ seed: 11, accounts: 2, regions: REGIONS, kinds: [EC2], resourcesPerScope: size / 4, withOrganization: true });
  for (const resource of estate.resources) {
    resource.properties.UserData = Array.from({ length: USER_DATA_BYTES / 64 }, (_, i) => `${resource.identifier}-${i}`.padEnd(64, '.')).join('');
  }
  const estateBytes = estate.resources.reduce((sum, resource) => sum + JSON.stringify(resource).length, 0);
  const aws = await startAwsSimulator({ estate, pageSize: 10, emptyPageEvery: 0 });
  const port = await startPortSimulator({ blueprints: loadExampleBlueprints() });
  try {
    const dir = tempDir();
    writeFileSync(join(dir, 'aws2port.yml'), CONFIG);
    const peakFile = join(dir, 'peak-heap');
    const run = await runCli(['plan', '--quiet', '--detailed-exitcode'], {
      cwd: dir,
      isStdoutDiscarded: true,
      env: {
        ...aws.env(),
        ...port.env(),
        AWS2PORT_CONFIG: join(dir, 'aws2port.yml'),
        AWS2PORT_STATE: join(dir, 'state.db'),
        PEAK_HEAP_FILE: peakFile,
        NODE_OPTIONS: `--import=${PRELOAD} --max-old-space-size=${HEAP_LIMIT_MIB}`,
      },
    });
    assert.equal(run.code, 2, `the plan of ${size} resources should succeed with changes under a ${HEAP_LIMIT_MIB} MiB heap: ${run.stderr.slice(-1000)}`);
    return { estateBytes, peakHeap: Number(readFileSync(peakFile, 'utf8')) };
  } finally {
    await Promise.all([aws.close(), port.close()]);
  }
}

describe('memory at scale', () => {
  it('plans an estate larger than its heap, with a peak heap that does not grow with the estate', async () => {
    const small = await planEstate(1500);
    const large = await planEstate(8000);
    assert.ok(large.estateBytes > HEAP_LIMIT_MIB * MIB, 'the large estate does not fit in the heap even as JSON text');
    const estateGrowth = large.estateBytes - small.estateBytes;
    const heapGrowth = large.peakHeap - small.peakHeap;
    assert.ok(
      heapGrowth < estateGrowth / 8,
      `peak heap ${(small.peakHeap / MIB).toFixed(1)} -> ${(large.peakHeap / MIB).toFixed(1)} MiB while the estate grew by ${(estateGrowth / MIB).toFixed(1)} MiB`,
    );
  });
});
