import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isAws2PortError } from '../../src/errors/index.js';
import { loadConfig, type ResolvedConfig } from '../../src/config/index.js';
import { examplePath, lineContaining, testdataPath } from './paths.js';

function loadValid(file: string): ResolvedConfig {
  const result = loadConfig(file);
  assert.deepEqual(result.errors, []);
  assert.ok(result.config, 'a config without errors is returned');
  return result.config;
}

describe('loadConfig', () => {
  describe("with the seed's default mapping (examples/port-app-config.yml)", () => {
    const file = examplePath('port-app-config.yml');
    const text = readFileSync(file, 'utf8');

    it('loads it unchanged, without errors or warnings', () => {
      const result = loadConfig(file);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.warnings, []);
      assert.ok(result.config);
    });

    it('reads its four resources in order, with their kinds and GetResource choices', () => {
      const config = loadValid(file);
      assert.deepEqual(
        config.resources.map((resource) => [resource.index, resource.kind, resource.selector.useGetResourceAPI]),
        [
          [0, 'AWS::Organizations::Account', false],
          [1, 'AWS::S3::Bucket', true],
          [2, 'AWS::EC2::Instance', false],
          [3, 'AWS::ECS::Cluster', true],
        ],
      );
    });

    it('keeps every jq text exactly, folded lines joined by one space', () => {
      const config = loadValid(file);
      const [account, bucket, instance, cluster] = config.resources;
      assert.ok(account && bucket && instance && cluster);
      assert.equal(account.selector.query.text, 'true');
      assert.equal(account.mappings.blueprint.text, '"awsAccount"');
      assert.equal(account.mappings.properties['joined_timestamp']?.text, '.JoinedTimestamp | sub(" "; "T")');
      assert.equal(
        bucket.mappings.properties['region']?.text,
        '.Properties.RegionalDomainName | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region',
      );
      for (const resource of [bucket, instance, cluster]) {
        assert.equal(
          resource.mappings.properties['link']?.text,
          '.Properties | select(.Arn != null) | "https://console.aws.amazon.com/go/view?arn=" + .Arn',
        );
        const account = resource.mappings.relations['account'];
        assert.ok(account && 'text' in account);
        assert.equal(account.text, '.__AccountId');
      }
      assert.equal(cluster.mappings.identifier.text, '.Properties.Arn');
      assert.equal(cluster.mappings.title?.text, '.Identifier');
      assert.deepEqual(Object.keys(bucket.mappings.properties), ['kind', 'region', 'tags', 'arn', 'link']);
    });

    it('places each jq expression at its YAML path and the line its value starts on', () => {
      const config = loadValid(file);
      const bucket = config.resources[1];
      assert.ok(bucket);
      assert.deepEqual(bucket.mappings.properties['region']?.place, {
        path: 'resources[1].port.entity.mappings.properties.region',
        line: lineContaining(text, 'region: .Properties.RegionalDomainName'),
      });
      assert.deepEqual(bucket.selector.query.place, { path: 'resources[1].selector.query', line: lineContaining(text, "query: 'true'", 2) });
    });

    it('fills every default', () => {
      const config = loadValid(file);
      assert.deepEqual(config.aws, { regions: [], accountReadRoleName: 'AwsPortOceanIntegrationReadOnlyRole', accountRoleArns: [] });
      assert.equal(config.deleteDependentEntities, true);
      assert.equal(config.createMissingRelatedEntities, true);
      assert.equal(config.enableMergeEntity, true);
      assert.equal(config.entityDeletionThreshold, 0.9);
      assert.equal(config.blueprintsFile, undefined);
      for (const resource of config.resources) {
        assert.deepEqual(resource.selector.regionPolicy, { allow: [], deny: [] });
        assert.equal(resource.itemsToParse, undefined);
        assert.equal(resource.itemsToParseName, 'item');
        assert.equal(resource.mappings.icon, undefined);
        assert.equal(resource.mappings.team, undefined);
      }
    });

    it("names the file by its absolute path and hashes the file's bytes", () => {
      const config = loadValid(file);
      assert.equal(config.file, file);
      assert.equal(config.hash, `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`);
    });
  });

  it("reads every optional setting of cli.md's full example", () => {
    // Given the example of the "Config file" section of the CLI contract, comments included
    const file = testdataPath('full-example.yml');
    // When it is loaded
    const config = loadValid(file);
    // Then every setting is read as written
    assert.deepEqual(config.aws, {
      regions: ['us-east-1', 'eu-west-1'],
      organizationRoleArn: 'arn:aws:iam::111111111111:role/OrgReader',
      accountReadRoleName: 'aws2portReadOnly',
      accountRoleArns: ['arn:aws:iam::222222222222:role/Reader'],
      externalId: 'my-external-id',
    });
    assert.equal(config.entityDeletionThreshold, 0.9);
    assert.equal(config.blueprintsFile, testdataPath('blueprints.json'));
    const [bucket] = config.resources;
    assert.ok(bucket);
    assert.equal(bucket.selector.useGetResourceAPI, true);
    assert.equal(bucket.itemsToParse?.text, '.Properties.Things');
    assert.equal(bucket.mappings.icon?.text, '"Bucket"');
    assert.equal(bucket.mappings.team?.text, '"platform"');
    assert.deepEqual(Object.keys(bucket.mappings.properties), ['arn']);
    assert.deepEqual(Object.keys(bucket.mappings.relations), ['account']);
  });

  it('warns that organizationRoleArn is ignored when accountRoleArns lists the accounts', () => {
    const result = loadConfig(testdataPath('full-example.yml'));
    assert.deepEqual(
      result.warnings.map((warning) => [warning.code, warning.path]),
      [['ConfigInvalid', 'aws.organizationRoleArn']],
    );
  });

  it("resolves the blueprints path against the config file's folder, not the working directory", () => {
    const config = loadValid(testdataPath('team-a/aws2port.yml'));
    assert.equal(config.blueprintsFile, testdataPath('shared-blueprints.json'));
  });

  it('reads flags written as booleans or as Port-style strings, and a region policy', () => {
    const config = loadValid(testdataPath('team-a/aws2port.yml'));
    assert.equal(config.deleteDependentEntities, false);
    assert.equal(config.createMissingRelatedEntities, false);
    assert.equal(config.enableMergeEntity, false);
    assert.equal(config.entityDeletionThreshold, 0.25);
    assert.deepEqual(config.resources[0]?.selector.regionPolicy, { allow: ['eu-west-1', 'eu-central-1'], deny: ['eu-central-1'] });
  });

  it('throws ConfigNotFound for a missing file, naming it and how to point at another', () => {
    const file = testdataPath('no-such-config.yml');
    assert.throws(
      () => loadConfig(file),
      (error) => {
        assert.ok(isAws2PortError(error, 'ConfigNotFound'));
        assert.equal(error.subject, file);
        assert.ok(error.message.includes(file));
        assert.ok(error.detail?.includes('--config FILE') && error.detail.includes('AWS2PORT_CONFIG'));
        return true;
      },
    );
  });

  it('throws ConfigNotFound when the path is a folder', () => {
    assert.throws(() => loadConfig(testdataPath('team-a')), (error) => isAws2PortError(error, 'ConfigNotFound'));
  });
});
