import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderPlanText, summaryLine, textStyle } from '../../src/plan/index.js';
import { aChange, anEntity, aPlan, aScope } from '../support/builders.js';

/** Golden files live in the source tree (test/plan/testdata), found from dist/test/plan. */
const golden = (name: string) => fileURLToPath(new URL(`../../../test/plan/testdata/${name}`, import.meta.url));

function render(plan: ReturnType<typeof aPlan>, isColor = false): string {
  let text = '';
  renderPlanText(plan, { write: (s: string) => (text += s) }, textStyle(isColor));
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
    mapping_issues: [
      { resource_index: 1, kind: 'AWS::S3::Bucket', field: 'properties.region', path: 'resources[1].port.entity.mappings.properties.region', line: 31, item_skipped: false, count: 2, message: 'null (null) cannot be matched, as it is not a string', examples: ['b1', 'b2'] },
    ],
  },
);

describe('renderPlanText', () => {
  it('prints deletes, creates and updates with attribute changes, skipped scopes, issues and the summary', () => {
    assertGolden(render(mixedPlan), 'mixed-plan.txt');
  });

  it('says "No changes. Port matches AWS." when there is nothing to do', () => {
    assert.equal(render(aPlan()), 'No changes. Port matches AWS.\n');
  });

  it('pins the summary line', () => {
    assert.equal(summaryLine(mixedPlan), 'Plan: 1 to add, 1 to change, 1 to destroy.');
  });

  it('colours symbols only when asked', () => {
    assert.doesNotMatch(render(mixedPlan), /\u001b\[/);
    assert.match(render(mixedPlan, true), /\u001b\[32m\+\u001b\[39m/);
  });
});
