import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ARN_KINDS, CLOUDTRAIL_RULES, EVENT_OUTCOMES, NATIVE_EVENT_RULES, WatchMetrics } from '../../src/watch/index.js';

const DOC = readFileSync(fileURLToPath(new URL('../../../docs/watch.md', import.meta.url)), 'utf8');

describe('docs/watch.md', () => {
  it('lists every CloudTrail call and native event watch understands', () => {
    for (const rule of CLOUDTRAIL_RULES) for (const event of rule.events) assert.ok(DOC.includes(`| \`${rule.source}\` |`) && DOC.includes(`\`${event}\``), `${rule.source} ${event}`);
    for (const rule of NATIVE_EVENT_RULES) assert.ok(DOC.includes(rule.detailType), rule.detailType);
    for (const row of ARN_KINDS) assert.ok(DOC.includes(`\`${row.kind}\``), row.kind);
  });

  it('explains every outcome and every metric of aws2port', async () => {
    for (const outcome of EVENT_OUTCOMES) assert.ok(DOC.includes(`| \`${outcome}\` |`), outcome);
    const names = (await new WatchMetrics().registry.render()).split('\n').filter((l) => l.startsWith('# TYPE')).map((l) => l.split(' ')[2]!).filter((name) => name.startsWith('aws2port_'));
    for (const name of names) assert.ok(DOC.includes(`\`${name}`), name);
  });
});
