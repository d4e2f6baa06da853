import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderPlanText, summaryLine } from '../../src/plan/index.js';
import { aChange, aMove, anEntity, aPlan, aPlanOf, aScope } from '../support/builders.js';
import { textStyle } from '../../src/model/index.js';

/** Golden files live in the source tree (test/plan/testdata), found from dist/test/plan. */
const golden = (name: string) => fileURLToPath(new URL(`../../../test/plan/testdata/${name}`, import.meta.url));

async function render(document: ReturnType<typeof aPlan>, isColor = false): Promise<string> {
  let text = '';
  await renderPlanText(aPlanOf(document), { write: (s: string) => void (text += s) }, textStyle(isColor));
  return text;
}

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function assertGolden(actual: string, name: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden(name), actual);
  assert.equal(actual, readFileSync(golden(name), 'utf8'));
}

const instance = aScope({ kind: 'AWS::EC2::Instance', region: 'eu-west-1' });
const tagsBefore = [{ Key: 'Name', Value: 'web' }, { Key: 'team', Value: 'search' }, { Key: 'env', Value: 'prod' }];
const tagsAfter = [{ Key: 'Name', Value: 'web' }, { Key: 'team', Value: 'search-relevance' }, { Key: 'env', Value: 'prod' }];

const mixedPlan = aPlan(
  [
    aChange('delete', 'old-cluster', { scope: aScope({ kind: 'AWS::ECS::Cluster', region: 'us-east-1' }), reason: 'no longer in AWS' }),
    aChange('create', 'my-new-bucket', { after: anEntity('my-new-bucket', { properties: { arn: 'arn:aws:s3:::my-new-bucket' } }) }),
    aChange('update', 'i-0abc', {
      scope: instance,
      before: anEntity('i-0abc', { properties: { tags: tagsBefore, type: 't3.micro' } }),
      after: anEntity('i-0abc', { title: 'web-1', properties: { tags: tagsAfter, type: 't3.micro' } }),
    }),
  ],
  {
    skipped_scopes: [{ kind: 'AWS::EC2::Instance', account: '222222222222', region: 'ap-south-1', error: 'AccessDeniedException: not authorized' }],
    mass_deletions: [{ blueprint: 'cloudResource', deleting: 950, managed: 1000, threshold: 0.9 }],
    mapping_issues: [
      { resource_index: 1, kind: 'AWS::S3::Bucket', field: 'properties.region', path: 'resources[1].port.entity.mappings.properties.region', line: 31, item_skipped: false, count: 2, message: 'null (null) cannot be matched, as it is not a string', examples: ['b1', 'b2'] },
    ],
  },
);

describe('renderPlanText', () => {
  it('prints deletes, creates and updates with attribute changes, guards, skipped scopes, issues and the summary', async () => {
    assertGolden(await render(mixedPlan), 'mixed-plan.txt');
  });

  it('says "No changes. Port matches AWS." when there is nothing to do', async () => {
    assert.equal(await render(aPlan()), 'No changes. Port matches AWS.\n');
  });

  it('lists owner moves apart from the changes, outside the summary counts', async () => {
    const move = { ...aMove('x', instance, aScope()), reason: 'now produced by AWS::EC2::Instance 111111111111 eu-west-1 x (was AWS::S3::Bucket 111111111111 global x): recorded, nothing written' };
    const text = await render(aPlan([], { owner_moves: [move] }));
    assert.equal(
      text,
      'Owner moves (the state records the new owner; nothing is written to Port):\n' +
        `  > ${'cloudResource.x'.padEnd(36)} # ${move.reason}\n\n` +
        'Plan: 0 to add, 0 to change, 0 to destroy.\n',
    );
  });

  it('pins the summary line', () => {
    assert.equal(summaryLine({ ...mixedPlan, owner_moves: [] }), 'Plan: 1 to add, 1 to change, 1 to destroy.');
  });

  it('colours symbols only when asked', async () => {
    assert.doesNotMatch(await render(mixedPlan), /\u001b\[/);
    assert.match(await render(mixedPlan, true), /\u001b\[32m\+\u001b\[39m/);
  });
});
