import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/config/index.js';
import { serializeEntity, type Entity } from '../../src/model/index.js';
import { blueprintsToRebuild } from '../../src/refresh/index.js';
import { entityHeldByPort } from '../../src/refresh/entity-held-by-port.js';

const CONFIG = `resources:
- kind: AWS::EC2::Instance
  selector: {query: 'true'}
  port:
    entity:
      mappings:
        identifier: .Identifier
        title: .Identifier
        blueprint: '"cloudResource"'
        properties: {kind: .__Kind, region: .__Region, arn: .Properties.Arn}
        relations: {account: .__AccountId}
- kind: AWS::S3::Bucket
  selector: {query: 'true'}
  port:
    entity:
      mappings:
        identifier: .Identifier
        blueprint: '"cloudResource"'
        properties: {kind: .__Kind, tags: .Properties.Tags}
- kind: AWS::ECS::Cluster
  selector: {query: 'true'}
  port:
    entity:
      mappings:
        identifier: .Identifier
        blueprint: 'if .__Region == "us-east-1" then "east" else "west" end'
`;

describe('blueprintsToRebuild', () => {
  it('reads the literal blueprints of the config with the fields their mappings write, in config order, then those only the state knows', () => {
    const { config } = parseConfig(CONFIG, 'aws2port.yml');
    assert.deepEqual(blueprintsToRebuild(config!, ['cloudResource', 'east']), [
      { blueprint: 'cloudResource', fields: { properties: ['kind', 'region', 'arn', 'tags'], relations: ['account'] } },
      { blueprint: 'east' },
    ]);
  });
});

describe('entityHeldByPort', () => {
  const fields = { properties: ['kind', 'region', 'arn'], relations: ['account'] };

  it("gives the body the mapping gives, whatever Port's key order, with Port's left-out nulls and empty team as the mapping's nulls", () => {
    const mapped: Entity = { identifier: 'i-1', title: 'i-1', icon: null, team: null, properties: { kind: 'AWS::EC2::Instance', region: 'us-east-1', arn: null }, relations: { account: '111111111111' } };
    const held = entityHeldByPort(
      { identifier: 'i-1', title: 'i-1', team: [], relations: { account: '111111111111' }, properties: { arn: null, region: 'us-east-1', kind: 'AWS::EC2::Instance' }, $datasource: 'aws2port/1.0.0/prod' },
      fields,
    );
    assert.equal(serializeEntity(held).body, serializeEntity(mapped).body);
  });

  it('keeps what Port holds of fields no mapping names after the mapped ones, and a team as Port holds it', () => {
    const held = entityHeldByPort({ identifier: 'b', team: ['platform'], properties: { extra: 1, kind: 'AWS::S3::Bucket' } }, fields);
    assert.deepEqual(held, { identifier: 'b', title: null, icon: null, team: ['platform'], properties: { kind: 'AWS::S3::Bucket', extra: 1 }, relations: {} });
  });
});
