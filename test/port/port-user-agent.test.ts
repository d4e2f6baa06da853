import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datasourceInstallation, isOwnDatasource, isWrittenBy, portUserAgent } from '../../src/port/index.js';

describe('isWrittenBy', () => {
  const prod = { installationId: 'prod' };
  const prodShard2 = { installationId: 'prod', shard: { index: 2, count: 3 } };

  it("recognises this installation's writes, of any version, as Port records them from the User-Agent", () => {
    assert.equal(isWrittenBy(portUserAgent(prod), prod), true);
    assert.equal(isWrittenBy('aws2port/0.1.0/prod', prod), true);
    assert.equal(isWrittenBy('aws2port/9.9.9-beta.1/prod/2', prodShard2), true);
  });

  it('never takes the writes of another installation, shard or writer for its own', () => {
    for (const datasource of ['aws2port/1.0.0/prod-2', 'aws2port/1.0.0/preprod', 'aws2port/1.0.0/prod/2', 'aws2port/prod', 'aws2port//prod', 'port-ocean/aws/1.0.0/prod/exporter', 'another-tool/1.0', undefined, null]) {
      assert.equal(isWrittenBy(datasource, prod), false, String(datasource));
    }
    assert.equal(isWrittenBy('aws2port/1.0.0/prod', prodShard2), false, 'an unsharded write is not a shard\'s');
    assert.equal(isWrittenBy('aws2port/1.0.0/prod/1', prodShard2), false, 'another shard');
  });

  it('matches nothing without an installation', () => {
    assert.equal(isWrittenBy(portUserAgent({}), {}), false);
  });
});

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
