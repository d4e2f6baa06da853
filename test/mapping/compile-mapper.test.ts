import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RawItem } from '../../src/aws/raw-item.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { compileMapper, loadJqEngine, type JqEngine, type MapBatchResult } from '../../src/mapping/index.js';
import { buildBucketItem, buildBucketItems, buildResource, type ResourceSpec } from './builders.js';

const engine = await loadJqEngine();

function map(spec: ResourceSpec, items: RawItem[]): MapBatchResult {
  return compileMapper(buildResource(spec), engine).mapBatch(items);
}

/** The issues as (item, field, skipped) triples, for comparisons that do not depend on wording. */
function issueKeys(result: MapBatchResult): Array<[number, string, boolean]> {
  return result.issues.map((issue) => [issue.itemIndex, issue.field, issue.isItemSkipped]);
}

describe('compileMapper', () => {
  it('maps an item to an entity with nulls where fields are absent, properties and relations in config order', () => {
    const result = map(
      { properties: { zeta: '.Properties.Arn', alpha: '.__Region', missing: '.Properties.Nope' }, relations: { account: '.__AccountId' } },
      [buildBucketItem('my-bucket')],
    );

    assert.deepEqual(result, {
      entities: [
        {
          itemIndex: 0,
          blueprint: 'cloudResource',
          entity: {
            identifier: 'my-bucket',
            title: null,
            icon: null,
            team: null,
            properties: { zeta: 'arn:aws:s3:::my-bucket', alpha: 'eu-west-1', missing: null },
            relations: { account: '111111111111' },
          },
        },
      ],
      issues: [],
      filtered: 0,
    });
    assert.deepEqual(Object.keys(result.entities[0]!.entity.properties), ['zeta', 'alpha', 'missing']);
  });

  it('keeps a property named __proto__ as a property of the entity', () => {
    const result = map({ properties: { ['__proto__']: '"kept"', after: '1' } }, [buildBucketItem('a')]);

    const { properties } = result.entities[0]!.entity;
    assert.deepEqual(Object.entries(properties), [
      ['__proto__', 'kept'],
      ['after', 1],
    ]);
    assert.equal(Object.getPrototypeOf(properties), Object.prototype);
  });

  describe('selector', () => {
    it('keeps the items it yields true for and counts those it yields false for', () => {
      const items = buildBucketItems(5);
      const result = map({ selector: '.Identifier | test("-[024]$")' }, items);

      assert.deepEqual(result.entities.map((mapped) => [mapped.itemIndex, mapped.entity.identifier]), [
        [0, 'bucket-0'],
        [2, 'bucket-2'],
        [4, 'bucket-4'],
      ]);
      assert.equal(result.filtered, 2);
      assert.deepEqual(result.issues, []);
    });

    it('skips an item with an issue when it yields no boolean, fails or yields nothing', () => {
      const items = buildBucketItems(4);
      // Item 0: a string; item 1: a runtime error; item 2: nothing; item 3: true.
      const selector =
        '.Identifier as $id | if $id == "bucket-0" then "yes" elif $id == "bucket-1" then (null | test("x")) elif $id == "bucket-2" then empty else true end';
      const result = map({ selector }, items);

      assert.deepEqual(result.entities.map((mapped) => mapped.itemIndex), [3]);
      assert.deepEqual(issueKeys(result), [
        [0, 'selector.query', true],
        [1, 'selector.query', true],
        [2, 'selector.query', true],
      ]);
      assert.match(result.issues[0]!.message, /boolean/);
      assert.match(result.issues[1]!.message, /cannot be matched/);
      assert.equal(result.filtered, 0);
      assert.deepEqual(result.issues[0]!.place, { path: 'resources[0].selector.query', line: 100 });
    });
  });

  it('turns a runtime error in one item of ten into null for that field of that item only', () => {
    const items = buildBucketItems(10, (item, index) => {
      if (index === 3) delete item.Properties!['RegionalDomainName'];
    });
    const resource = {
      title: '.Identifier',
      properties: {
        region: '.Properties.RegionalDomainName | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region',
        arn: '.Properties.Arn',
      },
    };
    const result = map(resource, items);

    assert.equal(result.entities.length, 10);
    result.entities.forEach((mapped, index) => {
      assert.equal(mapped.itemIndex, index);
      assert.equal(mapped.entity.identifier, `bucket-${index}`);
      assert.equal(mapped.entity.title, `bucket-${index}`);
      assert.equal(mapped.entity.properties['arn'], `arn:aws:s3:::bucket-${index}`);
      assert.equal(mapped.entity.properties['region'], index === 3 ? null : 'eu-west-1');
    });
    assert.deepEqual(issueKeys(result), [[3, 'properties.region', false]]);
    assert.match(result.issues[0]!.message, /null \(null\) cannot be matched, as it is not a string/);
    assert.equal(result.issues[0]!.place.path, 'resources[0].port.entity.mappings.properties.region');
  });

  describe('identifier', () => {
    it('skips only the item whose identifier expression fails', () => {
      const items = buildBucketItems(5, (item, index) => {
        if (index === 2) item.Identifier = 42 as unknown as string;
      });
      const result = map({ identifier: '.Identifier | ascii_downcase' }, items);

      assert.deepEqual(result.entities.map((mapped) => mapped.entity.identifier), ['bucket-0', 'bucket-1', 'bucket-3', 'bucket-4']);
      assert.deepEqual(issueKeys(result), [[2, 'identifier', true]]);
      assert.match(result.issues[0]!.message, /explode input must be a string/);
    });

    it('skips an item whose identifier is null, with an issue', () => {
      const result = map({ identifier: '.Properties.Missing' }, [buildBucketItem('b')]);

      assert.deepEqual(result.entities, []);
      assert.deepEqual(issueKeys(result), [[0, 'identifier', true]]);
    });

    it('skips an item whose identifier is a number: Port identifiers are strings', () => {
      const result = map({ identifier: '12345' }, [buildBucketItem('b')]);

      assert.deepEqual(result.entities, []);
      assert.deepEqual(issueKeys(result), [[0, 'identifier', true]]);
      assert.match(result.issues[0]!.message, /must be a string, got number 12345/);
    });

    it('skips items whose identifier Port would refuse: spaces, "..", more than 1000 characters', () => {
      const names = ['has space', '..', 'x'.repeat(1001), 'x'.repeat(1000), 'arn:aws:s3:::ok'];
      const items = names.map((name) => buildBucketItem(name));
      const result = map({}, items);

      assert.deepEqual(result.entities.map((mapped) => mapped.itemIndex), [3, 4]);
      assert.deepEqual(issueKeys(result), [
        [0, 'identifier', true],
        [1, 'identifier', true],
        [2, 'identifier', true],
      ]);
      assert.match(result.issues[0]!.message, /not a valid Port identifier/);
    });
  });

  it('skips an item whose blueprint is null or not a string, and reports both when the identifier fails too', () => {
    const items = [buildBucketItem('a', { Kind: 'cloudResource' }), buildBucketItem('b'), buildBucketItem('c', { Kind: 7 })];
    const result = map({ blueprint: '.Properties.Kind', identifier: 'if .Identifier == "b" then null else .Identifier end' }, items);

    assert.deepEqual(result.entities.map((mapped) => mapped.blueprint), ['cloudResource']);
    assert.deepEqual(issueKeys(result), [
      [1, 'identifier', true],
      [1, 'blueprint', true],
      [2, 'blueprint', true],
    ]);
  });

  it('takes a team as a string or a list of strings, and nulls anything else with an issue', () => {
    const items = [
      buildBucketItem('a', { Team: 'platform' }),
      buildBucketItem('b', { Team: ['platform', 'data'] }),
      buildBucketItem('c', { Team: [1, 2] }),
      buildBucketItem('d'),
    ];
    const result = map({ team: '.Properties.Team' }, items);

    assert.deepEqual(result.entities.map((mapped) => mapped.entity.team), ['platform', ['platform', 'data'], null, null]);
    assert.deepEqual(issueKeys(result), [[2, 'team', false]]);
  });

  it('keeps a string title and icon, and nulls a non-string one with an issue', () => {
    const items = [buildBucketItem('a', { Size: 12 }), buildBucketItem('b', { Size: 'large' })];
    const result = map({ title: '.Properties.Size', icon: '"Bucket"' }, items);

    assert.deepEqual(result.entities.map((mapped) => [mapped.entity.title, mapped.entity.icon]), [
      [null, 'Bucket'],
      ['large', 'Bucket'],
    ]);
    assert.deepEqual(issueKeys(result), [[0, 'title', false]]);
    assert.match(result.issues[0]!.message, /must be a string or null, got number 12/);
  });

  it('takes any JSON value as a property', () => {
    const value = { nested: [1, 'two', null, true, { deep: 3.5 }] };
    const result = map({ properties: { obj: '.Properties.Value', num: '.Properties.Value.nested[0]', bool: 'true' } }, [
      buildBucketItem('a', { Value: value }),
    ]);

    assert.deepEqual(result.entities[0]!.entity.properties, { obj: value, num: 1, bool: true });
  });

  describe('relations', () => {
    it('takes a list of identifiers, and nulls a value that is neither a string nor a list of strings', () => {
      const items = [buildBucketItem('a', { Subnets: ['s-1', 's-2'] }), buildBucketItem('b', { Subnets: { id: 's-3' } })];
      const result = map({ relations: { subnets: '.Properties.Subnets' } }, items);

      assert.deepEqual(result.entities.map((mapped) => mapped.entity.relations), [{ subnets: ['s-1', 's-2'] }, { subnets: null }]);
      assert.deepEqual(issueKeys(result), [[1, 'relations.subnets', false]]);
    });

    it('nulls, for that entity only, a relation naming a target that is not a valid Port identifier', () => {
      const items = [
        buildBucketItem('a', { Subnets: ['s-1', 's-2'] }),
        buildBucketItem('b', { Subnets: ['s-3', 'not valid!'] }),
        buildBucketItem('c', { Subnets: '..' }),
        buildBucketItem('d', { Subnets: 's-4' }),
      ];
      const result = map({ relations: { subnets: '.Properties.Subnets' } }, items);

      assert.deepEqual(result.entities.map((mapped) => mapped.entity.relations['subnets']), [['s-1', 's-2'], null, null, 's-4']);
      assert.deepEqual(issueKeys(result), [[1, 'relations.subnets', false], [2, 'relations.subnets', false]]);
    });

    it('passes a search-query relation through as written, in config order among jq relations', () => {
      const searchQuery = { combinator: 'and', rules: [{ property: '$identifier', operator: '=', value: 'x' }] };
      const result = map({ relations: { account: '.__AccountId', owner: { searchQuery }, vpc: '"vpc-1"' } }, [
        buildBucketItem('a'),
        buildBucketItem('b'),
      ]);

      for (const mapped of result.entities) {
        assert.deepEqual(mapped.entity.relations, { account: '111111111111', owner: searchQuery, vpc: 'vpc-1' });
        assert.deepEqual(Object.keys(mapped.entity.relations), ['account', 'owner', 'vpc']);
      }
      // Each entity holds its own copy: changing one cannot change another or the config.
      assert.notEqual(result.entities[0]!.entity.relations['owner'], result.entities[1]!.entity.relations['owner']);
    });
  });

  describe('itemsToParse', () => {
    const parent = buildBucketItem('parent', { Rules: [{ Id: 'r1' }, { Id: 'r2' }, { Id: 'r3' }] });

    it('maps each element as an entity, the element under `item` beside the parent fields', () => {
      const result = map(
        { itemsToParse: '.Properties.Rules', identifier: '.Identifier + "-" + .item.Id', properties: { bucket: '.Properties.BucketName' } },
        [buildBucketItem('other', { Rules: [{ Id: 'x' }] }), parent],
      );

      assert.deepEqual(
        result.entities.map((mapped) => [mapped.itemIndex, mapped.entity.identifier, mapped.entity.properties['bucket']]),
        [
          [0, 'other-x', 'other'],
          [1, 'parent-r1', 'parent'],
          [1, 'parent-r2', 'parent'],
          [1, 'parent-r3', 'parent'],
        ],
      );
      assert.deepEqual(result.issues, []);
    });

    it('puts the element under a custom itemsToParseName, where the selector sees it too', () => {
      const result = map(
        { itemsToParse: '.Properties.Rules', itemsToParseName: 'rule', selector: '.rule.Id != "r2"', identifier: '.rule.Id' },
        [parent],
      );

      assert.deepEqual(result.entities.map((mapped) => mapped.entity.identifier), ['r1', 'r3']);
      assert.equal(result.filtered, 1);
    });

    it('maps nothing from an item whose itemsToParse is null, and reports one that is no array or fails', () => {
      const items = [buildBucketItem('none'), buildBucketItem('object', { Rules: { Id: 'r' } }), buildBucketItem('fails', { Rules: 'text' }), parent];
      const result = map({ itemsToParse: '.Properties.Rules | if type == "string" then error("no rules here") else . end', identifier: '.item.Id' }, items);

      assert.deepEqual(result.entities.map((mapped) => [mapped.itemIndex, mapped.entity.identifier]), [
        [3, 'r1'],
        [3, 'r2'],
        [3, 'r3'],
      ]);
      assert.deepEqual(issueKeys(result), [
        [1, 'itemsToParse', true],
        [2, 'itemsToParse', true],
      ]);
      assert.match(result.issues[0]!.message, /must yield an array, got object/);
      assert.equal(result.issues[1]!.message, 'no rules here');
    });
  });

  it('gives null for an expression that yields nothing and the first output of one that yields several', () => {
    const result = map({ title: 'empty', icon: '"first", "second"', properties: { tags: '.Properties.Tags[]?.Key', none: '.Properties | select(.Arn == null) | .Arn' } }, [
      buildBucketItem('a', { Tags: [{ Key: 'k1' }, { Key: 'k2' }] }),
    ]);

    const { entity } = result.entities[0]!;
    assert.equal(entity.title, null);
    assert.equal(entity.icon, 'first');
    assert.deepEqual(entity.properties, { tags: 'k1', none: null });
    assert.deepEqual(result.issues, []);
  });

  it('round-trips unicode, and turns lone UTF-16 surrogates into U+FFFD instead of failing the batch', () => {
    const names = ['bücher-日本-🪣', 'ελληνικά', 'עברית', 'e\u0301', 'tab\there "quoted" \\ back\\slash \\ud800'];
    const items = names.map((name, index) => buildBucketItem(`b${index}`, { Name: name }));
    items.push(buildBucketItem('lone', { Name: 'bad \ud800 surrogate \udc00' }));
    const result = map({ title: '.Properties.Name', properties: { upper: '.Properties.Name | ascii_upcase', length: '.Properties.Name | length' } }, items);

    assert.deepEqual(result.entities.map((mapped) => mapped.entity.title), [...names, 'bad \ufffd surrogate \ufffd']);
    assert.deepEqual(result.entities[0]!.entity.properties, { upper: 'BüCHER-日本-🪣', length: 11 });
    assert.deepEqual(result.issues, []);
  });

  it('maps 2,500 items in 3 jq runs of at most 1,000 items, keeping their order, for an expression outside the fast path', () => {
    const counting = countingEngine(engine);
    const items = buildBucketItems(2500, (item, index) => {
      if (index % 500 === 499) delete item.Properties!['Arn'];
    });
    // `@text` is a format, which only jq evaluates.
    const mapper = compileMapper(buildResource({ properties: { arn: '.Properties.Arn | ascii_downcase | @text' } }), counting.engine);
    counting.calls.length = 0;

    const result = mapper.mapBatch(items);

    assert.deepEqual(counting.calls, [1000, 1000, 500]);
    assert.equal(result.entities.length, 2500);
    result.entities.forEach((mapped, index) => {
      assert.equal(mapped.itemIndex, index);
      assert.equal(mapped.entity.identifier, `bucket-${index}`);
    });
    assert.deepEqual(issueKeys(result), [499, 999, 1499, 1999, 2499].map((index) => [index, 'properties.arn', false]));
  });

  it('skips only the item on which an expression halts jq, naming that field, and maps the rest of the run', () => {
    const items = buildBucketItems(6);
    const result = map(
      { properties: { arn: '.Properties.Arn', stop: 'if .Identifier == "bucket-2" or .Identifier == "bucket-4" then "stopped here" | halt_error else 1 end' } },
      items,
    );

    assert.deepEqual(result.entities.map((mapped) => mapped.itemIndex), [0, 1, 3, 5]);
    assert.deepEqual(issueKeys(result), [
      [2, 'properties.stop', true],
      [4, 'properties.stop', true],
    ]);
    assert.match(result.issues[0]!.message, /stopped here/);
  });

  it('skips the itemsToParse element on which `halt` stops jq silently, and maps its siblings', () => {
    const items = [buildBucketItem('a', { Rules: [1, 2] }), buildBucketItem('b', { Rules: [1, 'stop', 3] }), buildBucketItem('c', { Rules: [4] })];
    const result = map({ itemsToParse: '.Properties.Rules', identifier: '.Identifier + "-" + (.item | tostring)', title: 'if .item == "stop" then halt else null end' }, items);

    assert.deepEqual(result.entities.map((mapped) => mapped.entity.identifier), ['a-1', 'a-2', 'b-1', 'b-3', 'c-4']);
    assert.deepEqual(issueKeys(result), [[1, 'title', true]]);
    assert.equal(result.issues[0]!.isScopeTainting, true);
  });

  it('keeps each item apart from the next: `input` cannot read another item of the batch', () => {
    const result = map({ properties: { next: 'input | .Identifier' } }, buildBucketItems(3));

    assert.deepEqual(result.entities.map((mapped) => [mapped.entity.identifier, mapped.entity.properties['next']]), [
      ['bucket-0', null],
      ['bucket-1', null],
      ['bucket-2', null],
    ]);
    assert.deepEqual(issueKeys(result), [0, 1, 2].map((index) => [index, 'properties.next', false]));
  });

  it('passes integers up to 2^53 exactly and rounds larger ones to the nearest double', () => {
    const result = map({ properties: { safe: '9007199254740991', big: '12345678901234567891' } }, [buildBucketItem('a')]);

    assert.deepEqual(result.entities[0]!.entity.properties, { safe: 9007199254740991, big: 12345678901234567000 });
  });

  it('maps an empty batch to nothing without running jq', () => {
    const counting = countingEngine(engine);
    const mapper = compileMapper(buildResource(), counting.engine);
    counting.calls.length = 0;

    assert.deepEqual(mapper.mapBatch([]), { entities: [], issues: [], filtered: 0 });
    assert.deepEqual(counting.calls, []);
  });
});

