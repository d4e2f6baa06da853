import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { MAX_ITEM_JSON_LENGTH } from '../../src/mapping/constants.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/**
 * S3 buckets mapped on the fast path, and log groups with two properties only jq-wasm evaluates: a
 * data-protection policy (a JSON document in a string, as CloudFormation holds it) and a count of
 * retention periods, computed the slow way.
 */
const CONFIG = `resources:
- kind: AWS::S3::Bucket
  selector:
    query: 'true'
  port:
    entity:
      mappings:
        identifier: .Identifier
        title: .Identifier
        blueprint: '"cloudResource"'
        properties:
          region: .Properties.RegionalDomainName | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region
          tags: .Properties.Tags
          arn: .Properties.Arn
        relations:
          account: .__AccountId
- kind: AWS::Logs::LogGroup
  selector:
    query: 'true'
  port:
    entity:
      mappings:
        identifier: .Identifier
        blueprint: '"logGroup"'
        properties:
          policy: .Properties.DataProtectionPolicy | fromjson? | tojson
          periods: '[range(0; .Properties.RetentionInDays; 30)] | length'
          paths: '[.Properties | paths] | length'
`;

const ITEMS = 100_000;

/** An array nested `depth` levels deep, as JSON text. */
const nestedText = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function logGroupLine(name: string, properties: Record<string, string>): string {
  const fields = Object.entries({ RetentionInDays: '30', DataProtectionPolicy: '"{}"', ...properties }).map(([key, text]) => `"${key}":${text}`);
  return `{"Identifier":"${name}","Properties":{${fields.join(',')}},"__Kind":"AWS::Logs::LogGroup","__AccountId":"111111111111","__Region":"eu-west-1"}`;
}

/**
 * Ten items a mapping cannot carry, each as the JSON line AWS could give, and why: too deep, too
 * large, a number beyond a double, a value that crashes jq-wasm, a program that runs away.
 */
const HOSTILE_LINES: Array<() => string> = [
  () => bucketLine('deep-tags', `"Tags":${nestedText(6000)}`),
  () => bucketLine('huge-number', '"Tags":[{"Key":"size","Value":1e400}]'),
  () => bucketLine('too-large', `"Tags":[{"Key":"blob","Value":"${'x'.repeat(MAX_ITEM_JSON_LENGTH)}"}]`),
  () => bucketLine('deep-object-tags', `"Tags":${'{"__proto__":'.repeat(300)}1${'}'.repeat(300)}`),
  () => logGroupLine('deep-properties', { Nested: nestedText(6000) }),
  () => logGroupLine('policy-crashes-jq', { DataProtectionPolicy: JSON.stringify(nestedText(1000)) }),
  () => logGroupLine('runs-away', { RetentionInDays: '1e15' }),
  () => logGroupLine('huge-retention', { RetentionInDays: '1e400' }),
  () => logGroupLine('deep-policy-constructor', { DataProtectionPolicy: JSON.stringify(`${'{"constructor":'.repeat(700)}0${'}'.repeat(700)}`) }),
  () => bucketLine('deep-tags-2', `"Tags":[${nestedText(300)}]`),
];

/** A small S3 bucket as a JSON line, its Properties ending with `extra` (JSON text of members) when given. */
function bucketLine(name: string, extra = ''): string {
  const region = ['eu-west-1', 'us-east-1', 'ap-south-1'][name.length % 3]!;
  const tags = extra === '' ? `"Tags":[{"Key":"team","Value":"t${name.length % 7}"}]` : extra;
  return `{"Identifier":"${name}","Properties":{"Arn":"arn:aws:s3:::${name}","RegionalDomainName":"${name}.s3.${region}.amazonaws.com",${tags}},"__Kind":"AWS::S3::Bucket","__AccountId":"111111111111","__Region":"${region}"}`;
}

describe('aws2port map over 100,000 items, 10 of them hostile', () => {
  const dir = tempDir();
  const hostileIndexes: number[] = [];
  const map = (file: string, args: string[] = []): Promise<CliRun> =>
    runCli(['map', '--json', '--config', 'aws2port.yml', file, ...args], { cwd: dir, env: { AWS2PORT_JQ_TIME_BUDGET_MS: '1000' } });

  before(() => {
    writeFileSync(join(dir, 'aws2port.yml'), CONFIG);
    const clean = Array.from({ length: ITEMS - HOSTILE_LINES.length - 20 }, (_, index) => bucketLine(`bucket-${index}`));
    for (let index = 0; index < 20; index += 1) clean.splice(index * 4000 + 11, 0, logGroupLine(`group-${index}`, { RetentionInDays: String(index * 30) }));
    const lines = [...clean];
    HOSTILE_LINES.forEach((line, position) => {
      const index = position * 9_973 + 5;
      lines.splice(index, 0, line());
      hostileIndexes.push(index);
    });
    writeFileSync(join(dir, 'clean.jsonl'), `${clean.join('\n')}\n`);
    writeFileSync(join(dir, 'hostile.jsonl'), `${lines.join('\n')}\n`);
    assert.equal(lines.length, ITEMS);
  });

  it('names the 10 in its errors and summary, exits 1, and maps the other 99,990 byte for byte as without them', { timeout: 300_000 }, async () => {
    // WHEN both files are mapped, on the main thread and a worker
    const [clean, hostile] = await Promise.all([map('clean.jsonl', ['--workers', '1']), map('hostile.jsonl', ['--workers', '1'])]);

    // THEN the clean file maps in full
    assert.equal(clean.code, 0, clean.stderr);
    // AND the hostile one exits 1, with one error line per hostile item, naming it and skipping it
    assert.equal(hostile.code, 1, hostile.stderr);
    const lines = hostile.stdout.split('\n').filter((line) => line !== '');
    const errors = lines.filter((line) => line.startsWith('{"error"')).map((line) => JSON.parse(line) as { error: string; item: number; skipped: boolean; field: string | null });
    assert.deepEqual(errors.map((error) => [error.item, error.skipped]), hostileIndexes.map((index) => [index, true]), JSON.stringify(errors, null, 1));
    assert.doesNotMatch(hostile.stderr, /Aborted|Error/, 'jq-wasm\'s crashes print nothing of their own');
    assert.match(hostile.stderr, new RegExp(`Mapped ${ITEMS} items: ${ITEMS - 10} entities, 0 filtered out, 10 errors \\(10 items skipped\\)\\.`));
    // AND every other item gives, byte for byte, the line it gives without the hostile ones
    assert.equal(lines.filter((line) => !line.startsWith('{"error"')).join('\n'), clean.stdout.trimEnd());
    // AND each error says why
    const reasons = errors.map((error) => error.error);
    for (const [position, pattern] of [
      [0, /nested more than 256 levels/],
      [1, /beyond the range of a double/],
      [2, /characters of JSON, more than the limit/],
      [3, /nested more than 256 levels/],
      [4, /nested more than 256 levels/],
      [5, /jq-wasm crashed on this item/],
      [6, /time budget of 1000 ms/],
      [7, /beyond the range of a double/],
      [8, /jq-wasm crashed on this item|nested more than 256 levels/],
      [9, /nested more than 256 levels/],
    ] as const) {
      assert.match(reasons[position]!, pattern, `hostile item ${position}`);
    }
  });
});
