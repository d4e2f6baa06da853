import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseConfig } from '../../src/config/index.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { makePlan, resourceChangeJson, type PlanHeader, type ResourceChange } from '../../src/plan/index.js';
import { openStateDatabase, StateStore } from '../../state/index.js';
import { buildResource, type EstateResource } from '../simulators/aws/index.js';
import { EC2, organization, S3, startSourceWorld, type SourceWorld } from '../aws/source-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { entityRecord, UNKNOWN_SCOPE } from '../../src/model/index.js';

const REGIONS = ['us-east-1', 'eu-west-1'];

interface ConfigOptions {
  /** EC2's selector.query; default `true`. */
  ec2Selector?: string;
  /** EC2's identifier mapping; default `.Identifier`. */
  ec2Identifier?: string;
  /** Read buckets again with GetResource. */
  isBucketReadAgain?: boolean;
  entityDeletionThreshold?: number;
}

/** A config mapping EC2 instances and S3 buckets of two regions to cloudResource entities. */
function configText(options: ConfigOptions = {}): string {
  const mapping = (kind: string, selector: string, identifier: string, properties: string, extraSelector = '') => `
- kind: ${kind}
  selector:
    query: '${selector}'${extraSelector}
  port:
    entity:
      mappings:
        identifier: '${identifier}'
        title: .Identifier
        blueprint: '"cloudResource"'
        properties:
          kind: .__Kind
${properties}`;
  return `aws:
  regions: [${REGIONS.join(', ')}]
${options.entityDeletionThreshold === undefined ? '' : `entityDeletionThreshold: ${options.entityDeletionThreshold}\n`}resources:${mapping(EC2, options.ec2Selector ?? 'true', options.ec2Identifier ?? '.Identifier', '          region: .__Region\n          type: .Properties.InstanceType')}${mapping(
    S3,
    'true',
    '.Identifier',
    '          arn: .Properties.Arn',
    options.isBucketReadAgain ? "\n    useGetResourceAPI: 'true'" : '',
  )}`;
}

/** A plan as a user reads it: its header and its changes in the plan document's form. */
interface PlanSeen {
  header: PlanHeader;
  changes: ResourceChange[];
}

