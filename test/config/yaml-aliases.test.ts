import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/index.js';

/** One S3 resource whose relation `owners` is written as `relation` (a search query, or an alias of one). */
function configWithRelation(relation: string, before = ''): string {
  return `${before}resources:
  - kind: AWS::S3::Bucket
    selector: {query: 'true'}
    port:
      entity:
        mappings:
          identifier: .Identifier
          blueprint: '"cloudResource"'
          relations:
            owners: ${relation}
`;
}

/** The errors as [code, path, line]: what the tests check (never the wording). */
function errorPlaces(text: string): Array<[string, string, number]> {
  const result = parseConfig(text, 'aws2port.yml');
  assert.equal(result.config, undefined);
  return result.errors.map((problem) => [problem.code, problem.path, problem.line]);
}

// Each of these threw from the YAML library (an Internal error) before the config loader caught it;
// found by the config loader's property test.
describe('config loader: YAML aliases that cannot be read', () => {
  it('reports an alias that names no anchor, even as a key, at its line', () => {
    assert.deepEqual(errorPlaces('? *a\n'), [['ConfigInvalid', '', 1]]);
    assert.deepEqual(errorPlaces('aws: {}\nresources: *nothing\n'), [['ConfigInvalid', '', 2]]);
    assert.deepEqual(errorPlaces(configWithRelation('{combinator: and, rules: *later}')), [['ConfigInvalid', '', 10]]);
  });

  it('reports a value that contains itself through an alias, which JSON could not write', () => {
    assert.deepEqual(errorPlaces(configWithRelation('&q {combinator: and, rules: [*q]}')), [['ConfigInvalid', '', 10]]);
  });

  it('reports an alias bomb at the setting that would expand it, instead of running out of memory', () => {
    let bomb = 'x-l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n';
    for (let level = 1; level < 8; level++) bomb += `x-l${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(', ')}]\n`;
    const text = configWithRelation('{combinator: and, rules: *l7}', bomb);
    assert.deepEqual(errorPlaces(text), [['ConfigInvalid', 'resources[0].port.entity.mappings.relations.owners', text.split('\n').findIndex((l) => l.includes('owners:')) + 1]]);
  });

  it('still reads an alias of a value written before it', () => {
    const result = parseConfig(configWithRelation('*q', 'x-query: &q {combinator: and, rules: [{property: team, operator: "=", value: a}]}\n'), 'aws2port.yml');
    assert.deepEqual(result.errors, []);
  });
});
