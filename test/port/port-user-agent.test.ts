import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWrittenBy, portUserAgent } from '../../src/port/index.js';

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