describe('makePlan', () => {
  let world: SourceWorld;
  let account: string;
  let store: StateStore;
  /** The estate's resources as the test started: 2 instances and 2 buckets in each region. */
  let initial: EstateResource[];

  before(async () => {
    world = await startSourceWorld({ estate: organization(1, REGIONS, 2) });
    account = world.sim.estate.accounts[0]!.Id;
    world.sim.estate.resources = world.sim.estate.resources.filter((r) => r.type !== 'AWS::ECS::Cluster');
    initial = world.sim.estate.resources;
  });
  after(async () => {
    await world.close();
  });
  beforeEach(() => {
    world.sim.estate.resources = [...initial];
    world.sim.faults = { ...world.sim.faults, deny: [], getResourceErrors: [] };
    store = new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
  });

  async function plan(options: ConfigOptions = {}, targets: string[] = []): Promise<PlanSeen> {
    const { config, errors } = parseConfig(configText(options), 'aws2port.yml');
    assert.deepEqual(errors, []);
    const made = await makePlan({ config: config!, store, targets, log: () => {} });
    try {
      return { header: made.header, changes: [...made.changes.all()].map((c): ResourceChange => JSON.parse(resourceChangeJson(c))) };
    } finally {
      made.changes.close();
    }
  }

  /** Records a plan's changes in the state as if Port had confirmed every one. */
  function recordAsApplied(seen: PlanSeen): void {
    store.recordWrites((writer) => {
      for (const c of seen.changes) {
        if (c.action === 'delete') writer.deleteEntity(c.blueprint, c.identifier);
        else writer.putEntity(entityRecord(c.blueprint, c.after!, c.scope, c.aws_identifier));
      }
    });
  }

  /** Plans and records the estate as it is: the state after a first apply. */
  async function applyFirstPlan(options: ConfigOptions = {}): Promise<void> {
    recordAsApplied(await plan(options));
  }

  /** Records the estate as a rebuild from Port would: every entity as applied, its owner unknown. */
  async function rebuildFirstPlan(): Promise<void> {
    const seen = await plan();
    store.recordWrites((writer) => {
      for (const c of seen.changes) writer.putEntity(entityRecord(c.blueprint, c.after!, UNKNOWN_SCOPE, null));
    });
  }

  const actions = (seen: PlanSeen) => seen.changes.map((c) => `${c.action} ${c.identifier}`).sort();
  const resource = (type: string, region: string, index = 0) => initial.filter((r) => r.type === type && r.region === region)[index]!;
  const without = (...gone: EstateResource[]) => initial.filter((r) => !gone.includes(r));

  it('creates an entity for every mapped resource of an estate the state does not know', async () => {
    const seen = await plan();
    assert.deepEqual(actions(seen), initial.map((r) => `create ${r.identifier}`).sort());
    assert.deepEqual(seen.header.summary, { add: 8, change: 0, destroy: 0 });
    assert.equal(seen.header.unchanged, 0);
    assert.equal(seen.header.complete, true);
    assert.equal(seen.header.lineage, store.lineage);
    assert.equal(seen.header.serial, store.serial);
    const instance = resource(EC2, 'eu-west-1');
    const change = seen.changes.find((c) => c.identifier === instance.identifier)!;
    assert.deepEqual(change.scope, { kind: EC2, account, region: 'eu-west-1' });
    assert.equal(change.aws_identifier, instance.identifier);
    assert.deepEqual(change.after?.properties, { kind: EC2, region: 'eu-west-1', type: instance.properties.InstanceType });
  });

  it('plans nothing for an estate equal to the state, and counts its entities unchanged', async () => {
    await applyFirstPlan();
    const seen = await plan();
    assert.deepEqual(seen.changes, []);
    assert.deepEqual(seen.header.summary, { add: 0, change: 0, destroy: 0 });
    assert.equal(seen.header.unchanged, 8);
    assert.equal(seen.header.serial, store.serial);
  });

  it('updates a changed resource, deletes a gone one and creates a new one, touching nothing else', async () => {
    await applyFirstPlan();
    const changed = resource(EC2, 'us-east-1');
    const gone = resource(S3, 'eu-west-1');
    const added = buildResource({ type: EC2, account, region: 'eu-west-1', name: 'i-0added0000000000' });
    world.sim.estate.resources = [...without(changed, gone), { ...changed, properties: { ...changed.properties, InstanceType: 'm7g.large' } }, added];
    const seen = await plan();
    assert.deepEqual(actions(seen), [`create ${added.identifier}`, `delete ${gone.identifier}`, `update ${changed.identifier}`].sort());
    assert.deepEqual(seen.header.summary, { add: 1, change: 1, destroy: 1 });
    assert.equal(seen.header.unchanged, 6);
    const update = seen.changes.find((c) => c.action === 'update')!;
    assert.equal(update.before?.properties.type, changed.properties.InstanceType);
    assert.equal(update.after?.properties.type, 'm7g.large');
  });

  it('keeps the entities of a scope AWS refused to list, and names the scope; other scopes are planned as usual', async () => {
    await applyFirstPlan();
    const goneInDenied = resource(EC2, 'eu-west-1');
    const goneElsewhere = resource(EC2, 'us-east-1');
    world.sim.estate.resources = without(goneInDenied, goneElsewhere);
    world.sim.faults.deny = [{ account, region: 'eu-west-1', type: EC2 }];
    const seen = await plan();
    assert.deepEqual(actions(seen), [`delete ${goneElsewhere.identifier}`]);
    assert.deepEqual(seen.header.skipped_scopes.map(({ kind, account: a, region }) => `${kind} ${a} ${region}`), [`${EC2} ${account} eu-west-1`]);
    assert.match(seen.header.skipped_scopes[0]!.error, /AccessDenied/);
    assert.equal(seen.header.complete, false);
  });

  it('keeps the entity of a resource listed but not read, and names it, while its scope is otherwise planned', async () => {
    await applyFirstPlan({ isBucketReadAgain: true });
    const [unreadable, gone] = initial.filter((r) => r.type === S3);
    world.sim.estate.resources = without(gone!);
    world.sim.faults.getResourceErrors = [{ type: S3, identifier: unreadable!.identifier, error: 'other' }];
    const seen = await plan({ isBucketReadAgain: true });
    assert.deepEqual(actions(seen), [`delete ${gone!.identifier}`]);
    assert.deepEqual(
      seen.header.unread_items.map((u) => `${u.kind} ${u.account} ${u.region} ${u.aws_identifier}`),
      [`${S3} ${account} global ${unreadable!.identifier}`],
    );
    assert.equal(seen.header.complete, false);
  });

  it('keeps the entities of a scope in which an item could not be mapped, and says why', async () => {
    await applyFirstPlan();
    const [unmappable, gone] = initial.filter((r) => r.type === EC2 && r.region === 'us-east-1');
    world.sim.estate.resources = without(gone!);
    // A selector must yield a boolean: for this one item it yields a string
    const seen = await plan({ ec2Selector: `if .Identifier == "${unmappable!.identifier}" then "yes" else true end` });
    assert.deepEqual(seen.changes, []);
    assert.deepEqual(seen.header.skipped_scopes.map(({ kind, region, error }) => `${kind} ${region}: ${error}`), [`${EC2} us-east-1: some items could not be mapped (see mapping issues)`]);
    assert.deepEqual(seen.header.mapping_issues.map((issue) => `${issue.kind} ${issue.field}`), [`${EC2} selector.query`]);
  });

  it('creates one entity per address when several resources map to it, and lists the others as conflicts', async () => {
    const seen = await plan({ ec2Identifier: '"shared-" + .__Region' });
    const instanceCreates = seen.changes.filter((c) => c.identifier.startsWith('shared-'));
    assert.deepEqual(instanceCreates.map((c) => c.identifier).sort(), ['shared-eu-west-1', 'shared-us-east-1']);
    assert.equal(seen.header.summary.add, 2 + 4);
    assert.equal(seen.header.address_conflicts.length, 2, 'one resource dropped per region');
    for (const conflict of seen.header.address_conflicts) {
      const created = instanceCreates.find((c) => `cloudResource.${c.identifier}` === conflict.address)!;
      assert.equal(conflict.kept.aws_identifier, created.aws_identifier, 'the conflict names the resource the plan kept');
      assert.notEqual(conflict.dropped.aws_identifier, conflict.kept.aws_identifier);
      assert.deepEqual(conflict.dropped.scope, created.scope);
    }
  });

  it('plans only the kinds of --target, reading no other, and deletes nothing of the others', async () => {
    await applyFirstPlan();
    const goneInstance = resource(EC2, 'us-east-1');
    const goneBucket = resource(S3, 'us-east-1');
    world.sim.estate.resources = without(goneInstance, goneBucket);
    const callsBefore = world.sim.calls.length;
    const seen = await plan({}, [S3]);
    assert.deepEqual(actions(seen), [`delete ${goneBucket.identifier}`]);
    assert.deepEqual(seen.header.targets, [S3]);
    assert.equal(seen.header.unchanged, 3);
    assert.deepEqual(world.sim.calls.slice(callsBefore).filter((c) => c.typeName === EC2), [], 'no EC2 call');
  });

  it('deletes an entity of unknown scope only after a run that read every scope completely; one produced again moves to its scope', async () => {
    await rebuildFirstPlan();
    const gone = resource(EC2, 'us-east-1');
    world.sim.estate.resources = without(gone);
    const seen = await plan();
    assert.deepEqual(actions(seen), [`delete ${gone.identifier}`]);
    assert.equal(seen.header.owner_moves?.length, initial.length - 1, 'every other entity moves to the scope that produced it, with no write');
    const instance = resource(EC2, 'eu-west-1');
    const move = seen.header.owner_moves!.find((m) => m.address === `cloudResource.${instance.identifier}`)!;
    assert.deepEqual(move.scope, { kind: EC2, account, region: 'eu-west-1' });
    assert.match(move.reason, /\(was unknown: rebuilt from Port\)/);
  });

  it('keeps the entities of unknown scope after a run with a skipped scope, an unread item, a --target or an incomplete account list', async () => {
    await rebuildFirstPlan();
    const gone = resource(EC2, 'us-east-1');
    world.sim.estate.resources = without(gone);
    world.sim.faults.deny = [{ account, region: 'eu-west-1', type: EC2 }];
    assert.deepEqual(actions(await plan()), [], 'a skipped scope');
    world.sim.faults.deny = [];
    world.sim.faults.getResourceErrors = [{ type: S3, identifier: resource(S3, 'us-east-1').identifier, error: 'other' }];
    assert.deepEqual(actions(await plan({ isBucketReadAgain: true })), [], 'an unread item');
    world.sim.faults.getResourceErrors = [];
    assert.deepEqual(actions(await plan({}, [EC2])), [], '--target');
    // Organizations lists accounts only to its management account: this run reads its own account alone
    const organization = world.sim.estate.organization!;
    const management = organization.managementAccountId;
    organization.managementAccountId = '999999999999';
    try {
      assert.deepEqual(actions(await plan()), [], 'an incomplete account list');
    } finally {
      organization.managementAccountId = management;
    }
  });

  it('refuses a --target that neither the config nor the state knows, with InvalidArgument', async () => {
    await assert.rejects(plan({}, ['AWS::S3::Buckets']), (error) => isAws2PortError(error, 'InvalidArgument'));
  });

  it('flags a blueprint of which it would delete more than entityDeletionThreshold allows', async () => {
    await applyFirstPlan();
    world.sim.estate.resources = initial.filter((r) => r.type === S3);
    const within = await plan({ entityDeletionThreshold: 0.5 });
    assert.deepEqual(within.header.summary.destroy, 4);
    assert.deepEqual(within.header.mass_deletions, []);
    const over = await plan({ entityDeletionThreshold: 0.25 });
    assert.deepEqual(over.header.mass_deletions, [{ blueprint: 'cloudResource', deleting: 4, managed: 8, threshold: 0.25 }]);
  });
});
