import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { JqExpression, ResourceConfig } from '../../src/config/types.js';
import { compileMapper, loadJqEngine, type MappedEntity } from '../../src/mapping/index.js';
import { isValidPortIdentifier } from '../../src/model/index.js';
import { generateSeedItems } from './generate-seed-items.js';
import { runNativeJq } from './native-jq.js';
import { SEED_RESOURCES } from './seed-mapping.js';

const engine = await loadJqEngine();
const SEED_FILE = new URL('../../../examples/port-app-config.yml', import.meta.url);

/** The jq fields of a resource config, in the order the mapper evaluates and reports them. */
function fieldsOf(resource: ResourceConfig): Array<{ field: string; expression: JqExpression }> {
  const { mappings } = resource;
  const fields = [
    { field: 'identifier', expression: mappings.identifier },
    { field: 'blueprint', expression: mappings.blueprint },
  ];
  for (const name of ['title', 'icon', 'team'] as const) {
    const expression = mappings[name];
    if (expression) fields.push({ field: name, expression });
  }
  for (const [key, expression] of Object.entries(mappings.properties)) fields.push({ field: `properties.${key}`, expression });
  for (const [key, relation] of Object.entries(mappings.relations)) {
    if ('text' in relation) fields.push({ field: `relations.${key}`, expression: relation });
  }
  return fields;
}

describe('the seed default mapping', () => {
  it('is written here exactly as in examples/port-app-config.yml', () => {
    const seed = parse(readFileSync(SEED_FILE, 'utf8')) as {
      resources: Array<{ kind: string; selector: { query: string }; port: { entity: { mappings: Record<string, unknown> } } }>;
    };

    assert.equal(seed.resources.length, SEED_RESOURCES.length);
    seed.resources.forEach((written, index) => {
      const resource = SEED_RESOURCES[index]!;
      const { properties = {}, relations = {}, ...fields } = written.port.entity.mappings as Record<string, Record<string, string>>;
      assert.equal(resource.kind, written.kind);
      assert.equal(resource.selector.query.text, written.selector.query);
      for (const [name, text] of Object.entries(fields)) {
        assert.equal((resource.mappings as unknown as Record<string, JqExpression>)[name]?.text, text, `${written.kind} ${name}`);
      }
      assert.deepEqual(Object.entries(resource.mappings.properties).map(([key, expression]) => [key, expression.text]), Object.entries(properties));
      assert.deepEqual(
        Object.entries(resource.mappings.relations).map(([key, relation]) => [key, 'text' in relation ? relation.text : relation]),
        Object.entries(relations),
      );
    });
  });

  for (const resource of SEED_RESOURCES) {
    it(`maps ${resource.kind} items as native jq evaluates the same expressions, field by field`, () => {
      // GIVEN generated items, mapped in several runs
      const items = generateSeedItems(resource.kind, 300, resource.index + 1);
      const result = compileMapper(resource, engine, { batchSize: 64 }).mapBatch(items);

      // WHEN native jq evaluates each expression over the same items as JSON lines
      const fields = fieldsOf(resource);
      const program = `def f(g): try [first(g)] catch {error: .};\n[${[resource.selector.query, ...fields.map((field) => field.expression)]
        .map((expression) => `f((${expression.text}\n))`)
        .join(', ')}]`;
      const rows = runNativeJq(program, items) as unknown[][];
      assert.equal(rows.length, items.length);

      // THEN the mapper gives what native jq gives, with Port's rules applied on top
      const expectedEntities: MappedEntity[] = [];
      const expectedIssues: Array<[number, string, boolean]> = [];
      rows.forEach(([selector, ...slots], itemIndex) => {
        assert.deepEqual(selector, [true]);
        const value = (slot: unknown) => (Array.isArray(slot) ? (slot[0] ?? null) : null);
        const identifier = value(slots[0]);
        if (typeof identifier !== 'string' || !isValidPortIdentifier(identifier)) {
          expectedIssues.push([itemIndex, 'identifier', true]);
          return;
        }
        const entity: MappedEntity['entity'] = { identifier, title: null, icon: null, team: null, properties: {}, relations: {} };
        fields.forEach(({ field }, position) => {
          if (position < 2) return;
          const slot = slots[position];
          if (!Array.isArray(slot)) expectedIssues.push([itemIndex, field, false]);
          const [group, key] = field.split('.') as [string, string | undefined];
          if (group === 'properties') entity.properties[key!] = value(slot);
          else if (group === 'relations') entity.relations[key!] = value(slot);
          else (entity as unknown as Record<string, unknown>)[group] = value(slot);
        });
        expectedEntities.push({ itemIndex, blueprint: value(slots[1]) as string, entity });
      });
      assert.deepEqual(result.entities, expectedEntities);
      assert.deepEqual(
        result.issues.map((issue) => [issue.itemIndex, issue.field, issue.isItemSkipped]),
        expectedIssues,
      );
      assert.equal(result.filtered, 0);
      // The generated gaps did reach the mapping: the comparison covered failures, not only successes.
      if (resource.kind !== 'AWS::EC2::Instance') assert.ok(expectedIssues.length > 0);
    });
  }
});