describe('compileMapper compile errors', () => {
  it('names the YAML path and line of an expression that does not compile', () => {
    const resource = buildResource({ index: 2, title: '.Identifier', properties: { ok: '.a', broken: '.Properties | capture(' } });

    assert.throws(
      () => compileMapper(resource, engine),
      (error: unknown) => {
        assert.ok(isAws2PortError(error, 'JqCompileFailed'));
        assert.match(error.message, /resources\[2\]\.port\.entity\.mappings\.properties\.broken \(line 105\)/);
        assert.equal(error.subject, 'resources[2].port.entity.mappings.properties.broken');
        return true;
      },
    );
  });

  it('lists every expression that does not compile in the detail', () => {
    const resource = buildResource({ selector: 'undefined_function', identifier: '.a |', properties: { fine: '.b' } });

    assert.throws(
      () => compileMapper(resource, engine),
      (error: unknown) => {
        assert.ok(isAws2PortError(error, 'JqCompileFailed'));
        assert.match(error.message, /resources\[0\]\.selector\.query \(line 100\)/);
        assert.match(error.detail ?? '', /undefined_function\/0 is not defined/);
        assert.match(error.detail ?? '', /mappings\.identifier \(line 101\):\nsyntax error/);
        return true;
      },
    );
  });

  it('refuses what compiles alone but not inside a mapping, and text that would break out of its field', () => {
    for (const text of ['import "lib" as lib; .a', '.a) , (.b', '', '# only a comment']) {
      assert.throws(() => compileMapper(buildResource({ title: text }), engine), (error: unknown) => isAws2PortError(error, 'JqCompileFailed'), text);
    }
  });

  it('accepts an expression ending in a comment, even one continued by a backslash', () => {
    const mapper = compileMapper(buildResource({ title: '.Identifier # the name \\', icon: '"Bucket" # icon' }), engine);

    const { entity } = mapper.mapBatch([buildBucketItem('b')]).entities[0]!;
    assert.deepEqual([entity.title, entity.icon], ['b', 'Bucket']);
  });
});

