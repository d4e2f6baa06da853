import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawItem } from '../../src/aws/raw-item.js';
import { compileMapper, loadJqEngine } from '../../src/mapping/index.js';
import { seededRandom } from './builders.js';
import { JsonGenerator } from './fast-path/generate-json.js';
import { generateSeedItems } from './generate-seed-items.js';
import { SEED_RESOURCES } from './seed-mapping.js';

const engine = await loadJqEngine();
const ITEMS_PER_KIND = 3000;

/**
 * Seed items, one in three damaged the way real data and bad samples are: a field removed, nulled
 * or replaced by a value of another type (numbers large and small, unicode, nested arrays).
 */
function damagedItems(kind: string, seed: number): RawItem[] {
  const json = new JsonGenerator(seededRandom(seed));
  return generateSeedItems(kind, ITEMS_PER_KIND, seed).map((item) => {
    if (!json.chance(1 / 3)) return item;
    const properties = item.Properties ?? item;
    const target = json.chance(0.5) ? properties : item;
    const key = json.pick(Object.keys(target));
    const roll = json.random();
    if (roll < 0.3) delete target[key];
    else if (roll < 0.5) target[key] = null;
    else target[key] = json.value(2);
    return item;
  });
}

describe('the seed mapping on the fast path, against the same mapping on jq 1.8.2 alone', () => {
  for (const resource of SEED_RESOURCES) {
    it(`gives the same entities and issues for ${ITEMS_PER_KIND} generated ${resource.kind} items`, () => {
      // GIVEN generated items, a third of them damaged
      const items = damagedItems(resource.kind, resource.index + 100);

      // WHEN the mapper maps them with the fast path, and with jq only
      const fast = compileMapper(resource, engine);
      const jqOnly = compileMapper(resource, engine, { isJqOnly: true });

      // THEN every expression of the seed runs on the fast path, and both give the same result
      assert.deepEqual(fast.fields.filter((field) => field.jqReason !== null), []);
      const actual = fast.mapBatch(items);
      const expected = jqOnly.mapBatch(items);
      assert.equal(JSON.stringify(actual.entities), JSON.stringify(expected.entities));
      assert.deepEqual(actual.issues, expected.issues);
      assert.equal(actual.filtered, expected.filtered);
      assert.ok(expected.issues.length > ITEMS_PER_KIND / 20, 'the damage reached the mapping');
    });
  }
});
