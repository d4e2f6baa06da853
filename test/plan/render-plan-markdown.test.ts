import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { GITHUB_COMMENT_LIMIT, PLAN_COMMENT_MARKER, renderPlanMarkdown, type PlanDocument } from '../../src/plan/index.js';
import { aChange, aMove, anEntity, aPlan, aPlanOf, aScope } from '../support/builders.js';

/** A CommonMark + GFM-tables reader that passes raw HTML through, as GitHub's does before sanitizing. */
const markdown = new MarkdownIt({ html: true });

async function render(document: PlanDocument, maxChars?: number): Promise<string> {
  let text = '';
  await renderPlanMarkdown(aPlanOf(document), { write: (s: string) => void (text += s) }, maxChars === undefined ? {} : { maxChars });
  return text;
}

/** The text a reader sees in a piece of inline markdown: tags dropped, references decoded. */
function visibleText(inline: string): string {
  return decodeReferences(markdown.renderInline(inline).replace(/<[^>]*>/g, ''));
}

function decodeReferences(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}

/** Each table of the comment as rows of cells' inline source. */
function tables(tokens: Token[]): string[][][] {
  const found: string[][][] = [];
  let row: string[] | undefined;
  for (const token of tokens) {
    if (token.type === 'table_open') found.push([]);
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close') found.at(-1)!.push(row!);
    else if (token.type === 'inline' && row && found.length > 0) row.push(token.content);
    if (token.type === 'table_close') row = undefined;
  }
  return found;
}

const HOSTILE = 'a|b \\| `tick` ```fence``` <img src=x onerror=alert(1)> </details> *x* @octocat [l](http://e) $m$\nsecond line';

const hostilePlan = aPlan(
  [
    aChange('delete', 'gone', { reason: `no longer in AWS <b>${HOSTILE}</b>` }),
    aChange('create', 'new`</summary>', {
      blueprint: 'bp|x',
      address: 'bp|x.new`</summary>',
      scope: aScope({ kind: 'AWS::Custom::<Thing>' }),
      after: anEntity('new', { title: HOSTILE, properties: { note: HOSTILE, 'odd\n```\nname': 1 } }),
    }),
  ],
  {
    skipped_scopes: [{ kind: 'AWS::EC2::Instance', account: '222222222222', region: 'ap-south-1', error: HOSTILE }],
    mapping_issues: [{ resource_index: 0, kind: 'AWS::S3::Bucket', field: 'title', path: 'resources[0].port.entity.mappings.title', line: 9, item_skipped: false, count: 2, message: HOSTILE, examples: ['x|y', '`z`'] }],
    address_conflicts: [{ address: 'cloudResource.a|b', kept: { scope: aScope(), aws_identifier: 'k`' }, dropped: { scope: aScope(), aws_identifier: null } }],
    mass_deletions: [{ blueprint: 'cloud|Resource', deleting: 9, managed: 10, threshold: 0.5 }],
  },
);