/** An engine that records how many items each mapping run was given. */
function countingEngine(inner: JqEngine): { engine: JqEngine; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    engine: {
      version: inner.version,
      run: (input, filter) => inner.run(input, filter),
      evaluate: (input, filter, budgetMs) => {
        calls.push((JSON.parse(input) as unknown[]).length);
        return inner.evaluate(input, filter, budgetMs);
      },
    },
  };
}

describe('compileMapper: which problems taint the item\'s scope', () => {
  it('taints for a jq error or a non-boolean in the selector, and for a jq error in the identifier, blueprint or itemsToParse', () => {
    const items = [
      buildBucketItem('selector-fails', { Pick: 'x' }),
      buildBucketItem('selector-says-maybe', { Pick: 'maybe' }),
      buildBucketItem('identifier-fails', { Id: 5 }),
      buildBucketItem('blueprint-fails', { Blueprint: 5 }),
    ];
    const result = map(
      {
        selector: 'if .Properties.Pick == "x" then (null | test("a")) elif .Properties.Pick == "maybe" then "maybe" else true end',
        identifier: 'if .Properties.Id then .Properties.Id | ascii_downcase else .Identifier end',
        blueprint: 'if .Properties.Blueprint then .Properties.Blueprint | ascii_downcase else "cloudResource" end',
      },
      items,
    );

    assert.deepEqual(
      result.issues.map((issue) => [issue.itemIndex, issue.field, issue.isItemSkipped, issue.isScopeTainting]),
      [
        [0, 'selector.query', true, true],
        [1, 'selector.query', true, true],
        [2, 'identifier', true, true],
        [3, 'blueprint', true, true],
      ],
    );
  });

  it('does not taint for a null or invalid identifier, a null blueprint, an itemsToParse that is no array, or a failed property', () => {
    const items = [buildBucketItem('has space'), buildBucketItem('no-blueprint'), buildBucketItem('object-rules', { Rules: { a: 1 } }), buildBucketItem('bad-region', { RegionalDomainName: null })];
    const result = map(
      {
        itemsToParse: '.Properties.Rules // [1]',
        blueprint: 'if .Identifier == "no-blueprint" then null else "cloudResource" end',
        properties: { region: '.Properties.RegionalDomainName | capture("s3\\\\.(?<r>[^.]+)") | .r' },
      },
      items,
    );

    assert.deepEqual(
      result.issues.map((issue) => [issue.itemIndex, issue.field, issue.isItemSkipped, issue.isScopeTainting]),
      [
        [0, 'identifier', true, false],
        [1, 'blueprint', true, false],
        [2, 'itemsToParse', true, false],
        [3, 'properties.region', false, false],
      ],
    );
    assert.deepEqual(result.entities.map((mapped) => mapped.entity.identifier), ['bad-region']);
  });

  it('taints when jq fails on itemsToParse', () => {
    const result = map({ itemsToParse: '.Properties.Rules[]', identifier: '.item' }, [buildBucketItem('a', { Rules: 'text' })]);

    assert.deepEqual(result.issues.map((issue) => [issue.field, issue.isItemSkipped, issue.isScopeTainting]), [['itemsToParse', true, true]]);
    assert.match(result.issues[0]!.message, /Cannot iterate over string/);
  });
});

