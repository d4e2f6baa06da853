import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ResourceConfig } from '../../src/config/index.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { loadJqEngine, resourceModelSettings, type JqEngine } from '../../src/mapping/index.js';

let engine: JqEngine;
before(async () => {
  engine = await loadJqEngine();
});

/** A resource config with only what resourceModelSettings reads: its kind and its selector. */
const resourceWith = (resourceModel: string): ResourceConfig =>
  ({ kind: 'AWS::QuickSight::Theme', selector: { query: 'true', resourceModel: { text: resourceModel, place: { path: 'resources[0].selector.resourceModel', line: 5, file: 'aws2port.yml' } } } }) as unknown as ResourceConfig;
const scopeItem = { __AccountId: '111111111111', __Region: 'us-east-1' } as never;

describe('selector.resourceModel', () => {
  it('gives the ResourceModel of a scope', async () => {
    const setting = resourceModelSettings([resourceWith('{AwsAccountId: .__AccountId}')], engine).get('AWS::QuickSight::Theme')!;
    assert.deepEqual(await setting.evaluate(scopeItem), { AwsAccountId: '111111111111' });
  });

  for (const [what, expression] of [
    ['fails', 'error("no account")'],
    ['gives something other than an object', '[.__AccountId]'],
  ] as const) {
    it(`is refused with ResourceModelFailed, naming its place and the scope, when it ${what}`, async () => {
      const setting = resourceModelSettings([resourceWith(expression)], engine).get('AWS::QuickSight::Theme')!;
      await assert.rejects(setting.evaluate(scopeItem), (error) => isAws2PortError(error, 'ResourceModelFailed') && error.message.startsWith('resources[0].selector.resourceModel of AWS::QuickSight::Theme for 111111111111/us-east-1'));
    });
  }
});