describe('renderPlanMarkdown', () => {
  it('starts with the hidden marker a workflow finds its comment by', async () => {
    assert.ok((await render(aPlan())).startsWith(`${PLAN_COMMENT_MARKER}\n`));
  });

  it('says "No changes. Port matches AWS." and draws no table when there is nothing to do', async () => {
    const text = await render(aPlan());
    assert.match(text, /\*\*No changes\. Port matches AWS\.\*\*/);
    assert.doesNotMatch(text, /\| blueprint \|/);
  });

  it('keeps every hostile value inside its table cell, whole and on one line', async () => {
    const tokens = markdown.parse(await render(hostilePlan), {});
    const [guards, counts, skipped, issues, conflicts] = [undefined, ...tables(tokens)];
    void guards;
    assert.deepEqual(counts!.map((row) => row.map(visibleText)), [
      ['blueprint', 'kind', 'add', 'change', 'destroy'],
      ['bp|x', 'AWS::Custom::<Thing>', '1', '0', '0'],
      ['cloudResource', 'AWS::S3::Bucket', '0', '0', '1'],
    ]);
    const oneLine = HOSTILE.replace('\n', ' ');
    assert.deepEqual(skipped!.map((row) => row.map(visibleText)), [
      ['kind', 'account', 'region', 'reason'],
      ['AWS::EC2::Instance', '222222222222', 'ap-south-1', oneLine],
    ]);
    assert.deepEqual(issues![1]!.map(visibleText), ['AWS::S3::Bucket', 'resources[0].port.entity.mappings.title (line 9)', '2', 'set to null', oneLine, 'x|y, `z`']);
    assert.deepEqual(conflicts![1]!.map(visibleText), ['cloudResource.a|b', 'k` (AWS::S3::Bucket 111111111111 global)', '? (AWS::S3::Bucket 111111111111 global)']);
  });

  it('lets no value open HTML, a link, emphasis or math', async () => {
    const text = await render(hostilePlan);
    assert.doesNotMatch(markdown.render(text), /<img|<b>|<a |<em>|<strong>x/);
    const outsideFences = markdown
      .parse(text, {})
      .filter((t) => t.type !== 'fence')
      .map((t) => t.content)
      .join('\n');
    assert.doesNotMatch(outsideFences, /\$/, 'GitHub reads $...$ as math');
  });

  it('folds each change in its own <details>, its diff in a fence no value can close', async () => {
    const text = await render(hostilePlan);
    const html = markdown.render(text);
    assert.equal(html.match(/<details>/g)?.length, 2);
    assert.equal(html.match(/<\/details>/g)?.length, 2);
    const fences = markdown.parse(text, {}).filter((t) => t.type === 'fence');
    assert.equal(fences.length, 2);
    assert.ok(fences.every((f) => f.info === 'diff'));
    assert.ok(fences[1]!.content.includes(`+ title = ${JSON.stringify(HOSTILE)}`), fences[1]!.content);
    assert.ok(fences[1]!.content.includes('+ properties.odd ``` name = 1'), 'a property name on one line, inside the fence');
    // a summary is raw HTML (an HTML block): markdown is not read in it, only HTML
    const summaries = markdown
      .parse(text, {})
      .filter((t) => t.type === 'html_block' && t.content.startsWith('<details><summary>'))
      .map((t) => decodeReferences(t.content.replace(/<\/?(details|summary|code)>/g, '').trim()));
    assert.deepEqual(summaries, [
      `- cloudResource.gone (AWS::S3::Bucket 111111111111 global) — no longer in AWS <b>${HOSTILE.replace('\n', ' ')}</b>`,
      '+ bp|x.new`</summary> (AWS::Custom::<Thing> 111111111111 global)',
    ]);
  });

  it('lists owner moves in a table of their own, outside the counts', async () => {
    const text = await render(aPlan([], { owner_moves: [aMove('x', aScope({ account: '222222222222' }), aScope())] }));
    assert.match(text, /\*\*Plan: 0 to add, 0 to change, 0 to destroy\.\*\*/);
    assert.match(text, /#### Owner moves\n/);
    assert.ok(text.includes('| <code>cloudResource.x</code> | <code>x</code> (<code>AWS::S3::Bucket 222222222222 global</code>) | <code>x</code> (<code>AWS::S3::Bucket 111111111111 global</code>) |'), text);
  });

  it('lists the deletion guards that stop the apply, first', async () => {
    const text = await render(hostilePlan);
    assert.match(text, /^> \[!CAUTION\]\n> \*\*`aws2port apply` refuses this plan\*\*/m);
    assert.match(text, /> - <code>cloud&#124;Resource<\/code>: 9 of 10 managed entities \(90%, threshold 50%\)/);
    assert.ok(text.indexOf('[!CAUTION]') < text.indexOf('| blueprint |'));
  });

  it('shows an update as removed and added lines, and a structured one as a unified diff', async () => {
    const before = anEntity('i-1', { title: 'old', properties: { tags: [{ Key: 'team', Value: 'search' }, { Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] } });
    const after = anEntity('i-1', { title: 'new', properties: { tags: [{ Key: 'team', Value: 'search-relevance' }, { Key: 'a', Value: 'b' }, { Key: 'c', Value: 'd' }] } });
    const text = await render(aPlan([aChange('update', 'i-1', { before, after })]));
    assert.match(text, /\n- title = "old"\n\+ title = "new"\n {2}properties\.tags:\n@@ [^\n]+ @@\n/);
    assert.match(text, /\n- {7}"Value": "search"\n\+ {7}"Value": "search-relevance"\n/);
    assert.match(text, /\n {2}# \(3 unchanged attributes hidden\)\n/);
  });

  it('cuts a plan longer than the limit, changes first, and says what it left out', async () => {
    const changes = [
      ...Array.from({ length: 30 }, (_, i) => aChange('delete', `old-${i}`)),
      ...Array.from({ length: 200 }, (_, i) => aChange('create', `new-${String(i).padStart(3, '0')}`)),
      ...Array.from({ length: 100 }, (_, i) => aChange('update', `up-${i}`, { after: anEntity(`up-${i}`, { title: 'changed' }) })),
    ];
    const text = await render(aPlan(changes, { skipped_scopes: [{ ...aScope(), error: 'AccessDenied' }] }), 20_000);
    assert.ok(text.length <= 20_000, `${text.length}`);
    const shown = text.match(/<details>/g)!.length;
    const cut = /> Cut to fit a comment \(20,000 characters\): not shown are (\d+) of 330 changes \((\d+) to add, 100 to change\)\./.exec(text);
    assert.ok(cut, text.slice(-600));
    assert.equal(Number(cut[1]) + shown, 330);
    assert.equal(Number(cut[2]) + shown - 30, 200);
    assert.match(text, /\| <code>AWS::S3::Bucket<\/code> \| <code>111111111111<\/code> \| <code>global<\/code> \| <code>AccessDenied<\/code> \|/, 'sections before the changes are whole');
    assert.ok(text.endsWith('prints all of it.\n'));
  });

  it('cuts the warnings too when they alone pass the limit, naming how many were left out', async () => {
    const skipped = Array.from({ length: 2_000 }, (_, i) => ({ ...aScope({ account: String(100000000000 + i) }), error: 'AccessDeniedException: not authorized to assume the role' }));
    const text = await render(aPlan([aChange('create', 'b')], { skipped_scopes: skipped }));
    assert.ok(text.length <= GITHUB_COMMENT_LIMIT);
    assert.match(text, /not shown are [\d,]+ of 2,000 skipped scopes, 1 of 1 changes \(1 to add\)\./);
  });

  it('keeps a comment of a million-character value under the limit', async () => {
    const huge = anEntity('big', { properties: { blob: 'x'.repeat(1_000_000) } });
    const text = await render(aPlan([aChange('create', 'big', { after: huge }), aChange('create', 'small')]));
    assert.ok(text.length <= GITHUB_COMMENT_LIMIT);
    assert.match(text, /not shown are 2 of 2 changes \(2 to add\)/);
  });
});
