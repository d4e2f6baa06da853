import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateEstate } from '../simulators/aws/index.js';
import { loadExampleBlueprints, type Blueprint } from '../simulators/port/index.js';
import { seedConfigWithRegions, startWorld, type World, type WorldOptions } from '../support/world.js';

interface Check {
  check: string;
  name: string;
  subject: string | null;
  status: 'pass' | 'warn' | 'fail';
  detail: string;
  fix: string | null;
}

/** Runs `doctor --json` in a fresh world; returns its exit code and checks. */
async function doctor(options: WorldOptions, prepare: (world: World) => void = () => undefined): Promise<{ code: number; checks: Check[]; world: World }> {
  const world = await startWorld({ configText: seedConfigWithRegions(['us-east-1']), ...options });
  prepare(world);
  const run = await world.run(['doctor', '--json']);
  const { checks } = JSON.parse(run.stdout) as { checks: Check[] };
  return { code: run.code, checks, world };
}

function failing(checks: readonly Check[]): Check[] {
  return checks.filter((c) => c.status !== 'pass');
}

describe('aws2port doctor', () => {
  it('passes every check of a good setup, and writes nothing to Port', async () => {
    const { code, checks, world } = await doctor({});
    try {
      assert.equal(code, 0, JSON.stringify(failing(checks)));
      assert.deepEqual(failing(checks), []);
      assert.deepEqual(
        checks.map((c) => `${c.check} ${c.subject ?? ''}`.trim()),
        [
          'aws-credentials',
          'organizations',
          'read-role 222222222222',
          'kind AWS::S3::Bucket',
          'kind AWS::EC2::Instance',
          'kind AWS::ECS::Cluster',
          'port-credentials',
          'blueprint awsAccount',
          'blueprint cloudResource',
          'entity-validation awsAccount',
          'entity-validation cloudResource',
        ],
      );
      assert.ok(checks.every((c) => c.fix === null));
      assert.deepEqual(world.port.entities('awsAccount'), []);
      assert.deepEqual(world.port.entities('cloudResource'), []);
      const text = await world.run(['doctor']);
      assert.equal(text.code, 0);
      assert.match(text.stdout, /^pass {2}AWS credentials: /);
      assert.match(text.stdout, /Doctor: 11 passed, 0 warnings, 0 failed\.\n$/);
    } finally {
      await world.close();
    }
  });

  it('names bad Port credentials with their fix', async () => {
    const { code, checks, world } = await doctor({ env: { PORT_CLIENT_SECRET: 'not-the-secret' } });
    await world.close();
    assert.equal(code, 1);
    const port = checks.find((c) => c.check === 'port-credentials')!;
    assert.equal(port.status, 'fail');
    assert.match(port.fix!, /PORT_CLIENT_SECRET/);
    assert.deepEqual(failing(checks).map((c) => c.check), ['port-credentials'], 'AWS is still checked; nothing else of Port is');
  });

  it('names the account whose read role cannot be assumed, with the fix', async () => {
    const { code, checks, world } = await doctor({}, (w) => {
      w.aws.faults.assumeRoleDenied = ['222222222222'];
    });
    await world.close();
    assert.equal(code, 1);
    const [role, ...others] = failing(checks);
    assert.deepEqual(others, []);
    assert.equal(role!.check, 'read-role');
    assert.equal(role!.subject, '222222222222');
    assert.match(role!.detail, /AwsPortOceanIntegrationReadOnlyRole/);
    assert.match(role!.fix!, /Create role AwsPortOceanIntegrationReadOnlyRole in account 222222222222/);
  });

  it('names a kind that is not a Cloud Control type, with the fix', async () => {
    // GIVEN a typo in a kind, which Cloud Control does not know
    const configText = seedConfigWithRegions(['us-east-1']).replace('kind: AWS::EC2::Instance', 'kind: AWS::EC2::Instanse');
    const { code, checks, world } = await doctor({ configText }, (w) => {
      w.aws.faults.typeNotFound = [{ type: 'AWS::EC2::Instanse', region: 'us-east-1' }];
    });
    await world.close();
    assert.equal(code, 1);
    const [kind, ...others] = failing(checks);
    assert.deepEqual(others, []);
    assert.equal(kind!.check, 'kind');
    assert.equal(kind!.subject, 'AWS::EC2::Instanse');
    assert.match(kind!.detail, /is not a Cloud Control resource type/);
    assert.match(kind!.fix!, /CloudFormation resource type reference/);
  });

  it('names a blueprint property whose type does not fit the mapped value, with the fix', async () => {
    // GIVEN Port holds the awsAccount of Port's own AWS integration: status is an array of enum strings
    const portBlueprints = loadExampleBlueprints().map((b): Blueprint =>
      b.identifier === 'awsAccount'
        ? { ...b, schema: { ...b.schema, properties: { ...b.schema.properties, status: { type: 'array', items: { type: 'string', enum: ['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE'] } } } } }
        : b,
    );
    const { code, checks, world } = await doctor({ portBlueprints });
    await world.close();
    assert.equal(code, 1);
    const blueprint = checks.find((c) => c.check === 'blueprint' && c.subject === 'awsAccount')!;
    assert.equal(blueprint.status, 'fail');
    assert.match(blueprint.detail, /properties\.status = "ACTIVE": must be an array/);
    assert.match(blueprint.fix!, /\[\.Status\]/);
    const validation = checks.find((c) => c.check === 'entity-validation' && c.subject === 'awsAccount')!;
    assert.equal(validation.status, 'fail', 'Port itself refuses the sample');
    assert.deepEqual(failing(checks).map((c) => `${c.check} ${c.subject}`), ['blueprint awsAccount', 'entity-validation awsAccount']);
  });

  it('assumes the read role in 5 member accounts, and in every one with --all-accounts', async () => {
    // GIVEN an Organization of 8 accounts: the caller's and 7 members
    const estate = generateEstate({ seed: 3, accounts: 8, regions: ['us-east-1'], kinds: ['AWS::EC2::Instance'], resourcesPerScope: 1 });
    const world = await startWorld({ estate, configText: seedConfigWithRegions(['us-east-1']) });
    try {
      const roles = async (args: string[]) => {
        const run = await world.run(['doctor', '--json', ...args]);
        return (JSON.parse(run.stdout) as { checks: Check[] }).checks.filter((c) => c.check === 'read-role');
      };
      const sampled = await roles([]);
      assert.equal(sampled.filter((c) => c.subject !== null).length, 5);
      assert.match(sampled.find((c) => c.subject === null)!.detail, /checked 5 of 7 member accounts/);
      const all = await roles(['--all-accounts']);
      assert.equal(all.length, 7);
      assert.ok(all.every((c) => c.status === 'pass' && c.subject !== null));
    } finally {
      await world.close();
    }
  });
});
