import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type CliRun } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const SEED_CONFIG = readFileSync(new URL('port-app-config.yml', EXAMPLES), 'utf8');

interface ValidateJson {
  valid: boolean;
  errors: Array<{ file: string; path: string; line: number; message: string; code: string }>;
  warnings: Array<{ file: string; path: string; line: number; message: string; code: string }>;
}

/** Writes `files` into a fresh folder and runs `aws2port validate --config aws2port.yml ARGS` there. */
async function validate(files: Record<string, string>, args: string[] = []): Promise<CliRun> {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  if (!('blueprints.json' in files)) copyFileSync(new URL('blueprints.json', EXAMPLES), join(dir, 'blueprints.json'));
  return runCli(['validate', '--config', 'aws2port.yml', ...args], { cwd: dir, env: {} });
}

/** The line (1-based) of the first line of `text` that contains `fragment`. */
function lineOf(text: string, fragment: string): number {
  return text.split('\n').findIndex((line) => line.includes(fragment)) + 1;
}

describe('aws2port validate', () => {
  it('accepts the seed mapping, touching neither AWS nor Port', async () => {
    // No credentials and no endpoints are given: any AWS or Port call would fail.
    const run = await validate({ 'aws2port.yml': SEED_CONFIG });

    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'The configuration is valid.\n');
  });

  it('lists every jq expression that does not compile, with its file, line, YAML path and jq\'s message', async () => {
    const config = SEED_CONFIG.replace("identifier: .Id\n", 'identifier: .Id |\n').replace('email: .Email', 'email: .Email | no_such_function(1)');

    const run = await validate({ 'aws2port.yml': config });

    assert.equal(run.code, 1);
    const identifierLine = lineOf(config, 'identifier: .Id |');
    const emailLine = lineOf(config, 'no_such_function');
    assert.match(run.stdout, new RegExp(`^Error: aws2port\\.yml:${identifierLine}: resources\\[0\\]\\.port\\.entity\\.mappings\\.identifier: jq expression does not compile: syntax error`, 'm'));
    assert.match(run.stdout, new RegExp(`^Error: aws2port\\.yml:${emailLine}: resources\\[0\\]\\.port\\.entity\\.mappings\\.properties\\.email: jq expression does not compile: .*no_such_function/1 is not defined`, 'm'));
    assert.match(run.stdout, /The configuration has 2 errors\.\n$/);
  });

  it('prints one JSON document with --json', async () => {
    const config = SEED_CONFIG.replace("query: 'true'", "query: '.a ==' ");

    const run = await validate({ 'aws2port.yml': config }, ['--json']);

    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.errors.map((error) => [error.path, error.line, error.code]),
      [['resources[0].selector.query', lineOf(config, ".a =="), 'JqCompileFailed']],
    );
    assert.match(report.errors[0]!.message, /^jq expression does not compile: syntax error, unexpected end of file/);
    assert.deepEqual(report.warnings, []);
  });

  it('reports structural problems of the config with their lines, before compiling anything', async () => {
    const config = SEED_CONFIG.replace("        identifier: .Identifier\n        title: .Identifier\n        blueprint: '\"cloudResource\"'\n        properties:\n          kind: .__Kind\n          region: .Properties.RegionalDomainName", "        title: .Identifier\n        blueprint: '\"cloudResource\"'\n        properties:\n          kind: .__Kind\n          region: .Properties.RegionalDomainName");

    const run = await validate({ 'aws2port.yml': config }, ['--json']);

    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    assert.deepEqual(report.errors.map((error) => [error.path, error.code]), [['resources[1].port.entity.mappings.identifier', 'ConfigInvalid']]);
    assert.ok(report.errors[0]!.line > 0);
  });

  it('checks blueprint names, properties and relations against the blueprints file, and warns about computed blueprints', async () => {
    // GIVEN a config naming the example blueprints, with one unknown blueprint, one undeclared property, one undeclared relation, one computed blueprint
    const config = `blueprints: ./blueprints.json\n${SEED_CONFIG}`
      .replace(`blueprint: '"awsAccount"'`, `blueprint: '"awsAcount"'`)
      .replace('          tags: .Properties.Tags\n          arn: .Properties.Arn\n          link: .Properties | select(.Arn != null) | "https://console.aws.amazon.com/go/view?arn="\n            + .Arn\n        relations:\n          account: .__AccountId\n- kind: AWS::EC2::Instance',
        '          tags: .Properties.Tags\n          size: .Properties.Size\n          arn: .Properties.Arn\n          link: .Properties | select(.Arn != null) | "https://console.aws.amazon.com/go/view?arn="\n            + .Arn\n        relations:\n          account: .__AccountId\n          vpc: .Properties.VpcId\n- kind: AWS::EC2::Instance')
      .replace(`        identifier: .Properties.Arn\n        title: .Identifier\n        blueprint: '"cloudResource"'`, `        identifier: .Properties.Arn\n        title: .Identifier\n        blueprint: 'if .Properties.Arn then "cloudResource" else "other" end'`);

    // WHEN it is validated
    const run = await validate({ 'aws2port.yml': config }, ['--json']);

    // THEN each problem is an error at its place, and the computed blueprint a warning
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    assert.deepEqual(
      report.errors.map((error) => [error.path, error.line]),
      [
        ['resources[0].port.entity.mappings.blueprint', lineOf(config, 'awsAcount')],
        ['resources[1].port.entity.mappings.properties.size', lineOf(config, 'size: .Properties.Size')],
        ['resources[1].port.entity.mappings.relations.vpc', lineOf(config, 'vpc: .Properties.VpcId')],
      ],
    );
    assert.match(report.errors[0]!.message, /names blueprint "awsAcount", which blueprints\.json does not define \(it defines: awsAccount, cloudResource\)/);
    assert.match(report.errors[1]!.message, /blueprint "cloudResource" declares no property "size" \(it declares: kind, tags, arn, link, region\)/);
    assert.match(report.errors[2]!.message, /declares no relation "vpc" \(it declares: account\)/);
    assert.deepEqual(report.warnings.map((warning) => warning.path), ['resources[3].port.entity.mappings.blueprint']);
  });

  it('accepts the seed mapping against the example blueprints, and prints warnings with a valid config', async () => {
    const config = `blueprints: ./blueprints.json\nnotAnAws2portKey: 1\n${SEED_CONFIG}`;

    const run = await validate({ 'aws2port.yml': config });

    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^Warning: aws2port\.yml:2: notAnAws2portKey: /m);
    assert.match(run.stdout, /The configuration is valid\.\n$/);
  });

  it('reports a blueprints file that is not a JSON array of blueprints', async () => {
    const run = await validate({ 'aws2port.yml': `blueprints: ./blueprints.json\n${SEED_CONFIG}`, 'blueprints.json': '{"identifier": "x"}' }, ['--json']);

    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    assert.deepEqual(report.errors.map((error) => [error.file, error.code]), [['blueprints.json', 'BlueprintsFileInvalid']]);
  });

  it('reports a blueprint of the blueprints file that Port would refuse to create: no title, an identifier past Port\'s pattern', async () => {
    const blueprints = JSON.parse(readFileSync(new URL('blueprints.json', EXAMPLES), 'utf8')) as Array<Record<string, unknown>>;
    const untitled = [{ ...blueprints[0], title: undefined }, blueprints[1]];
    const misnamed = [blueprints[0], { ...blueprints[1], identifier: 'cloud resource' }];

    const runs = [
      await validate({ 'aws2port.yml': `blueprints: ./blueprints.json\n${SEED_CONFIG}`, 'blueprints.json': JSON.stringify(untitled) }, ['--json']),
      await validate({ 'aws2port.yml': `blueprints: ./blueprints.json\n${SEED_CONFIG}`, 'blueprints.json': JSON.stringify(misnamed) }, ['--json']),
    ];

    for (const [run, field] of [[runs[0]!, 'title'], [runs[1]!, 'identifier']] as const) {
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout) as ValidateJson;
      assert.deepEqual(report.errors.map((error) => [error.file, error.code]), [['blueprints.json', 'BlueprintsFileInvalid']]);
      assert.match(report.errors[0]!.message, new RegExp(`entry \\[\\d\\] is not a blueprint Port would create: ${field}: `));
    }
  });

  it('reports a missing config file as an error of the report, in JSON too', async () => {
    const dir = tempDir();
    const run = await runCli(['validate', '--json', '--config', 'missing.yml'], { cwd: dir, env: {} });

    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as ValidateJson;
    assert.deepEqual(report.errors.map((error) => [error.file, error.code]), [['missing.yml', 'ConfigNotFound']]);
  });
});
