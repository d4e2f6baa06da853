import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { type ConfigLoadResult, parseConfig, type ResolvedConfig } from '../../src/config/index.js';
import { lineContaining } from './paths.js';

/** A config file from its lines (line N of the file is element N-1). */
function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** One valid S3 resource, as the lines of a `resources:` entry; `overrides` replace lines by their key. */
function resourceLines(overrides: Record<string, string | null> = {}): string[] {
  const lines: Array<[string, string]> = [
    ['kind', '- kind: AWS::S3::Bucket'],
    ['selector', '  selector:'],
    ['query', "    query: 'true'"],
    ['port', '  port:'],
    ['entity', '    entity:'],
    ['mappings', '      mappings:'],
    ['identifier', '        identifier: .Identifier'],
    ['blueprint', `        blueprint: '"cloudResource"'`],
  ];
  return lines.flatMap(([key, line]) => {
    const override = overrides[key];
    if (override === null) return [];
    return [override ?? line];
  });
}

const VALID_RESOURCES = ['resources:', ...resourceLines()];

/** The errors as [code, path, line]: what the tests check (never the wording). */
function errorPlaces(result: ConfigLoadResult): Array<[string, string, number]> {
  return result.errors.map((problem) => [problem.code, problem.path, problem.line]);
}

function parseValid(text: string): ResolvedConfig {
  const result = parseConfig(text, 'aws2port.yml');
  assert.deepEqual(result.errors, []);
  assert.ok(result.config);
  return result.config;
}

interface BadConfigCase {
  name: string;
  text: string;
  /** Each expected error as [path, a text found on its line]. */
  errors: Array<[string, string]>;
}

