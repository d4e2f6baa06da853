import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseConfig, type ConfigLoadResult } from '../../src/config/index.js';
import { fuzzParameters } from '../support/fuzz-runs.js';

const FILE = 'aws2port.yml';

/** A config that loads: every block the config knows, each with a value of the right shape. */
const VALID_CONFIG = {
  aws: {
    regions: ['us-east-1', 'eu-west-1'],
    organizationRoleArn: 'arn:aws:iam::111111111111:role/OrgReader',
    accountReadRoleName: 'aws2portReadOnly',
    accountRoleArns: ['arn:aws:iam::222222222222:role/Reader'],
    externalId: 'my-external-id',
  },
  installationId: 'acme',
  deleteDependentEntities: true,
  createMissingRelatedEntities: true,
  enableMergeEntity: true,
  entityDeletionThreshold: 0.9,
  resources: [
    {
      kind: 'AWS::S3::Bucket',
      selector: { query: 'true', useGetResourceAPI: 'true', regionPolicy: { allow: ['us-east-1'], deny: [] } },
      port: {
        itemsToParse: '.Properties.Things',
        entity: {
          mappings: {
            identifier: '.Identifier',
            title: '.Identifier',
            blueprint: '"cloudResource"',
            icon: '"Bucket"',
            team: '"platform"',
            properties: { arn: '.Properties.Arn', tags: '.Properties.Tags' },
            relations: { account: '.__AccountId', owners: { combinator: 'and', rules: [{ property: 'x', operator: '=', value: 'y' }] } },
          },
        },
      },
    },
    {
      kind: 'AWS::Organizations::Account',
      selector: { query: 'true' },
      port: { entity: { mappings: { identifier: '.Id', title: '.Name', blueprint: '"awsAccount"' } } },
    },
  ],
};

type Path = Array<string | number>;

/** Every path in `value` that leads to a value (the root excluded), parents before children. */
function pathsIn(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: Array<string | number> = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => {
    const path = [...prefix, key];
    return [path, ...pathsIn((value as Record<string | number, unknown>)[key], path)];
  });
}

const VALID_PATHS = pathsIn(VALID_CONFIG);

/** Values a user (or a tool gone wrong) could put anywhere in a YAML file. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', ' ', 0, -1, 1e308, -0, 0.5, 2 ** 53 + 1, true, false, [], {}, '__proto__', 'constructor', '.Identifier |', 'AWS::', '*', '~'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'kind', 'port', 'mappings'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
);

type Mutation = { path: number; change: 'replace'; value: unknown } | { path: number; change: 'delete' } | { path: number; change: 'add'; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ path: fc.nat(), change: fc.constant('replace' as const), value: hostileValue }),
  fc.record({ path: fc.nat(), change: fc.constant('delete' as const) }),
  fc.record({ path: fc.nat(), change: fc.constant('add' as const), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'resources', 'kind', '')), value: hostileValue }),
);

/** VALID_CONFIG with the mutations applied in turn (a path that no longer exists is skipped). */
function mutated(mutations: readonly Mutation[]): unknown {
  const config = structuredClone(VALID_CONFIG) as unknown;
  for (const m of mutations) {
    const path = VALID_PATHS[m.path % VALID_PATHS.length]!;
    let parent = config as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = parent?.[key];
      if (typeof next !== 'object' || next === null) return config;
      parent = next as Record<string | number, unknown>;
    }
    const last = path.at(-1)!;
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, last)) continue;
    if (m.change === 'replace') parent[last] = m.value;
    else if (m.change === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      const target = parent[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return config;
}

/** The config loader's promise, whatever the text: a config, or errors each at a place, never a throw. */
function assertClearOutcome(text: string, result: ConfigLoadResult): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  if (result.errors.length === 0) assert.ok(result.config, 'no error means a config');
  else assert.equal(result.config, undefined, 'a config with errors is not given');
  for (const problem of [...result.errors, ...result.warnings]) {
    assert.equal(problem.code, 'ConfigInvalid', JSON.stringify(problem));
    assert.equal(problem.file, FILE);
    assert.ok(typeof problem.message === 'string' && problem.message.trim().length > 0, JSON.stringify(problem));
    assert.ok(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount + 1, `line ${problem.line} of ${lineCount}: ${JSON.stringify(problem)}`);
    assert.equal(typeof problem.path, 'string');
  }
}

describe('config loader under any input (property)', () => {
  it('answers any text with a config or errors at their file and line, never a throw', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      // Text made of YAML's own punctuation and the config's keys, which reaches deeper than random characters.
      fc.array(fc.constantFrom('resources:', 'aws:', '- ', 'kind: ', 'AWS::S3::Bucket', 'port:', 'entity:', 'mappings:', 'identifier: ', '.Id', '\n', '  ', '{', '}', '[', ']', ',', ':', '&a ', '*a', '!!str ', '!!binary ', '? ', '|', '>', '"', "'", '#', '---', '...', '%YAML 1.2', '<<: *a', '\t'), { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (source) => assertClearOutcome(source, parseConfig(source, FILE))),
      fuzzParameters(300),
    );
  });

  it('answers a config of the right outline with wrong values with errors at their YAML path, never a throw', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = stringify(mutated(mutations));
        const result = parseConfig(text, FILE);
        assertClearOutcome(text, result);
        // The file is valid YAML: every error is about a value, so it names the value's YAML path
        // (the root itself has the empty path).
        for (const problem of result.errors) assert.match(problem.path, /^$|^[A-Za-z_$]|^\[/, JSON.stringify(problem));
      }),
      fuzzParameters(300),
    );
  });

  it('loads the unchanged outline (the generator starts from a valid config)', () => {
    const result = parseConfig(stringify(VALID_CONFIG), FILE);
    assert.deepEqual(result.errors, []);
  });
});
