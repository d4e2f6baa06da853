import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orderBlueprintsByRelations } from '../../src/apply/index.js';

describe('orderBlueprintsByRelations', () => {
  it('puts relation targets before the blueprints that point at them', () => {
    const relations: Record<string, string[]> = { cloudResource: ['awsAccount'], service: ['cloudResource', 'awsAccount'] };
    assert.deepEqual(orderBlueprintsByRelations(['service', 'cloudResource', 'awsAccount'], (b) => relations[b] ?? []), ['awsAccount', 'cloudResource', 'service']);
  });

  it('keeps input order for unrelated blueprints and survives cycles and self-relations', () => {
    const relations: Record<string, string[]> = { a: ['b'], b: ['a'], c: ['c'] };
    assert.deepEqual(orderBlueprintsByRelations(['c', 'a', 'b'], (b) => relations[b] ?? []), ['c', 'b', 'a']);
  });

  it('ignores targets that are not part of the plan', () => {
    assert.deepEqual(orderBlueprintsByRelations(['cloudResource'], () => ['awsAccount']), ['cloudResource']);
  });
});