const BAD_CONFIGS: BadConfigCase[] = [
  { name: 'missing resources', text: yaml('aws:', '  regions: [us-east-1]'), errors: [['resources', 'aws:']] },
  { name: 'an empty file', text: '', errors: [['resources', '']] },
  { name: 'resources not a list', text: yaml('resources:', '  kind: AWS::S3::Bucket'), errors: [['resources', 'resources:']] },
  { name: 'an empty resources list', text: yaml('resources: []'), errors: [['resources', 'resources:']] },
  { name: 'the file not a map', text: yaml('- kind: AWS::S3::Bucket'), errors: [['', '- kind']] },
  {
    name: 'a resource that is not a map',
    text: yaml(...VALID_RESOURCES, '- AWS::EC2::Instance'),
    errors: [['resources[1]', '- AWS::EC2::Instance']],
  },
  {
    name: 'missing identifier',
    text: yaml('resources:', ...resourceLines({ identifier: null })),
    errors: [['resources[0].port.entity.mappings.identifier', 'mappings:']],
  },
  {
    name: 'missing blueprint',
    text: yaml('resources:', ...resourceLines({ blueprint: null })),
    errors: [['resources[0].port.entity.mappings.blueprint', 'mappings:']],
  },
  {
    name: 'missing port.entity.mappings',
    text: yaml('resources:', ...resourceLines({ entity: null, mappings: null, identifier: null, blueprint: null }), '    itemsToParse: .x'),
    errors: [['resources[0].port.entity.mappings', 'port:']],
  },
  {
    name: 'missing selector.query',
    text: yaml('resources:', ...resourceLines({ query: '    useGetResourceAPI: true' })),
    errors: [['resources[0].selector.query', 'selector:']],
  },
  {
    name: 'missing kind',
    text: yaml('resources:', ...resourceLines({ kind: '- selector:', selector: null })),
    errors: [['resources[0].kind', '- selector:']],
  },
  {
    name: 'a kind not shaped AWS::Service::Type',
    text: yaml('resources:', ...resourceLines({ kind: '- kind: S3Bucket' })),
    errors: [['resources[0].kind', 'S3Bucket']],
  },
  {
    name: 'a jq expression written as a map',
    text: yaml('resources:', ...resourceLines({ identifier: '        identifier: {path: .Identifier}' })),
    errors: [['resources[0].port.entity.mappings.identifier', 'identifier:']],
  },
  {
    name: 'an empty jq expression',
    text: yaml('resources:', ...resourceLines({ blueprint: "        blueprint: ''" })),
    errors: [['resources[0].port.entity.mappings.blueprint', 'blueprint:']],
  },
  {
    name: 'properties as a list',
    text: yaml(...VALID_RESOURCES, '        properties: [.Properties.Arn]'),
    errors: [['resources[0].port.entity.mappings.properties', 'properties:']],
  },
  {
    name: 'a property with no value',
    text: yaml(...VALID_RESOURCES, '        properties:', '          arn: .Properties.Arn', '          tags:'),
    errors: [['resources[0].port.entity.mappings.properties.tags', 'tags:']],
  },
  {
    name: 'useGetResourceAPI neither true nor false',
    text: yaml('resources:', ...resourceLines({ query: "    query: 'true'\n    useGetResourceAPI: sometimes" })),
    errors: [['resources[0].selector.useGetResourceAPI', 'sometimes']],
  },
  {
    name: 'a bad region name in aws.regions',
    text: yaml('aws:', '  regions:', '    - us-east-1', '    - us-east-one', ...VALID_RESOURCES),
    errors: [['aws.regions[1]', 'us-east-one']],
  },
  {
    name: 'an empty item in a list of regions',
    text: yaml('aws:', '  regions:', '    - us-east-1', '    - # to do', ...VALID_RESOURCES),
    errors: [['aws.regions[1]', 'to do']],
  },
  {
    name: 'a bad region name in a region policy, and an unknown key there',
    text: yaml('resources:', ...resourceLines({ query: "    query: 'true'\n    regionPolicy:\n      deny: [Frankfurt]\n      allowed: [eu-west-1]" })),
    errors: [
      ['resources[0].selector.regionPolicy.deny[0]', 'Frankfurt'],
      ['resources[0].selector.regionPolicy.allowed', 'allowed:'],
    ],
  },
  {
    name: 'a role ARN with a short account id',
    text: yaml('aws:', '  organizationRoleArn: arn:aws:iam::1111:role/OrgReader', ...VALID_RESOURCES),
    errors: [['aws.organizationRoleArn', 'organizationRoleArn:']],
  },
  {
    name: 'a role ARN in an unknown partition',
    text: yaml('aws:', '  accountRoleArns:', '    - arn:aws:iam::222222222222:role/Reader', '    - arn:aws-moon:iam::333333333333:role/Reader', ...VALID_RESOURCES),
    errors: [['aws.accountRoleArns[1]', 'aws-moon']],
  },
  {
    name: 'a role ARN where a role name is expected',
    text: yaml('aws:', '  accountReadRoleName: arn:aws:iam::222222222222:role/Reader', ...VALID_RESOURCES),
    errors: [['aws.accountReadRoleName', 'accountReadRoleName:']],
  },
  { name: 'threshold 0', text: yaml('entityDeletionThreshold: 0', ...VALID_RESOURCES), errors: [['entityDeletionThreshold', 'entityDeletionThreshold']] },
  { name: 'threshold above 1', text: yaml('entityDeletionThreshold: 1.5', ...VALID_RESOURCES), errors: [['entityDeletionThreshold', 'entityDeletionThreshold']] },
  { name: 'threshold not a number', text: yaml('entityDeletionThreshold: most', ...VALID_RESOURCES), errors: [['entityDeletionThreshold', 'entityDeletionThreshold']] },
  { name: 'a flag neither true nor false', text: yaml(...VALID_RESOURCES, 'enableMergeEntity: maybe'), errors: [['enableMergeEntity', 'enableMergeEntity']] },
  { name: 'an unknown aws key', text: yaml('aws:', '  region: us-east-1', ...VALID_RESOURCES), errors: [['aws.region', 'region:']] },
  { name: 'aws not a map', text: yaml('aws: us-east-1', ...VALID_RESOURCES), errors: [['aws', 'aws:']] },
  { name: 'an installation id with a slash', text: yaml('installationId: prod/eu', ...VALID_RESOURCES), errors: [['installationId', 'installationId']] },
];

