import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GITHUB_COMMENT_LIMIT, PLAN_COMMENT_MARKER, savePlanFile } from '../../src/plan/index.js';
import { aChange, anEntity, aPlan, aPlanOf } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';
import { runCli } from '../support/run-cli.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

/** Golden files live in the source tree (test/e2e/testdata), found from dist/test/e2e. */
const golden = (name: string) => fileURLToPath(new URL(`../../../test/e2e/testdata/${name}`, import.meta.url));

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function assertGolden(actual: string, name: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  assert.equal(actual, readFileSync(golden(name), 'utf8'));
}

/** The seed mapping with a low deletion threshold, so that losing 4 of 30 cloud resources trips the guard. */
const CONFIG = `entityDeletionThreshold: 0.1\n${seedConfigWithRegions()}`;
const HOSTILE_NOTE = 'a|b `code` ```fence``` <script>alert(1)</script> @octocat **bold** </details>';

/**
 * What a pull request's plan meets after the first apply: a bucket whose description lacks its
 * RegionalDomainName (a mapping warning) and whose tag holds markdown and HTML, a retagged instance,
 * four instances gone (over the threshold), and ECS clusters of one account and region denied.
 */
function changeEstate(world: World): void {
  world.aws.putResource({
    type: 'AWS::S3::Bucket',
    account: '111111111111',
    region: 'us-east-1',
    identifier: 'acme-review-notes',
    properties: { BucketName: 'acme-review-notes', Arn: 'arn:aws:s3:::acme-review-notes', Tags: [{ Key: 'note', Value: HOSTILE_NOTE }] },
  });
  const instance = world.aws.estate.resources.find((r) => r.identifier === 'i-2222e100000000000')!;
  instance.properties = { ...instance.properties, Tags: [{ Key: 'Name', Value: 'prod-worker-eu-west-1' }, { Key: 'team', Value: 'search-relevance' }] };
  const gone = world.aws.estate.resources.filter((r) => r.type === 'AWS::EC2::Instance' && r.account === '111111111111').slice(0, 4);
  for (const r of gone) assert.ok(world.aws.removeResource(r.type, r.account, r.identifier, r.region));
  world.aws.faults.deny = [{ account: '222222222222', region: 'eu-west-1', type: 'AWS::ECS::Cluster' }];
}

