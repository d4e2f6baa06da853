import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { RawItem } from '../../src/aws/index.js';
import { blueprintSchemaOf, compileMapper, loadJqEngine, type JqEngine, type Mapper } from '../../src/mapping/index.js';
import { makeResourcePlan, planHasChanges, type Plan, type ResourceObservation } from '../../src/plan/index.js';
import { openStateDatabase, StateStore } from '../../state/index.js';
import { buildResource as buildResourceConfig, type ResourceSpec } from '../mapping/builders.js';
import { tempDir } from '../support/temp-dir.js';
import type { Scope } from '../../src/model/index.js';

const ACCOUNT = '111111111111';
const CLUSTERS: Scope = { kind: 'AWS::ECS::Cluster', account: ACCOUNT, region: 'eu-west-1' };
/** The seed's ECS mapping: the entity identifier is the ARN, not Cloud Control's identifier. */
const CLUSTER_MAPPING: ResourceSpec = { kind: 'AWS::ECS::Cluster', identifier: '.Properties.Arn', title: '.Identifier', properties: { tags: '.Properties.Tags' } };

let engine: JqEngine;
before(async () => {
  engine = await loadJqEngine();
});

function mappers(...specs: ResourceSpec[]): Map<string, Mapper[]> {
  const byKind = new Map<string, Mapper[]>();
  specs.forEach((spec, index) => {
    const mapper = compileMapper(buildResourceConfig({ ...spec, index }), engine);
    byKind.set(mapper.resource.kind, [...(byKind.get(mapper.resource.kind) ?? []), mapper]);
  });
  return byKind;
}

function newStore(): StateStore {
  return new StateStore(openStateDatabase(join(tempDir(), 'state.db')));
}

function cluster(name: string, tags: Array<{ Key: string; Value: string }> = []): RawItem {
  return { Identifier: name, Properties: { ClusterName: name, Arn: `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/${name}`, Tags: tags }, __Kind: 'AWS::ECS::Cluster', __AccountId: ACCOUNT, __Region: 'eu-west-1' };
}

function seen(name: string, item: RawItem | undefined, scope: Scope = CLUSTERS): ResourceObservation {
  return { scope, awsIdentifier: name, item };
}

/** The plan's changes as `action identifier`, in plan order; closes the plan. */
function actions(plan: Plan): string[] {
  const rows = [...plan.changes.all()].map((c) => `${c.action} ${c.identifier}`);
  plan.changes.close();
  return rows;
}

/** Records the plan's changes in the state as if Port had confirmed every one. */
function recordAsApplied(store: StateStore, plan: Plan): void {
  const changes = [...plan.changes.all()];
  plan.changes.close();
  store.recordWrites((writer) => {
    for (const c of changes) {
      if (c.action === 'delete') writer.deleteEntity(c.blueprint, c.identifier);
      else writer.putEntity({ blueprint: c.blueprint, identifier: c.identifier, scope: c.scope, awsIdentifier: c.awsIdentifier, entity: c.after!, body: c.afterBody! });
    }
  });
}

function plan(store: StateStore, byKind: Map<string, Mapper[]>, observations: ResourceObservation[]): Plan {
  return makeResourcePlan({ configHash: 'sha256:test', store, mappersByKind: byKind, observations });
}