describe('parseConfig', () => {
  describe('reports each bad config with its code, path and line, and gives no config', () => {
    for (const badConfig of BAD_CONFIGS) {
      it(badConfig.name, () => {
        const result = parseConfig(badConfig.text, 'aws2port.yml');
        assert.equal(result.config, undefined);
        const expected = badConfig.errors.map(([path, needle]): [string, string, number] => [
          'ConfigInvalid',
          path,
          needle === '' ? 1 : lineContaining(badConfig.text, needle),
        ]);
        assert.deepEqual(errorPlaces(result), expected);
      });
    }
  });

  it('reports every error of a file, top to bottom, not just the first', () => {
    // Given a file with mistakes in the aws block, the global settings and two resources
    const text = yaml(
      'aws:',
      '  regions: [us-east-1, moon-base-1a]',
      '  externalID: abc',
      'entityDeletionThreshold: 2',
      'resources:',
      ...resourceLines({ identifier: null }),
      ...resourceLines({ kind: '- kind: EC2', blueprint: null }),
    );
    // When it is parsed
    const result = parseConfig(text, 'aws2port.yml');
    // Then each mistake is reported at its own place, in file order
    assert.equal(result.config, undefined);
    assert.deepEqual(errorPlaces(result), [
      ['ConfigInvalid', 'aws.regions[1]', 2],
      ['ConfigInvalid', 'aws.externalID', 3],
      ['ConfigInvalid', 'entityDeletionThreshold', 4],
      ['ConfigInvalid', 'resources[0].port.entity.mappings.identifier', lineContaining(text, 'mappings:', 1)],
      ['ConfigInvalid', 'resources[1].kind', lineContaining(text, '- kind: EC2')],
      ['ConfigInvalid', 'resources[1].port.entity.mappings.blueprint', lineContaining(text, 'mappings:', 2)],
    ]);
  });

  it('reports a YAML syntax error at its line, without a settings path', () => {
    const text = yaml(...VALID_RESOURCES, '        properties:', '\t  arn: .Properties.Arn');
    const result = parseConfig(text, 'aws2port.yml');
    assert.equal(result.config, undefined);
    assert.deepEqual(errorPlaces(result), [['ConfigInvalid', '', lineContaining(text, 'arn: .Properties.Arn')]]);
  });

  it('reports a key written twice as a YAML error at the second one', () => {
    const text = yaml(...VALID_RESOURCES, '        title: .Identifier', '        title: .Properties.Arn');
    assert.deepEqual(errorPlaces(parseConfig(text, 'aws2port.yml')), [['ConfigInvalid', '', lineContaining(text, 'title: .Properties.Arn')]]);
  });

  it('reports only the syntax errors of a file YAML cannot read', () => {
    // Given broken YAML that also lacks identifier: the structure cannot be trusted, so no "missing" noise
    const text = yaml('resources:', ...resourceLines({ identifier: null }), '  - [unclosed');
    const result = parseConfig(text, 'aws2port.yml');
    assert.ok(result.errors.length > 0);
    assert.ok(result.errors.every((problem) => problem.path === ''));
  });

  describe('warnings', () => {
    it('warns about an unknown top-level key, naming it, and still loads', () => {
      const text = yaml('integrationSettings:', '  foo: bar', ...VALID_RESOURCES);
      const result = parseConfig(text, 'aws2port.yml');
      assert.ok(result.config);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        result.warnings.map((warning) => [warning.code, warning.path, warning.line]),
        [['ConfigInvalid', 'integrationSettings', 1]],
      );
    });

    it('warns about an unknown key inside a resource (Port ignores it too), e.g. a miscased useGetResourceAPI', () => {
      const text = yaml('resources:', ...resourceLines({ query: "    query: 'true'\n    useGetResourceApi: true" }));
      const result = parseConfig(text, 'aws2port.yml');
      assert.ok(result.config);
      assert.equal(result.config.resources[0]?.selector.useGetResourceAPI, false);
      assert.deepEqual(
        result.warnings.map((warning) => [warning.path, warning.line]),
        [['resources[0].selector.useGetResourceApi', lineContaining(text, 'useGetResourceApi')]],
      );
    });
  });

  describe('leniency where the meaning is plain', () => {
    it('takes a YAML boolean or number where jq text is expected as its jq text', () => {
      const config = parseValid(
        yaml('resources:', ...resourceLines({ query: '    query: true' }), '        properties:', '          enabled: false', '          size: 10'),
      );
      const [resource] = config.resources;
      assert.equal(resource?.selector.query.text, 'true');
      assert.equal(resource?.mappings.properties['enabled']?.text, 'false');
      assert.equal(resource?.mappings.properties['size']?.text, '10');
    });

    it('takes useGetResourceAPI as a boolean or a string in any case', () => {
      for (const [written, expected] of [['true', true], ["'True'", true], ["'false'", false], ['no', false]] as const) {
        const config = parseValid(yaml('resources:', ...resourceLines({ query: `    query: 'true'\n    useGetResourceAPI: ${written}` })));
        assert.equal(config.resources[0]?.selector.useGetResourceAPI, expected, written);
      }
    });

    it('takes a single region for a list, drops repeats, and keeps an external id as written', () => {
      const config = parseValid(yaml('aws:', '  regions: us-gov-west-1', '  accountRoleArns: [arn:aws-cn:iam::111111111111:role/r, arn:aws-cn:iam::111111111111:role/r]', '  externalId: 0123', ...VALID_RESOURCES));
      assert.deepEqual(config.aws.regions, ['us-gov-west-1']);
      assert.deepEqual(config.aws.accountRoleArns, ['arn:aws-cn:iam::111111111111:role/r']);
      assert.equal(config.aws.externalId, '0123');
    });

    it('accepts role ARNs of every partition, with a role path', () => {
      const config = parseValid(
        yaml('aws:', '  organizationRoleArn: arn:aws-us-gov:iam::111111111111:role/ops/OrgReader', '  accountRoleArns: [arn:aws:iam::222222222222:role/Reader, arn:aws-cn:iam::333333333333:role/Reader]', ...VALID_RESOURCES),
      );
      assert.equal(config.aws.organizationRoleArn, 'arn:aws-us-gov:iam::111111111111:role/ops/OrgReader');
      assert.equal(config.aws.accountRoleArns.length, 2);
    });

    it('accepts a quoted threshold and a threshold of exactly 1', () => {
      assert.equal(parseValid(yaml("entityDeletionThreshold: '0.5'", ...VALID_RESOURCES)).entityDeletionThreshold, 0.5);
      assert.equal(parseValid(yaml('entityDeletionThreshold: 1', ...VALID_RESOURCES)).entityDeletionThreshold, 1);
    });

    it("keeps Port's search-query relation as written, with its place", () => {
      const text = yaml(
        ...VALID_RESOURCES,
        '        relations:',
        '          account: .__AccountId',
        '          owner:',
        '            combinator: and',
        '            rules:',
        '              - {property: email, operator: "=", value: .Properties.Owner}',
      );
      const config = parseValid(text);
      assert.deepEqual(config.resources[0]?.mappings.relations['owner'], {
        searchQuery: { combinator: 'and', rules: [{ property: 'email', operator: '=', value: '.Properties.Owner' }] },
        place: { path: 'resources[0].port.entity.mappings.relations.owner', line: lineContaining(text, 'owner:') },
      });
    });

    it('reads a value shared through a YAML anchor, placed where the alias is written', () => {
      const text = yaml('resources:', ...resourceLines({ identifier: '        identifier: &id .Identifier' }), ...resourceLines({ kind: '- kind: AWS::SQS::Queue', identifier: '        identifier: *id' }));
      const config = parseValid(text);
      assert.deepEqual(config.resources[1]?.mappings.identifier, {
        text: '.Identifier',
        place: { path: 'resources[1].port.entity.mappings.identifier', line: lineContaining(text, '*id') },
      });
    });
  });

  it("resolves a relative blueprints path against the named config file's folder", () => {
    const config = parseConfig(yaml('blueprints: ../common/blueprints.json', ...VALID_RESOURCES), 'teams/a/aws2port.yml').config;
    assert.equal(config?.file, resolve('teams/a/aws2port.yml'));
    assert.equal(config?.blueprintsFile, resolve('teams/common/blueprints.json'));
  });

  it('gives the same hash for the same text and another for any change', () => {
    const text = yaml(...VALID_RESOURCES);
    const hash = parseValid(text).hash;
    assert.match(hash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(parseValid(text).hash, hash);
    assert.notEqual(parseValid(`${text}# a comment\n`).hash, hash);
  });
});