describe('compileMapper with isStrict', () => {
  it('skips an item whose title, team, property or relation hits a jq error, taints its scope, and maps the others', () => {
    const items = buildBucketItems(4, (item, index) => {
      if (index === 1) delete item.Properties!['RegionalDomainName'];
      if (index === 2) item.Properties!['Size'] = 12;
    });
    const spec = {
      title: '.Properties.Size',
      properties: { region: '.Properties.RegionalDomainName | capture("s3\\\\.(?<r>[^.]+)") | .r', arn: '.Properties.Arn' },
    };
    const mapper = compileMapper(buildResource(spec), engine, { isStrict: true });

    const result = mapper.mapBatch(items);

    assert.deepEqual(result.entities.map((mapped) => mapped.itemIndex), [0, 2, 3]);
    assert.deepEqual(
      result.issues.map((issue) => [issue.itemIndex, issue.field, issue.isItemSkipped, issue.isScopeTainting]),
      [
        [1, 'properties.region', true, true],
        // A value of the wrong type is no jq error: still a null field, even under --strict.
        [2, 'title', false, false],
      ],
    );
    assert.match(result.issues[0]!.message, /null \(null\) cannot be matched/);
  });
});

describe('compileMapper: the fast path and jq together', () => {
  it('runs the expressions it covers in JavaScript and says why the others run on jq', () => {
    const mapper = compileMapper(buildResource({ title: '.Identifier | ascii_upcase', properties: { text: '.Identifier | @text', size: '.Properties.Size // 0' } }), engine);

    assert.deepEqual(mapper.fields, [
      { field: 'selector.query', jqReason: null },
      { field: 'identifier', jqReason: null },
      { field: 'blueprint', jqReason: null },
      { field: 'title', jqReason: null },
      { field: 'properties.text', jqReason: 'the token @' },
      { field: 'properties.size', jqReason: null },
    ]);
  });

  it('maps a batch without running jq when every expression is on the fast path', () => {
    const counting = countingEngine(engine);
    const mapper = compileMapper(buildResource({ title: '.Identifier', properties: { arn: '.Properties.Arn | ascii_downcase' } }), counting.engine);
    counting.calls.length = 0;

    const result = mapper.mapBatch(buildBucketItems(500));

    assert.equal(result.entities.length, 500);
    assert.deepEqual(counting.calls, []);
  });

  it('gives jq\'s results for a mapping mixing fast and jq expressions, including items the fast path declines', () => {
    // GIVEN sizes jq prints in its own way (1e21 as 1E+21), which the fast path leaves to jq
    const items = [1, 1e21, 'x', null, 2.5, 1e-7].map((size, index) => buildBucketItem(`b-${index}`, { Size: size }));
    const spec = {
      title: '"\\(.Identifier): \\(.Properties.Size)"',
      team: '.Properties.Size | tostring',
      properties: { upper: '.Identifier | ascii_upcase | @text', double: '.Properties.Size * 2', keys: '.Properties | keys' },
    };

    // WHEN the mapping runs with the fast path and on jq alone
    const result = compileMapper(buildResource(spec), engine).mapBatch(items);
    const expected = compileMapper(buildResource(spec), engine, { isJqOnly: true }).mapBatch(items);

    // THEN both agree, item by item
    assert.deepEqual(result, expected);
    assert.equal(result.entities[1]!.entity.title, 'b-1: 1E+21');
  });

  it('sees U+FFFD where an item holds a lone surrogate, on the fast path as on jq, unless told the strings are well formed', () => {
    const items = [buildBucketItem('a', { Name: 'x\ud800y' })];
    const spec = { title: '.Properties.Name', properties: { length: '.Properties.Name | length', same: '.Properties.Name == "x\\ufffdy"' } };

    const result = compileMapper(buildResource(spec), engine).mapBatch(items);

    assert.deepEqual(result.entities[0]!.entity.title, 'x\ufffdy');
    assert.deepEqual(result.entities[0]!.entity.properties, { length: 3, same: true });
    assert.deepEqual(result, compileMapper(buildResource(spec), engine, { isJqOnly: true }).mapBatch(items));
  });
});
