import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPath } from '../../src/watch/read-path.js';

describe('readPath', () => {
  const detail = { requestParameters: { bucketName: 'logs', 'instance-id': 'i-1', items: [{ id: 'a' }, { id: 'b' }, { id: 3 }, {}], empty: '' } };
  it('reads a nested value', () => assert.deepEqual(readPath(detail, 'requestParameters.bucketName'), ['logs']));
  it('reads keys with dashes', () => assert.deepEqual(readPath(detail, 'requestParameters.instance-id'), ['i-1']));
  it('walks every element of a list, keeping strings only', () => assert.deepEqual(readPath(detail, 'requestParameters.items[].id'), ['a', 'b']));
  it('yields nothing for a missing step, a non-list, or an empty string', () => {
    assert.deepEqual(readPath(detail, 'responseElements.x'), []);
    assert.deepEqual(readPath(detail, 'requestParameters.bucketName[].x'), []);
    assert.deepEqual(readPath(detail, 'requestParameters.empty'), []);
    assert.deepEqual(readPath(null, 'a'), []);
  });
});
