import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datasourceInstallation, isOwnDatasource } from '../../src/port/index.js';

describe('who wrote an entity, from its $datasource', () => {
  it('reads the installation and shard an aws2port write names, null for one that names none', () => {
    assert.equal(datasourceInstallation('aws2port/0.1.0/prod-estate'), 'prod-estate');
    assert.equal(datasourceInstallation('aws2port/1.4.2/prod-estate/3'), 'prod-estate/3');
    assert.equal(datasourceInstallation('aws2port/0.1.0'), null);
    assert.equal(datasourceInstallation('port-ocean/aws/0.2.5/my-aws/exporter'), undefined);
    assert.equal(datasourceInstallation(undefined), undefined);
  });

  it('owns what this installation and shard wrote, whatever the version, and what an unnamed aws2port wrote', () => {
    const prod = { installationId: 'prod-estate' };
    const prodShard2 = { installationId: 'prod-estate', shard: { index: 2, count: 4 } };
    assert.equal(isOwnDatasource('aws2port/0.0.9/prod-estate', prod), true);
    assert.equal(isOwnDatasource('aws2port/0.1.0', prod), true);
    assert.equal(isOwnDatasource('aws2port/0.1.0/prod-estate/2', prodShard2), true);
  });

  it('leaves every other writer alone: another installation or shard, Port\'s integration, a person', () => {
    const prod = { installationId: 'prod-estate' };
    assert.equal(isOwnDatasource('aws2port/0.1.0/prod-estate-2', prod), false);
    assert.equal(isOwnDatasource('aws2port/0.1.0/prod-estate/1', prod), false);
    assert.equal(isOwnDatasource('aws2port/0.1.0/prod-estate', { installationId: 'prod-estate', shard: { index: 1, count: 2 } }), false);
    assert.equal(isOwnDatasource('aws2port/0.1.0/prod-estate', {}), false);
    assert.equal(isOwnDatasource('port-ocean/aws/0.2.5/my-aws/exporter', prod), false);
    assert.equal(isOwnDatasource(undefined, prod), false);
  });
});
