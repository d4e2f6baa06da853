import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { RawItem } from '../../src/aws/raw-item.js';
import { compileMapper, loadJqEngine } from '../../src/mapping/index.js';
import { buildBucketItems, buildResource } from './builders.js';

const engine = await loadJqEngine();

/** Runs per property: sized for CI; AWS2PORT_FUZZ_RUNS sets a longer run. */
const RUNS = Number(process.env['AWS2PORT_FUZZ_RUNS'] ?? 25);

/** A mapping with fields on the fast path and on jq-wasm, reading the hostile part whole. */
const RESOURCE = buildResource({
  title: '.Identifier',
  properties: {
    hostile: '.Properties.Hostile',
    text: '.Properties.Hostile | tojson | length',
    paths: '[.Properties | paths] | length',
    keys: '.Properties.Hostile | if type == "object" then keys else null end',
  },
});

/** A JSON value nested `depth` levels deep around `leaf`, in arrays or objects with awkward keys. */
function nested(depth: number, leaf: unknown, key: string | null): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level += 1) value = key === null ? [value] : { [key]: value };
  return value;
}

/** What AWS could hand over, and a mapping meet: deep, wide, huge, odd strings and keys, numbers beyond a double. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.integer({ min: 200, max: 3000 }), fc.constantFrom(null, '__proto__', 'constructor', 'a'), fc.constantFrom<unknown>(1, 'x', null, Infinity)).map(([depth, key, leaf]) =>
    nested(depth, leaf, key),
  ),
  fc.integer({ min: 1000, max: 50_000 }).map((width) => Array.from({ length: width }, (_, index) => ({ ['k' + index]: index }))),
  fc.tuple(fc.integer({ min: 100_000, max: 2_000_000 }), fc.string({ maxLength: 3 })).map(([length, unit]) => (unit === '' ? 'x' : unit).repeat(length).slice(0, length)),
  fc.array(fc.constantFrom('\ud800', '\udfff', 'a\udc00b', '\ud83d\ude00', '\u0000'), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '\ud800'), fc.jsonValue({ maxDepth: 3 })),
  fc.constantFrom<unknown>(Infinity, -Infinity, [1, Infinity], { a: -Infinity }),
  fc.jsonValue({ maxDepth: 4 }),
);

describe('compileMapper over generated hostile values', () => {
  it('maps or skips the hostile item with an issue, never throws, and maps the items after it as it maps them alone', { timeout: 600_000 }, () => {
    const mapper = compileMapper(RESOURCE, engine, { timeBudgetMs: 2000 });
    const after = buildBucketItems(3);
    const expected = mapper.mapBatch(after);
    fc.assert(
      fc.property(hostileValue, (hostile) => {
        const item: RawItem = { ...buildBucketItems(1)[0]!, Identifier: 'hostile' };
        item.Properties = { ...item.Properties, Hostile: hostile };

        const result = mapper.mapBatch([item, ...after]);

        // The hostile item: an entity, or issues that skip it and protect its scope.
        const own = result.issues.filter((issue) => issue.itemIndex === 0);
        const isMapped = result.entities.some((mapped) => mapped.itemIndex === 0);
        if (!isMapped) assert.ok(own.some((issue) => issue.isItemSkipped && issue.isScopeTainting), JSON.stringify(own));
        for (const issue of own) assert.ok(!issue.message.includes('\n'), 'one line');
        // The others: exactly what they give alone.
        assert.deepEqual(
          result.entities.filter((mapped) => mapped.itemIndex > 0).map((mapped) => ({ ...mapped, itemIndex: mapped.itemIndex - 1 })),
          expected.entities,
        );
        assert.deepEqual(result.issues.filter((issue) => issue.itemIndex > 0).map((issue) => ({ ...issue, itemIndex: issue.itemIndex - 1 })), expected.issues);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });
});