describe('show PLANFILE on plans of the seed estate made through the CLI', () => {
  let world: World;
  const plans: Record<'first' | 'changes', { text: string; json: string }> = { first: { text: '', json: '' }, changes: { text: '', json: '' } };

  /** Plans into `NAME.plan`, keeping what plan printed as text and as JSON. */
  async function planInto(name: 'first' | 'changes'): Promise<void> {
    const text = await world.run(['plan', '--out', `${name}.plan`]);
    assert.equal(text.code, 0, text.stderr);
    const json = await world.run(['plan', '--json']);
    assert.equal(json.code, 0, json.stderr);
    plans[name] = { text: text.stdout, json: json.stdout };
  }

  before(async () => {
    world = await startWorld({ configText: CONFIG });
    await planInto('first');
    const apply = await world.run(['apply', 'first.plan']);
    assert.equal(apply.code, 0, apply.stderr);
    changeEstate(world);
    await planInto('changes');
  });
  after(() => world.close());

  for (const name of ['first', 'changes'] as const) {
    it(`prints the ${name} plan as text exactly as plan printed it`, async () => {
      const run = await world.run(['show', `${name}.plan`]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, plans[name].text);
    });

    it(`prints the ${name} plan with --json exactly as plan --json printed it`, async () => {
      const run = await world.run(['show', `${name}.plan`, '--json']);
      assert.equal(run.code, 0, run.stderr);
      const lineage = (JSON.parse(run.stdout) as { lineage: string }).lineage;
      assert.equal(lineage, (JSON.parse(plans[name].json) as { lineage: string }).lineage);
      assert.equal(run.stdout, plans[name].json);
    });

    it(`prints the ${name} plan with --markdown as its golden comment`, async () => {
      const run = await world.run(['show', `${name}.plan`, '--markdown']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.startsWith(`${PLAN_COMMENT_MARKER}\n`));
      assertGolden(run.stdout, `seed-${name}-plan.md`);
    });
  }

  it('shows the guard, the skipped scope and the mapping warning of the changes plan', async () => {
    const run = await world.run(['show', 'changes.plan', '--markdown']);
    assert.match(run.stdout, /\[!CAUTION\][\s\S]*<code>cloudResource<\/code>: 4 of 30 managed entities \(13\.3%, threshold 10%\)/);
    assert.match(run.stdout, /\| <code>AWS::ECS::Cluster<\/code> \| <code>222222222222<\/code> \| <code>eu-west-1<\/code> \| <code>AccessDenied/);
    assert.match(run.stdout, /\| <code>AWS::S3::Bucket<\/code> \| <code>resources&#91;1&#93;\.port\.entity\.mappings\.properties\.region<\/code> \(line \d+\) \| 1 \| set to null \|/);
  });

  it('reads no config, no state, no AWS and no Port', async () => {
    const callsBefore = world.aws.calls.length;
    const requestsBefore = world.port.writes.length;
    const cwd = tempDir();
    const run = await runCli(['show', join(world.dir, 'changes.plan'), '--markdown'], { cwd, env: {} });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(world.aws.calls.length, callsBefore);
    assert.equal(world.port.writes.length, requestsBefore);
    assert.deepEqual(readdirSync(cwd), [], 'no state file made');
    assert.match(run.stdout, /Plan: 1 to add, 1 to change, 4 to destroy\./);
  });
});

describe('show PLANFILE errors', () => {
  it('names a missing plan file (PlanFileInvalid, exit 1)', async () => {
    const dir = tempDir();
    const run = await runCli(['show', 'missing.plan', '--markdown'], { cwd: dir, env: {} });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /missing\.plan/);
    assert.match(run.stderr, /\[PlanFileInvalid\]/);
    assert.equal(run.stdout, '');
  });

  it('names a file that is not a plan (PlanFileInvalid, exit 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'not json\n');
    const run = await runCli(['show', 'notes.txt'], { cwd: dir, env: {} });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /notes\.txt.*\[PlanFileInvalid\]/);
  });

  it('refuses --json with --markdown', async () => {
    const run = await runCli(['show', 'any.plan', '--json', '--markdown'], { cwd: tempDir(), env: {} });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /--json or --markdown.*\[InvalidArgument\]/);
  });
});

describe('show --markdown of a 10,000-change plan', () => {
  it('is cut under the comment limit with a line that says how many changes are not shown', async () => {
    const dir = tempDir();
    const tags = Array.from({ length: 6 }, (_, i) => ({ Key: `tag-${i}`, Value: `value-${i}` }));
    const changes = Array.from({ length: 10_000 }, (_, i) => aChange('create', `bucket-${String(i).padStart(5, '0')}`, { after: anEntity(`bucket-${i}`, { properties: { tags } }) }));
    const file = join(dir, 'big.plan');
    const plan = aPlanOf(aPlan(changes));
    await savePlanFile(file, plan);
    plan.changes.close();
    const run = await runCli(['show', file, '--markdown'], { cwd: dir, env: {} });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.length <= GITHUB_COMMENT_LIMIT, `${run.stdout.length} characters`);
    const shown = run.stdout.match(/<details>/g)?.length ?? 0;
    assert.ok(shown > 50, `${shown} changes shown`);
    const cut = /Cut to fit a comment \(65,536 characters\): not shown are ([\d,]+) of 10,000 changes \(([\d,]+) to add\)/.exec(run.stdout);
    assert.ok(cut, 'the cut line');
    assert.equal(Number(cut[1]!.replaceAll(',', '')) + shown, 10_000);
    assert.match(run.stdout, /Plan: 10000 to add, 0 to change, 0 to destroy\./);
    assert.match(run.stdout, /\| <code>cloudResource<\/code> \| <code>AWS::S3::Bucket<\/code> \| 10000 \| 0 \| 0 \|/);
  });
});
