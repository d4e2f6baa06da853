import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { generateSeedItems } from '../mapping/generate-seed-items.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const SEED_CONFIG = readFileSync(new URL('../../../examples/port-app-config.yml', import.meta.url), 'utf8');
const KINDS = ['AWS::S3::Bucket', 'AWS::EC2::Instance', 'AWS::Organizations::Account'];

/**
 * About 2.5 MB of JSON lines (about ten of map's 256 KiB chunks) in which every awkward case sits in
 * a different chunk from where it matters: blank and whitespace lines before a line that is not JSON
 * (its index counts only items), an item whose address repeats one made megabytes earlier, then one
 * of another region that sorts first and so takes that address, an item of a kind no config maps,
 * seed items with gaps that null fields, CRLF ends, no final newline.
 */
function awkwardInput(): { text: string; items: number; notJsonIndex: number; repeatedIdentifier: string; earlyIndex: number; repeatIndex: number } {
  const items = KINDS.flatMap((kind, k) => generateSeedItems(kind, 3000, 40 + k));
  const lines = items.map((item, index) => `${JSON.stringify(item)}${index % 97 === 0 ? '\r' : ''}`);
  const early = items.find((item) => item.__Kind === 'AWS::EC2::Instance')!;
  lines.splice(1200, 0, '', '   ', '{not json');
  lines.push(JSON.stringify({ Identifier: 'nobody-maps-this', __Kind: 'AWS::Nothing::Here' }));
  lines.push(JSON.stringify(early));
  lines.push(JSON.stringify({ ...early, __Region: 'af-south-1' }));
  const itemLines = lines.filter((line) => line.trim() !== '');
  return {
    text: lines.join('\n'),
    items: itemLines.length,
    notJsonIndex: itemLines.indexOf('{not json'),
    repeatedIdentifier: early.Identifier as string,
    earlyIndex: itemLines.findIndex((line) => line.trimEnd() === JSON.stringify(early)),
    repeatIndex: itemLines.length - 2,
  };
}

describe('aws2port map --workers', () => {
  const dir = tempDir();
  let input: ReturnType<typeof awkwardInput>;
  const map = (args: string[]): Promise<CliRun> => runCli(['map', '--config', 'aws2port.yml', 'items.jsonl', ...args], { cwd: dir, env: {} });

  before(() => {
    input = awkwardInput();
    writeFileSync(join(dir, 'aws2port.yml'), SEED_CONFIG);
    writeFileSync(join(dir, 'items.jsonl'), input.text);
    assert.ok(input.text.length > 8 * 256 * 1024, 'the input spans several chunks');
  });

  it('prints exactly what the in-process map prints, with JSON lines, whatever the number of workers', async () => {
    const alone = await map(['--json', '--workers', '0']);
    const errors = alone.stdout.split('\n').filter((line) => line.startsWith('{"error"')).map((line) => JSON.parse(line) as { error: string; item: number });

    assert.equal(alone.code, 1, alone.stderr);
    assert.ok(errors.some((error) => error.item === input.notJsonIndex && error.error.startsWith('not JSON')), 'the line that is not JSON, at its item index');
    assert.ok(
      errors.some((error) => error.item === input.repeatIndex && error.error.startsWith(`address conflict: cloudResource.${input.repeatedIdentifier} was already mapped from item `)),
      'the repeated address, reported for the later item',
    );
    assert.ok(
      errors.some((error) => error.item === input.earlyIndex && error.error.startsWith(`address conflict: cloudResource.${input.repeatedIdentifier} is also mapped from item ${input.items - 1}, which sorts first`)),
      'the address taken by the last item, which sorts first, reported for the item that held it',
    );
    assert.ok(errors.some((error) => error.error === 'no resource config maps kind AWS::Nothing::Here'));
    for (const workers of ['1', '3']) {
      const run = await map(['--json', '--workers', workers]);
      assert.equal(run.code, alone.code, `${workers} workers: exit code`);
      assert.equal(run.stdout, alone.stdout, `${workers} workers: the same lines in the same order`);
      assert.equal(run.stderr, alone.stderr, `${workers} workers: the same summary`);
    }
  });

  it('prints the same listing for a person', async () => {
    const alone = await map(['--workers', '0']);
    const run = await map(['--workers', '2']);

    assert.match(alone.stdout, new RegExp(`\\nMapped ${input.items} items: \\d+ entities, 0 filtered out, \\d+ errors \\(\\d+ items skipped\\)\\.\\n$`));
    assert.equal(run.stdout, alone.stdout);
    assert.equal(run.code, alone.code);
  });

  it('reports a mapping that does not compile, as the in-process map does', async () => {
    writeFileSync(join(dir, 'broken.yml'), SEED_CONFIG.replace('title: .Identifier', 'title: .Identifier | ]'));
    const alone = await runCli(['map', '--config', 'broken.yml', 'items.jsonl', '--workers', '0'], { cwd: dir, env: {} });
    const run = await runCli(['map', '--config', 'broken.yml', 'items.jsonl', '--workers', '2'], { cwd: dir, env: {} });

    assert.equal(alone.code, 1);
    assert.match(alone.stderr, /jq expression does not compile.*\[JqCompileFailed\]/);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, alone.stderr);
  });
});
