import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { cloudTrailRuleFor, CLOUDTRAIL_RULES, NATIVE_EVENT_RULES } from '../../src/watch/event-table.js';
import { interpretMessage } from '../../src/watch/index.js';
import { repoFile } from '../support/repo-file.js';

/**
 * A CloudTrail record (or a whole native event) captured in a public source, minimized, with the
 * resources watch must read from it. `account` is the account EventBridge puts on the envelope of a
 * CloudTrail record (its `recipientAccountId`, else the caller's account).
 */
interface RecordFixture {
  source: string;
  minimized: string;
  account?: string;
  record?: Record<string, unknown>;
  event?: Record<string, unknown>;
  expected: string[];
}

const DIR = repoFile('test/watch/fixtures/cloudtrail');
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: basename(f, '.json'), fixture: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RecordFixture }));
const WATCH_DOC = readFileSync(repoFile('docs/watch.md'), 'utf8');

/** The event as an EventBridge rule delivers it to SQS: a CloudTrail record goes in `detail` of its envelope. */
function eventOf({ record, event, account }: RecordFixture): Record<string, unknown> {
  if (event) return event;
  const eventSource = String(record!.eventSource);
  return { version: '0', 'detail-type': 'AWS API Call via CloudTrail', source: `aws.${eventSource.split('.')[0]}`, account, region: record!.awsRegion, resources: [], detail: record };
}

function resourcesOf(fixture: RecordFixture): string[] {
  const result = interpretMessage(JSON.stringify(eventOf(fixture)), { queueAccount: fixture.account ?? '', accountOfBucket: () => undefined });
  return result.outcome === 'resources' ? result.refs.map((r) => `${r.kind} ${r.account}/${r.region} ${r.identifier}`) : [result.outcome];
}

/** The line of docs/watch.md's event tables for a rule: the row naming its source and first event. */
function docRow(source: string, first: string): string {
  const row = WATCH_DOC.split('\n').find((line) => line.startsWith(`| \`${source}\` |`) && line.split(' | ')[1]!.startsWith(`\`${first}\``));
  assert.ok(row, `docs/watch.md has a row for ${source} ${first}`);
  return row;
}

describe('the watch event table against CloudTrail records captured in public sources', () => {
  for (const { name, fixture } of fixtures) {
    it(`reads ${name} (${fixture.source})`, () => {
      assert.match(fixture.source, /^github\.com\/[^/]+\/[^ ]+ @ [0-9a-f]{40}, /, 'the source names a repository, a commit and a path');
      assert.ok(fixture.expected.length > 0);
      assert.deepEqual(resourcesOf(fixture), fixture.expected);
    });
  }

  it('names, for every row of docs/watch.md, the record that holds it, or says it is unverified', () => {
    const held = new Map<number, string[]>();
    for (const { name, fixture } of fixtures) {
      if (!fixture.record) continue;
      const rule = cloudTrailRuleFor(String(fixture.record.eventSource), String(fixture.record.eventName));
      assert.ok(rule, `${name} matches a row`);
      const index = CLOUDTRAIL_RULES.indexOf(rule);
      held.set(index, [...(held.get(index) ?? []), name]);
    }
    CLOUDTRAIL_RULES.forEach((rule, index) => {
      const cell = docRow(rule.source, rule.events[0]!).split(' | ').at(-1)!;
      const names = held.get(index) ?? [];
      if (names.length === 0) assert.match(cell, /^unverified \|$/, `${rule.source} ${rule.events[0]} has no record: the docs say unverified`);
      else assert.ok(names.some((n) => cell.includes(`\`${n}\``)), `${rule.source} ${rule.events[0]}: the docs name ${names.join(' or ')}`);
    });
    for (const rule of NATIVE_EVENT_RULES) {
      const row = WATCH_DOC.split('\n').find((line) => line.startsWith(`| \`${rule.source}\` | ${rule.detailType} |`));
      assert.ok(row, rule.detailType);
      const hasFixture = fixtures.some(({ fixture }) => fixture.event?.['detail-type'] === rule.detailType);
      assert.equal(row.endsWith('| unverified |'), !hasFixture, rule.detailType);
    }
  });
});
