import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawItem } from '../../src/aws/raw-item.js';
import { MAX_VALUE_DEPTH } from '../../src/mapping/constants.js';
import { compileMapper, loadJqEngine, type CompileMapperOptions, type MapBatchResult } from '../../src/mapping/index.js';
import { buildBucketItem, buildBucketItems, buildResource, type ResourceSpec } from './builders.js';

const engine = await loadJqEngine();

/** An array nested `depth` levels deep: `[[[...]]]`. */
function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level += 1) value = [value];
  return value;
}

/**
 * Maps `items` in one batch, and again without the items at `hostile`, and checks that the hostile
 * ones each gave one issue that skips the item and taints its scope, and nothing else, while every
 * other item gave exactly what it gives without them. Returns the hostile items' issue messages.
 */
function assertIsolated(spec: ResourceSpec, items: RawItem[], hostile: number[], options: CompileMapperOptions = {}): string[] {
  const mapper = compileMapper(buildResource(spec), engine, options);
  const result = mapper.mapBatch(items);
  const others = items.map((_, index) => index).filter((index) => !hostile.includes(index));
  const alone: MapBatchResult = mapper.mapBatch(others.map((index) => items[index]!));

  assert.deepEqual(
    result.entities.map(({ itemIndex, ...rest }) => ({ item: itemIndex, ...rest })),
    alone.entities.map(({ itemIndex, ...rest }) => ({ item: others[itemIndex]!, ...rest })),
  );
  const hostileIssues = result.issues.filter((issue) => hostile.includes(issue.itemIndex));
  assert.deepEqual(hostileIssues.map((issue) => [issue.itemIndex, issue.isItemSkipped, issue.isScopeTainting]), hostile.map((index) => [index, true, true]));
  assert.deepEqual(
    result.issues.filter((issue) => !hostile.includes(issue.itemIndex)).map((issue) => ({ ...issue, itemIndex: others.indexOf(issue.itemIndex) })),
    alone.issues,
  );
  return hostileIssues.map((issue) => issue.message);
}

