import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanDocument } from '../../src/plan/index.js';
import { startWorld, type World } from '../support/world.js';

const EDITED = 'acme-shared-logs';
const DELETED = 'i-1111a000000000000';

describe('refresh after an entity was edited and another deleted in Port', () => {
  let world: World;
  let tagsWritten: unknown;

  before(async () => {
    world = await startWorld();
    const apply = await world.run(['apply', '--auto-approve']);
    assert.equal(apply.code, 0, apply.stderr);
    tagsWritten = world.port.entity('cloudResource', EDITED)?.properties.tags;
    // WHEN someone edits one entity and deletes another in Port's UI
    world.port.editEntity('cloudResource', EDITED, { title: 'renamed by hand', properties: { tags: [] } });
    world.port.removeEntity('cloudResource', DELETED);
  });
  after(() => world.close());

  it('reports both drifts and records them in the state, writing nothing to Port', async () => {
    const writes = world.port.writes.length;
    const run = await world.run(['refresh']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`~ cloudResource\\.${EDITED}: title, properties\\.tags changed in Port`));
    assert.match(run.stdout, new RegExp(`- cloudResource\\.${DELETED}: deleted in Port`));
    assert.match(run.stdout, /Refresh complete: 32 entities checked, 1 changed in Port, 1 deleted in Port\./);
    assert.equal(world.port.writes.length, writes);
    const show = await world.run(['state', 'show', `cloudResource.${EDITED}`]);
    assert.match(show.stdout, /renamed by hand/);
  });

  it('makes the next plan restore them, and apply does', async () => {
    const plan = await world.run(['plan', '--json']);
    const document = JSON.parse(plan.stdout) as PlanDocument;
    assert.deepEqual(
      document.resource_changes.map((c) => `${c.action} ${c.address}`).sort(),
      [`create cloudResource.${DELETED}`, `update cloudResource.${EDITED}`],
    );
    const apply = await world.run(['apply', '--auto-approve']);
    assert.equal(apply.code, 0, apply.stderr);
    assert.equal(world.port.entity('cloudResource', EDITED)?.title, EDITED);
    assert.deepEqual(world.port.entity('cloudResource', EDITED)?.properties.tags, tagsWritten);
    assert.ok(world.port.entity('cloudResource', DELETED));
  });

  it('finds nothing more to refresh once restored', async () => {
    const run = await world.run(['refresh', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').at(-1)!), { type: 'refresh_complete', checked: 32, changed: 0, deleted: 0 });
  });
});
