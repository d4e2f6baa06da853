import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { assertPlanApplicable, readPlanFile, savePlanFile, resourceChangeJson, type PlanDocument, type ResourceChange } from '../../src/plan/index.js';
import { openStateDatabase } from '../../state/index.js';
import { aChange, aMove, aPlan, aPlanOf, anEntity, aScope } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';

const basis = { lineage: '00000000-0000-4000-8000-000000000000', serial: 3, configHash: 'sha256:abc' };

/** A plan read back from a file, as a document again (owner moves listed only when there are some, as written). */
async function readBack(file: string): Promise<PlanDocument> {
  const plan = await readPlanFile(file, openStateDatabase(':memory:'));
  const { owner_moves, ...header } = plan.header;
  const resource_changes = [...plan.changes.all()].map((change) => JSON.parse(resourceChangeJson(change)) as ResourceChange);
  return { ...header, resource_changes, ...(owner_moves.length > 0 ? { owner_moves } : {}) };
}

const canonical = (document: PlanDocument) => JSON.parse(JSON.stringify(document)) as unknown;

describe('plan files', () => {
  it('load back deep-equal to what was saved', async () => {
    const document = aPlan([aChange('delete', 'b', { reason: 'no longer in AWS' }), aChange('create', 'a'), aChange('update', 'c', { after: anEntity('c', { title: 'new' }) })]);
    const file = join(tempDir(), 'p.plan');
    await savePlanFile(file, aPlanOf(document));
    assert.deepEqual(canonical(await readBack(file)), canonical(document));
  });

  it('are one valid JSON document, the same as plan --json prints', async () => {
    const document = aPlan([aChange('create', 'a'), aChange('create', 'b')]);
    const file = join(tempDir(), 'p.plan');
    await savePlanFile(file, aPlanOf(document));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), canonical(document));
  });

  it('keep owner moves apart from the changes, and list them only when there are some', async () => {
    const moves = [aMove('x', aScope({ account: '222222222222' }), aScope())];
    const document = aPlan([aChange('create', 'a')], { owner_moves: moves });
    const file = join(tempDir(), 'p.plan');
    await savePlanFile(file, aPlanOf(document));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
    assert.deepEqual([saved.resource_changes.map((c) => c.action), saved.owner_moves, saved.summary], [['create'], moves, { add: 1, change: 0, destroy: 0 }]);
    assert.deepEqual(canonical(await readBack(file)), canonical(document));
    await savePlanFile(file, aPlanOf(aPlan([aChange('create', 'a')])));
    assert.equal('owner_moves' in (JSON.parse(readFileSync(file, 'utf8')) as PlanDocument), false);
  });

  it('load back a plan with no changes, such as one of owner moves alone', async () => {
    const document = aPlan([], { owner_moves: [aMove('x', aScope({ account: '222222222222' }), aScope())] });
    const file = join(tempDir(), 'p.plan');
    await savePlanFile(file, aPlanOf(document));
    assert.deepEqual(canonical(await readBack(file)), canonical(document));
    await savePlanFile(file, aPlanOf(aPlan()));
    assert.deepEqual(canonical(await readBack(file)), canonical(aPlan()));
  });

  it('load a plan document written on one line too', async () => {
    const document = aPlan([aChange('create', 'a')]);
    const file = join(tempDir(), 'p.plan');
    writeFileSync(file, JSON.stringify(document));
    assert.deepEqual(canonical(await readBack(file)), canonical(document));
  });

  it('stream thousands of changes through save and load', async () => {
    const document = aPlan(Array.from({ length: 5000 }, (_, i) => aChange('create', `bucket-${String(i).padStart(5, '0')}`)));
    const file = join(tempDir(), 'p.plan');
    await savePlanFile(file, aPlanOf(document));
    const back = await readBack(file);
    assert.equal(back.resource_changes.length, 5000);
    assert.deepEqual(back.resource_changes[4999], (canonical(document) as PlanDocument).resource_changes[4999]);
  });

  it('refuse a file that is not a plan', async () => {
    const file = join(tempDir(), 'p.plan');
    writeFileSync(file, '{"hello": 1}');
    await assert.rejects(readBack(file), (error) => isAws2PortError(error, 'PlanFileInvalid'));
    writeFileSync(file, 'not json');
    await assert.rejects(readBack(file), (error) => isAws2PortError(error, 'PlanFileInvalid'));
  });

  it('refuse a file that is missing or a folder, saying which', async () => {
    const dir = tempDir();
    for (const [file, why] of [[join(dir, 'missing.plan'), 'it does not exist'], [dir, 'it is a folder']] as const) {
      await assert.rejects(readBack(file), (error) => isAws2PortError(error, 'PlanFileInvalid') && error.message === `Cannot read the plan file ${file}: ${why}.`);
    }
  });

  it('apply when lineage, serial and config match', () => {
    assert.doesNotThrow(() => assertPlanApplicable(aPlan(), basis));
  });

  for (const [situation, changed] of [
    ['the serial moved', { serial: 5 }],
    ['the state is another one', { lineage: '11111111-0000-4000-8000-000000000000' }],
    ['the config changed', { configHash: 'sha256:def' }],
  ] as const) {
    it(`is refused as stale when ${situation}`, () => {
      assert.throws(() => assertPlanApplicable(aPlan(), { ...basis, ...changed }), (error) => isAws2PortError(error, 'PlanStale') && error.message.startsWith('Saved plan is stale'));
    });
  }
});
