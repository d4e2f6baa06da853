import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { assertPlanApplicable, loadPlanFile, savePlanFile } from '../../src/plan/index.js';
import { aChange, aPlan } from '../support/builders.js';
import { tempDir } from '../support/temp-dir.js';

const basis = { lineage: '00000000-0000-4000-8000-000000000000', serial: 3, configHash: 'sha256:abc' };

describe('plan files', () => {
  it('load back deep-equal to what was saved', () => {
    const plan = aPlan([aChange('create', 'a'), aChange('delete', 'b', { reason: 'no longer in AWS' }), aChange('update', 'c')]);
    const file = join(tempDir(), 'p.plan');
    savePlanFile(file, plan);
    assert.deepEqual(loadPlanFile(file), plan);
  });

  it('refuse a file that is not a plan', () => {
    const file = join(tempDir(), 'p.plan');
    writeFileSync(file, '{"hello": 1}');
    assert.throws(() => loadPlanFile(file), (error) => isAws2PortError(error, 'PlanFileInvalid'));
    writeFileSync(file, 'not json');
    assert.throws(() => loadPlanFile(file), (error) => isAws2PortError(error, 'PlanFileInvalid'));
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