describe('compileMapper with hostile items: each is skipped with an issue, and the others map as without it', () => {
  it('skips an item nested 6,000 levels deep under a mapping that reads it whole, instead of overflowing the stack', () => {
    // Regression (issue: a deep item crashed the whole run with "Maximum call stack size exceeded").
    const items = buildBucketItems(5, (item, index) => {
      if (index === 2) item.Properties!['Deep'] = nestedArray(6000);
    });

    const [message] = assertIsolated({ properties: { paths: '[.Properties | paths] | length' } }, items, [2]);

    assert.match(message!, new RegExp(`nested more than ${MAX_VALUE_DEPTH} levels`));
  });

  it('skips an item nested deeper than the limit when the fast path alone reads it, and one with lone surrogates', () => {
    const items = buildBucketItems(4, (item, index) => {
      if (index === 1) item.Properties!['Deep'] = nestedArray(MAX_VALUE_DEPTH + 1);
      if (index === 3) item.Properties!['Deep'] = [nestedArray(6000), 'lone \ud800'];
    });

    assertIsolated({ properties: { deep: '.Properties.Deep' } }, items, [1, 3]);
  });

  it('maps an item exactly at the depth limit', () => {
    // The item, Properties, then Deep's levels: MAX_VALUE_DEPTH in all.
    const item = buildBucketItem('deep', { Deep: nestedArray(MAX_VALUE_DEPTH - 2) });

    const result = compileMapper(buildResource({ properties: { deep: '.Properties.Deep', paths: '[.Properties | paths] | length' } }), engine).mapBatch([item]);

    assert.deepEqual(result.issues, []);
    // Three other properties, Deep, and one path per level inside it.
    assert.equal(result.entities[0]!.entity.properties['paths'], 3 + MAX_VALUE_DEPTH - 2);
  });

  it('skips an item on which jq-wasm crashes, and maps every later item, in this batch and the next, with a fresh jq', () => {
    // Regression: a value about 1,000 levels deep made jq-wasm trap ("memory access out of bounds"),
    // and every later run failed with "Aborted()".
    const spec = { properties: { text: 'if .Properties.Build then reduce range(1000) as $i (0; [.]) | tojson | length else .Identifier end' } };
    const items = buildBucketItems(6, (item, index) => {
      if (index === 1 || index === 4) item.Properties!['Build'] = true;
    });

    const messages = assertIsolated(spec, items, [1, 4]);

    for (const message of messages) assert.match(message, /jq-wasm crashed on this item/);
    const later = compileMapper(buildResource(spec), engine).mapBatch(buildBucketItems(3));
    assert.deepEqual(later.issues, []);
    assert.deepEqual(later.entities.map((mapped) => mapped.entity.properties['text']), ['bucket-0', 'bucket-1', 'bucket-2']);
  });

  it('skips an item on which jq runs past its time budget, and maps the others', { timeout: 120_000 }, () => {
    // Regression: a runaway evaluation (here a range as long as a property says) used to hang the run.
    const items = buildBucketItems(8, (item, index) => {
      item.Properties!['Count'] = index === 5 ? 1e12 : 3;
    });

    const [message] = assertIsolated({ properties: { count: '[range(.Properties.Count)] | length' } }, items, [5], { timeBudgetMs: 300 });

    assert.match(message!, /time budget of 300 ms/);
  });

  it('skips an item whose mapped value is 800 levels deep instead of printing it (which hung)', { timeout: 120_000 }, () => {
    const items = buildBucketItems(3, (item, index) => {
      if (index === 0) item.Properties!['Deep'] = nestedArray(800);
    });

    assertIsolated({ properties: { deep: '.Properties.Deep | walk(.)' } }, items, [0]);
    assertIsolated({ properties: { deep: '.Properties.Deep' } }, items, [0]);
  });

  it('skips an item with a number beyond a double, in the item (1e400) or in the mapping (9E999999999), instead of a silent null', () => {
    const items = buildBucketItems(4, (item, index) => {
      if (index === 1) item.Properties!['Size'] = JSON.parse('1e400') as number;
      if (index === 2) item.Properties!['Literal'] = true;
    });

    const messages = [
      ...assertIsolated({ properties: { size: '.Properties.Size' } }, items, [1]),
      ...assertIsolated({ properties: { size: '.Properties.Size | @text' } }, items, [1]),
      ...assertIsolated({ properties: { big: 'if .Properties.Literal then 9E999999999 else 1 end' } }, items, [2]),
    ];

    for (const message of messages) assert.match(message, /beyond the range of a double/);
  });
});

describe('compileMapper: jq semantics the fast path and the field wrapper keep', () => {
  it('captures an optional named group that matched the empty string as "", as jq does', () => {
    const items = ['web', 'prod-web'].map((name) => buildBucketItem(name));
    const result = compileMapper(
      buildResource({ properties: { parts: '.Identifier | capture("^(?<env>prod|)?-?(?<app>[a-z]+)$")', x: '"b" | capture("(?<x>a?)?b?") | .x', sub: '"b" | sub("(?<x>a?)?b?"; "[\\(.x)]")' } }),
      engine,
    ).mapBatch(items);

    assert.deepEqual(result.entities.map((mapped) => mapped.entity.properties), [
      { parts: { env: '', app: 'web' }, x: '', sub: '[]' },
      { parts: { env: 'prod', app: 'web' }, x: '', sub: '[]' },
    ]);
  });

  it('takes the first output of an expression with destructuring alternatives (?//) as jq gives it', () => {
    const item = buildBucketItem('a', { Pairs: [[3], [4]], Objects: [{ a: 1 }] });
    const result = compileMapper(
      buildResource({
        properties: {
          pairs: '.Properties.Pairs | .[] as {a:$a} ?// $a | $a',
          // `first` would break out of the first alternative, and `?//` would try the second, which fails.
          objects: '.Properties.Objects | .[] as {a:$a} ?// [$a] | $a',
          fails: '.Properties.Objects | .[] as [$a] ?// [$b] | $a',
        },
      }),
      engine,
    ).mapBatch([item]);

    assert.deepEqual(result.entities[0]!.entity.properties, { pairs: [3], objects: 1, fails: null });
    assert.deepEqual(result.issues.map((issue) => issue.field), ['properties.fails']);
    assert.match(result.issues[0]!.message, /Cannot index object with number/);
  });
});
