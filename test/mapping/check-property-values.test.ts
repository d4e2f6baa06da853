import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPropertyValues, type BlueprintSchema } from '../../src/mapping/index.js';

const blueprint: BlueprintSchema = {
  identifier: 'awsAccount',
  properties: {
    status: { type: 'array', items: { type: 'string', enum: ['ACTIVE', 'SUSPENDED'] } },
    joined: { type: 'string', format: 'date-time' },
    ip: { type: 'string', format: 'ipv4' },
    count: { type: 'number' },
    owner: { type: 'string' },
    tier: { type: 'string', default: 'gold' },
  },
  required: ['owner', 'tier'],
};

const rulesOf = (properties: Record<string, unknown>) => checkPropertyValues(blueprint, { owner: 'me', ...properties }).map((r) => `${r.property}:${r.rule}`);

describe('checkPropertyValues', () => {
  it('takes values that fit, and null for a property that is not required', () => {
    assert.deepEqual(rulesOf({ status: ['ACTIVE'], joined: '2023-11-14T22:13:20.123+00:00', ip: '10.0.0.1', count: 3, tier: null }), []);
    assert.deepEqual(rulesOf({ status: null, joined: null }), []);
  });
  it('refuses a string where the blueprint wants an array: nothing is converted', () => {
    assert.deepEqual(rulesOf({ status: 'ACTIVE' }), ['status:type']);
    assert.deepEqual(rulesOf({ count: '3' }), ['count:type']);
  });
  it('refuses an array item outside the items enum', () => assert.deepEqual(rulesOf({ status: ['ACTIVE', 'GONE'] }), ['status:enum']));
  it('refuses a string not of the format', () => {
    assert.deepEqual(rulesOf({ joined: '2023-11-14 22:13:20+00:00' }), ['joined:format']);
    assert.deepEqual(rulesOf({ ip: '10.0.0.300' }), ['ip:format']);
  });
  it('refuses a required property missing or null, unless it has a default', () => {
    assert.deepEqual(checkPropertyValues(blueprint, {}).map((r) => `${r.property}:${r.rule}`), ['owner:required']);
    assert.deepEqual(rulesOf({ owner: null }), ['owner:required']);
  });
  it('refuses a property the blueprint does not declare', () => assert.deepEqual(rulesOf({ colour: 'red' }), ['colour:undeclared']));
});