describe('makeResourcePlan', () => {
  it('creates the entity of a resource the state does not know, and records its Cloud Control identifier', () => {
    const store = newStore();
    const result = plan(store, mappers(CLUSTER_MAPPING), [seen('jobs', cluster('jobs'))]);
    const [change] = [...result.changes.all()];
    assert.equal(change?.action, 'create');
    assert.equal(change?.identifier, `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/jobs`);
    assert.equal(change?.awsIdentifier, 'jobs');
    assert.deepEqual(result.header.summary, { add: 1, change: 0, destroy: 0 });
    assert.equal(result.header.lineage, store.lineage);
    result.changes.close();
  });

  it('updates an entity whose mapped fields changed, and leaves an equal one alone', () => {
    const store = newStore();
    const byKind = mappers(CLUSTER_MAPPING);
    recordAsApplied(store, plan(store, byKind, [seen('jobs', cluster('jobs')), seen('web', cluster('web'))]));
    const result = plan(store, byKind, [seen('jobs', cluster('jobs', [{ Key: 'team', Value: 'a' }])), seen('web', cluster('web'))]);
    assert.equal(result.header.unchanged, 1);
    assert.deepEqual(actions(result), [`update arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/jobs`]);
  });

  it('deletes what a gone resource produced, found by its Cloud Control identifier though the entity is named by ARN', () => {
    const store = newStore();
    const byKind = mappers(CLUSTER_MAPPING);
    recordAsApplied(store, plan(store, byKind, [seen('jobs', cluster('jobs')), seen('web', cluster('web'))]));
    const result = plan(store, byKind, [seen('jobs', undefined)]);
    const [change] = [...result.changes.all()];
    assert.equal(change?.action, 'delete');
    assert.equal(change?.identifier, `arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/jobs`);
    assert.equal(change?.reason, 'the resource is gone from AWS');
    assert.equal(result.header.summary.destroy, 1, 'the other cluster of the same scope is not touched');
    result.changes.close();
  });

  it('plans nothing for a gone resource the state never recorded', () => {
    const store = newStore();
    assert.deepEqual(actions(plan(store, mappers(CLUSTER_MAPPING), [seen('never-seen', undefined)])), []);
  });

  it('replaces an entity when the resource now maps to another identifier', () => {
    const store = newStore();
    const byName = mappers({ ...CLUSTER_MAPPING, identifier: '.Properties.Label' });
    const labelled = (label: string) => ({ ...cluster('jobs'), Properties: { ...cluster('jobs').Properties, Label: label } });
    recordAsApplied(store, plan(store, byName, [seen('jobs', labelled('old-label'))]));
    assert.deepEqual(actions(plan(store, byName, [seen('jobs', labelled('new-label'))])), ['delete old-label', 'create new-label']);
  });

  it('deletes the entity of a resource the selector now filters out', () => {
    const store = newStore();
    const onlyTagged = mappers({ ...CLUSTER_MAPPING, identifier: '.Identifier', selector: '(.Properties.Tags | length) > 0' });
    recordAsApplied(store, plan(store, onlyTagged, [seen('jobs', cluster('jobs', [{ Key: 'keep', Value: 'yes' }]))]));
    const result = plan(store, onlyTagged, [seen('jobs', cluster('jobs'))]);
    const [change] = [...result.changes.all()];
    assert.equal(`${change?.action} ${change?.identifier} (${change?.reason})`, 'delete jobs (the resource no longer maps to it)');
    result.changes.close();
  });

  it('deletes nothing of a resource one of its configs could not map, and says the plan is incomplete', () => {
    const store = newStore();
    recordAsApplied(store, plan(store, mappers(CLUSTER_MAPPING), [seen('jobs', cluster('jobs'))]));
    const broken = mappers({ ...CLUSTER_MAPPING, identifier: '.Properties.Arn | error("no identifier today")' });
    const result = plan(store, broken, [seen('jobs', cluster('jobs'))]);
    assert.equal(result.header.complete, false);
    assert.equal(result.header.skipped_scopes.length, 1);
    assert.equal(result.header.mapping_issues[0]?.field, 'identifier');
    assert.deepEqual(actions(result), []);
  });

  it('maps a resource through every config of its kind', () => {
    const store = newStore();
    const twoConfigs = mappers(CLUSTER_MAPPING, { ...CLUSTER_MAPPING, identifier: '.Identifier', blueprint: '"ecsCluster"' });
    const result = plan(store, twoConfigs, [seen('jobs', cluster('jobs'))]);
    assert.deepEqual([...result.changes.all()].map((c) => `${c.blueprint}.${c.identifier}`).sort(), ['cloudResource.arn:aws:ecs:eu-west-1:111111111111:cluster/jobs', 'ecsCluster.jobs']);
    result.changes.close();
  });

  it('tells apart resources with one identifier in two regions', () => {
    const store = newStore();
    const tables = mappers({ kind: 'AWS::DynamoDB::Table', identifier: '.Properties.Arn' });
    const table = (region: string): RawItem => ({ Identifier: 'orders', Properties: { TableName: 'orders', Arn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/orders` }, __Kind: 'AWS::DynamoDB::Table', __AccountId: ACCOUNT, __Region: region });
    const scopeIn = (region: string): Scope => ({ kind: 'AWS::DynamoDB::Table', account: ACCOUNT, region });
    recordAsApplied(store, plan(store, tables, [seen('orders', table('us-east-1'), scopeIn('us-east-1')), seen('orders', table('eu-west-1'), scopeIn('eu-west-1'))]));
    assert.deepEqual(actions(plan(store, tables, [seen('orders', undefined, scopeIn('eu-west-1'))])), [`delete arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`]);
  });

  it('plans an entity now produced by another scope as a move, outside the changes and their summary, as a full plan does', () => {
    const store = newStore();
    const byKind = mappers(CLUSTER_MAPPING);
    recordAsApplied(store, plan(store, byKind, [seen('a', cluster('a'))]));
    const elsewhere: Scope = { ...CLUSTERS, region: 'global' };
    const moved = plan(store, byKind, [seen('a', cluster('a'), elsewhere)]);
    const changes = [...moved.changes.all()];
    moved.changes.close();
    assert.deepEqual(changes, []);
    assert.deepEqual(moved.header.summary, { add: 0, change: 0, destroy: 0 });
    assert.ok(planHasChanges(moved.header), 'a move is something for apply to do');
    const [move, ...rest] = moved.header.owner_moves;
    assert.deepEqual(rest, []);
    assert.equal(move?.action, 'move');
    assert.deepEqual([move?.scope, move?.from.scope], [elsewhere, CLUSTERS]);
    assert.match(move?.reason ?? '', /now produced by AWS::ECS::Cluster 111111111111 global a \(was AWS::ECS::Cluster 111111111111 eu-west-1 a\)/);
  });

  it('gives the same plan whatever the order of the observations', () => {
    const store = newStore();
    const byKind = mappers(CLUSTER_MAPPING);
    recordAsApplied(store, plan(store, byKind, [seen('a', cluster('a')), seen('b', cluster('b'))]));
    const observations = [seen('a', undefined), seen('b', cluster('b', [{ Key: 'x', Value: '1' }])), seen('c', cluster('c'))];
    const forward = actions(plan(store, byKind, observations));
    const backward = actions(plan(store, byKind, [...observations].reverse()));
    assert.deepEqual(forward, backward);
    assert.deepEqual(forward.map((a) => a.split(' ')[0]), ['delete', 'create', 'update']);
  });

  it('leaves out an entity whose value the blueprint Port has refuses, keeps the recorded one, and names the value', () => {
    // GIVEN the state records the cluster, and Port's blueprint now wants tags as an object
    const store = newStore();
    const byKind = mappers(CLUSTER_MAPPING);
    recordAsApplied(store, plan(store, byKind, [seen('jobs', cluster('jobs'))]));
    const schemas = new Map([['cloudResource', blueprintSchemaOf({ identifier: 'cloudResource', schema: { properties: { tags: { type: 'object' } } } })]]);
    // WHEN its tags change
    const result = makeResourcePlan({ configHash: 'sha256:test', store, mappersByKind: byKind, observations: [seen('jobs', cluster('jobs', [{ Key: 'team', Value: 'x' }]))], blueprintSchemas: schemas });
    // THEN nothing is planned for it, and the refusal is named
    assert.deepEqual(result.header.value_refusals.map((r) => [r.address, r.property, r.rule]), [[`cloudResource.arn:aws:ecs:eu-west-1:${ACCOUNT}:cluster/jobs`, 'tags', 'type']]);
    assert.equal(result.header.complete, false);
    assert.deepEqual(actions(result), []);
  });
});
