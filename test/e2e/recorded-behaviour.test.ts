import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import type { Estate } from '../simulators/aws/index.js';
import type { Blueprint } from '../simulators/port/index.js';
import { childEstate, exampleConfig } from '../support/child-kinds-world.js';
import { repoFile } from '../support/repo-file.js';
import { EXAMPLES_DIR, SEED_CONFIG_TEXT, startWorld, type World } from '../support/world.js';

/**
 * What aws2port prints and what it writes to Port, for whole estates, held against a recording: a change
 * to the code's structure must leave both exactly as they were. `AWS2PORT_RECORD=1 npm test` writes the
 * recordings anew; a difference then shows in `git diff`, to be explained in the commit.
 */
const RECORDING_DIR = 'test/e2e/testdata/recorded';
const RECORD = process.env.AWS2PORT_RECORD === '1';

interface Recording {
  /** Each step's output, in order: the command and what it printed on stdout. */
  steps: { command: string; code: number; stdout: unknown }[];
  /** Port's writes, in a stable order (their order in time depends on concurrency). */
  writes: unknown[];
  /** What Port holds at the end, per blueprint. */
  catalog: Record<string, unknown[]>;
  blueprints: string[];
}

type Step = { run: string[] } | { change: (world: World) => void };

async function record(world: World, steps: readonly Step[]): Promise<Recording> {
  const recorded: Recording['steps'] = [];
  for (const step of steps) {
    if ('change' in step) {
      step.change(world);
      continue;
    }
    const run = await world.run(step.run);
    assert.ok(run.code === 0 || run.code === 2, `${step.run.join(' ')}: ${run.stderr}`);
    const stdout = step.run.includes('--json') && step.run[0] === 'plan' ? normalizePlan(JSON.parse(run.stdout) as Record<string, unknown>) : run.stdout.split('\n');
    recorded.push({ command: step.run.join(' '), code: run.code, stdout });
  }
  const blueprints = world.port.blueprints().map((b) => b.identifier).sort();
  return { steps: recorded, writes: normalizeWrites(world), catalog: catalogOf(world, blueprints), blueprints };
}

/** The plan without what differs from run to run by design: the state's lineage and the config's hash. */
function normalizePlan(plan: Record<string, unknown>): Record<string, unknown> {
  return { ...plan, lineage: '<lineage>', config_hash: '<config_hash>' };
}

function normalizeWrites(world: World): unknown[] {
  const sorted = (list: readonly unknown[] | undefined) => (list ? [...list].map((v) => JSON.stringify(v)).sort() : undefined);
  return world.port.writes
    .map((w) => ({ method: w.method, route: w.route, blueprint: w.blueprint, identifiers: sorted(w.identifiers), status: w.status, created: sorted(w.created), failed: sorted(w.failed), deleted: sorted(w.deleted) }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function catalogOf(world: World, blueprints: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(
    blueprints.map((blueprint) => [
      blueprint,
      world.port
        .entities(blueprint)
        .map((e) => ({ identifier: e.identifier, title: e.title, icon: e.icon, team: e.team, properties: e.properties, relations: e.relations }))
        .sort((a, b) => a.identifier.localeCompare(b.identifier)),
    ]),
  );
}

async function holdAgainstRecording(name: string, setup: { estate?: Estate; configText?: string; portBlueprints?: Blueprint[] }, steps: readonly Step[]): Promise<void> {
  const world = await startWorld(setup);
  try {
    const actual = JSON.parse(JSON.stringify(await record(world, steps)).split(world.dir).join('<dir>')) as Recording;
    const file = repoFile(`${RECORDING_DIR}/${name}.json`);
    if (RECORD || !existsSync(file)) {
      assert.ok(RECORD, `no recording ${RECORDING_DIR}/${name}.json: run the suite with AWS2PORT_RECORD=1 to make it`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(actual, null, 1)}\n`);
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
  } finally {
    await world.close();
  }
}

const NEW_BUCKET = 'acme-prod-ml-datasets';

/** One resource added, one changed, one removed. */
function changeSeedEstate(world: World): void {
  world.aws.putResource({
    type: 'AWS::S3::Bucket',
    account: '222222222222',
    region: 'eu-west-1',
    identifier: NEW_BUCKET,
    properties: { BucketName: NEW_BUCKET, Arn: `arn:aws:s3:::${NEW_BUCKET}`, RegionalDomainName: `${NEW_BUCKET}.s3.eu-west-1.amazonaws.com`, Tags: [{ Key: 'team', Value: 'ml' }] },
  });
  const instance = world.aws.estate.resources.find((r) => r.identifier === 'i-2222e100000000000')!;
  instance.properties = { ...instance.properties, Tags: [{ Key: 'team', Value: 'search-relevance' }] };
  assert.ok(world.aws.removeResource('AWS::ECS::Cluster', '222222222222', 'prod-jobs', 'eu-west-1'));
}

const PLAN_JSON = { run: ['plan', '--json', '--detailed-exitcode'] };
const PLAN_TEXT = { run: ['plan'] };
const APPLY = { run: ['apply', '--auto-approve'] };

describe('plans and Port writes, held against their recording', () => {
  it('the seed mapping over the demo estate: a first apply, a changed estate, then nothing to do', () =>
    holdAgainstRecording('seed-demo', {}, [PLAN_JSON, PLAN_TEXT, APPLY, { change: changeSeedEstate }, PLAN_JSON, PLAN_TEXT, APPLY, PLAN_JSON]));

  it('the child-kinds example: parents, children, and a parent removed with its children', () =>
    holdAgainstRecording('child-kinds', { estate: childEstate(), configText: exampleConfig(), portBlueprints: [] }, [
      PLAN_JSON,
      APPLY,
      {
        change: (world) => {
          world.aws.removeResource('AWS::EKS::Cluster', '111111111111', 'k8s-1', 'us-east-1');
          for (const n of [1, 2]) world.aws.removeResource('AWS::EKS::Nodegroup', '111111111111', `k8s-1/ng-${n}`, 'us-east-1');
        },
      },
      PLAN_JSON,
      PLAN_TEXT,
      APPLY,
    ]));

  it('the seed mapping with the example blueprints file, Port starting empty, relation targets written first', () =>
    holdAgainstRecording(
      'blueprints-file',
      { configText: `blueprints: ${EXAMPLES_DIR}blueprints.json\ncreateMissingRelatedEntities: false\naws:\n  regions: [us-east-1]\n${SEED_CONFIG_TEXT}`, portBlueprints: [] },
      [PLAN_JSON, PLAN_TEXT, APPLY, PLAN_JSON],
    ));
});
