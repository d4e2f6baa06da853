import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDeletionShare, describeMassDeletion, findMassDeletions } from '../../src/plan/index.js';

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('findMassDeletions', () => {
  it('flags a blueprint of which the plan deletes more than the threshold allows, with the figures apply shows', () => {
    const found = findMassDeletions(counts({ cloudResource: 950 }), counts({ cloudResource: 1000 }), 0.9);
    assert.deepEqual(found, [{ blueprint: 'cloudResource', deleting: 950, managed: 1000, threshold: 0.9 }]);
  });

  it('allows deleting exactly the threshold, and flags one entity more', () => {
    assert.deepEqual(findMassDeletions(counts({ cloudResource: 9 }), counts({ cloudResource: 10 }), 0.9), []);
    assert.equal(findMassDeletions(counts({ cloudResource: 10 }), counts({ cloudResource: 10 }), 0.9).length, 1);
  });

  it('judges each blueprint on its own share, not on the plan as a whole', () => {
    // Half the plan's deletions overall, but every awsAccount entity
    const found = findMassDeletions(counts({ awsAccount: 2, cloudResource: 2 }), counts({ awsAccount: 2, cloudResource: 1000 }), 0.5);
    assert.deepEqual(found.map((entry) => entry.blueprint), ['awsAccount']);
  });

  it('names the blueprints in order, whatever order the plan deleted them in', () => {
    const found = findMassDeletions(counts({ zeta: 5, alpha: 5, mid: 1 }), counts({ zeta: 5, alpha: 5, mid: 100 }), 0.5);
    assert.deepEqual(found.map((entry) => entry.blueprint), ['alpha', 'zeta']);
  });

  it('holds a lower threshold (entityDeletionThreshold) to its word', () => {
    assert.deepEqual(findMassDeletions(counts({ cloudResource: 2 }), counts({ cloudResource: 10 }), 0.1).map((e) => e.deleting), [2]);
    assert.deepEqual(findMassDeletions(counts({ cloudResource: 1 }), counts({ cloudResource: 10 }), 0.1), []);
  });

  it('flags deleting every entity of a blueprint the state counts none of, and nothing when the plan deletes nothing', () => {
    assert.deepEqual(findMassDeletions(counts({ ghost: 3 }), counts({}), 0.9), [{ blueprint: 'ghost', deleting: 3, managed: 3, threshold: 0.9 }]);
    assert.deepEqual(findMassDeletions(counts({}), counts({ cloudResource: 10 }), 0.9), []);
    assert.deepEqual(findMassDeletions(counts({ cloudResource: 0 }), counts({ cloudResource: 0 }), 0.9), []);
  });
});

describe('describeMassDeletion and describeDeletionShare', () => {
  it('say how many of how many, as a percentage beside the threshold', () => {
    const entry = { blueprint: 'cloudResource', deleting: 950, managed: 1000, threshold: 0.9 };
    assert.equal(describeDeletionShare(entry), '950 of 1000 managed entities (95%, threshold 90%)');
    assert.equal(describeMassDeletion(entry), 'cloudResource: 950 of 1000 managed entities (95%, threshold 90%)');
  });

  it('round a share to one decimal, so a near miss is not shown as equal to the threshold', () => {
    assert.equal(describeDeletionShare({ blueprint: 'b', deleting: 1, managed: 3, threshold: 0.25 }), '1 of 3 managed entities (33.3%, threshold 25%)');
    assert.equal(describeDeletionShare({ blueprint: 'b', deleting: 9006, managed: 10000, threshold: 0.9 }), '9006 of 10000 managed entities (90.1%, threshold 90%)');
  });
});
