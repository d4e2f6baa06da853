import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ScanProgress } from '../../src/aws/index.js';
import { describeProgress, ScanProgressView } from '../../cmd/views/scan-progress-view.js';
import { makeOutput } from '../../cmd/output.js';
import { generateEstate } from '../simulators/aws/index.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

const SNAPSHOT: ScanProgress = {
  accountsTotal: 5,
  accountsDone: 3,
  regionsTotal: 15,
  regionsDone: 10,
  scopesTotal: 40,
  scopesDone: 30,
  scopesSkipped: 2,
  itemsByKind: { 'AWS::EC2::Instance': 800, 'AWS::S3::Bucket': 304, 'AWS::ECS::Cluster': 100 },
  calls: 1500,
  callsPerSecond: 42,
  throttles: 7,
  elapsedSeconds: 30,
  etaSeconds: 65,
  isDone: false,
};

/** A writable that keeps what it is given, posing as a terminal or not. */
function capture(isTTY: boolean): NodeJS.WritableStream & { isTTY: boolean; text: string } {
  const stream = { isTTY, text: '', write: (chunk: string) => ((stream.text += chunk), true), once: () => stream } as unknown as NodeJS.WritableStream & { isTTY: boolean; text: string };
  return stream;
}

describe('progress of the read of AWS', () => {
  let world: World;
  before(async () => {
    const estate = generateEstate({ seed: 19, accounts: 3, regions: 2, kinds: ['AWS::S3::Bucket', 'AWS::EC2::Instance', 'AWS::ECS::Cluster'], resourcesPerScope: 2 });
    world = await startWorld({ estate, configText: seedConfigWithRegions(estate.regions) });
  });
  after(() => world.close());

  it('comes as JSON lines on stderr with --json, ending with the totals', async () => {
    const run = await world.run(['plan', '--json']);
    assert.equal(run.code, 0, run.stderr);
    JSON.parse(run.stdout); // stdout holds the plan alone
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as ScanProgress & { type: string });
    assert.ok(lines.length > 0 && lines.every((line) => line.type === 'scan_progress'));
    const last = lines.at(-1)!;
    assert.equal(last.isDone, true);
    assert.deepEqual([last.accountsDone, last.accountsTotal, last.regionsDone, last.regionsTotal], [3, 3, 6, 6]);
    assert.deepEqual(last.itemsByKind, { 'AWS::Organizations::Account': 3, 'AWS::S3::Bucket': 12, 'AWS::EC2::Instance': 12, 'AWS::ECS::Cluster': 12 });
  });

  it('shows nothing live when stderr is not a terminal', async () => {
    const run = await world.run(['plan']);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /Reading AWS:|scan_progress/);
  });

  it('draws one live line on a terminal and removes it when the read ends', () => {
    const stderr = capture(true);
    const view = new ScanProgressView(makeOutput({ isColor: false, isQuiet: false }, capture(false), stderr), { json: false, isQuiet: false }, 200);
    view.update(SNAPSHOT);
    assert.equal(stderr.text, `\r\u001b[2K${describeProgress(SNAPSHOT)}`);
    view.update({ ...SNAPSHOT, isDone: true });
    assert.ok(stderr.text.endsWith('\r\u001b[2K'));
  });

  it('says accounts and regions done, items per kind, calls per second, throttles and the ETA', () => {
    assert.equal(
      describeProgress(SNAPSHOT),
      'Reading AWS: 3/5 accounts, 10/15 regions, 1,204 items (Instance 800, Bucket 304, Cluster 100), 42 calls/s, 7 throttled, 2 scopes skipped, ETA 1m05s',
    );
  });
});
