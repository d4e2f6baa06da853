import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSeedItems } from '../mapping/generate-seed-items.js';
import { runCli, type CliRun } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

const SEED_CONFIG = readFileSync(new URL('../../../examples/port-app-config.yml', import.meta.url), 'utf8');
const ENTITY_KEYS = ['blueprint', 'identifier', 'title', 'icon', 'team', 'properties', 'relations'];

interface EntityLine {
  blueprint: string;
  identifier: string;
  title: string | null;
  icon: string | null;
  team: string | string[] | null;
  properties: Record<string, unknown>;
  relations: Record<string, unknown>;
}
interface ErrorLine {
  error: string;
  item: number;
  expression: string | null;
  field: string | null;
  path: string | null;
  line: number | null;
  skipped: boolean;
}

/** Runs `aws2port map --config aws2port.yml ARGS` in a fresh folder holding `config` and `files`, with `input` on stdin. */
async function map(config: string, args: string[], input = '', files: Record<string, string> = {}): Promise<CliRun> {
  const dir = tempDir();
  writeFileSync(join(dir, 'aws2port.yml'), config);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return runCli(['map', '--config', 'aws2port.yml', ...args], { cwd: dir, env: {}, input });
}

/** The `--json` output's lines, parsed. */
function jsonLines(run: CliRun): Array<EntityLine | ErrorLine> {
  return run.stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as EntityLine | ErrorLine);
}

const entitiesOf = (run: CliRun) => jsonLines(run).filter((line): line is EntityLine => 'blueprint' in line);
const errorsOf = (run: CliRun) => jsonLines(run).filter((line): line is ErrorLine => 'error' in line);
const asLines = (items: unknown[]) => items.map((item) => JSON.stringify(item)).join('\n');

/** The line (1-based) in the seed config of the first `fragment` after the line holding `anchor`. */
function lineAfter(anchor: string, fragment: string): number {
  const lines = SEED_CONFIG.split('\n');
  const start = lines.findIndex((line) => line.includes(anchor));
  return lines.findIndex((line, index) => index > start && line.includes(fragment)) + 1;
}

/** A config of one resource, in the seed's form, with these mappings (YAML written as given). */
function oneResource(kind: string, mappings: string, port = ''): string {
  return `resources:\n- kind: ${kind}\n  selector:\n    query: 'true'\n  port:\n${port}    entity:\n      mappings:\n${mappings}`;
}

describe('aws2port map', () => {
  it('maps items of several kinds from JSON lines on stdin, by their __Kind, into entity lines of a fixed shape', async () => {
    // GIVEN accounts and buckets, all complete
    const accounts = generateSeedItems('AWS::Organizations::Account', 5, 1).filter((item) => item['JoinedTimestamp']);
    const buckets = generateSeedItems('AWS::S3::Bucket', 40, 2).filter((item) => item.Properties?.['RegionalDomainName'] && item.Properties['Arn']);

    // WHEN they are mapped with the seed config
    const run = await map(SEED_CONFIG, ['--json'], asLines([...accounts, ...buckets]));

    // THEN every item gives one entity, in input order, with exactly the seven keys
    assert.equal(run.code, 0, run.stderr);
    const entities = entitiesOf(run);
    assert.deepEqual(entities.map((entity) => entity.identifier), [...accounts.map((item) => item['Id']), ...buckets.map((item) => item.Identifier)]);
    for (const entity of entities) assert.deepEqual(Object.keys(entity), ENTITY_KEYS);
    const bucket = buckets[0]!;
    assert.deepEqual(entities[accounts.length], {
      blueprint: 'cloudResource',
      identifier: bucket.Identifier,
      title: bucket.Identifier,
      icon: null,
      team: null,
      properties: {
        kind: 'AWS::S3::Bucket',
        region: bucket.__Region,
        tags: bucket.Properties!['Tags'] ?? null,
        arn: bucket.Properties!['Arn'],
        link: `https://console.aws.amazon.com/go/view?arn=${bucket.Properties!['Arn']}`,
      },
      relations: { account: bucket.__AccountId },
    });
    assert.equal(entities[0]!.properties['joined_timestamp'], String(accounts[0]!['JoinedTimestamp']).replace(' ', 'T'));
    assert.match(run.stderr, new RegExp(`Mapped ${accounts.length + buckets.length} items: ${entities.length} entities, 0 filtered out, 0 errors`));
  });

  it('reads a JSON array file as it reads JSON lines', async () => {
    const buckets = generateSeedItems('AWS::S3::Bucket', 30, 3);

    const fromLines = await map(SEED_CONFIG, ['--json'], asLines(buckets));
    const fromArray = await map(SEED_CONFIG, ['--json', 'items.json'], '', { 'items.json': JSON.stringify(buckets, null, 2) });

    assert.equal(fromArray.stdout, fromLines.stdout);
    assert.ok(entitiesOf(fromArray).length > 20);
  });

  it('turns a jq error in one item of many into a null field and an error line naming the item and the expression', async () => {
    // GIVEN ten buckets, the fourth without RegionalDomainName (the seed's capture then fails)
    const buckets = Array.from({ length: 10 }, (_, index) => ({
      Identifier: `bucket-${index}`,
      Properties: { Arn: `arn:aws:s3:::bucket-${index}`, RegionalDomainName: `bucket-${index}.s3.eu-west-1.amazonaws.com` },
      __Kind: 'AWS::S3::Bucket',
      __AccountId: '111111111111',
      __Region: 'eu-west-1',
    }));
    delete (buckets[3]!.Properties as Partial<(typeof buckets)[number]['Properties']>).RegionalDomainName;

    const run = await map(SEED_CONFIG, ['--json'], asLines(buckets));

    // THEN every bucket is mapped, the fourth with a null region, and the error is reported: exit 0
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(entitiesOf(run).map((entity) => entity.properties['region']), buckets.map((_, index) => (index === 3 ? null : 'eu-west-1')));
    const [error] = errorsOf(run);
    assert.deepEqual({ ...error, error: undefined }, {
      error: undefined,
      item: 3,
      expression: '.Properties.RegionalDomainName | capture(".*\\\\.(?<region>[^\\\\.]+)\\\\.amazonaws\\\\.com") | .region',
      field: 'properties.region',
      path: 'resources[1].port.entity.mappings.properties.region',
      line: lineAfter('- kind: AWS::S3::Bucket', 'region:'),
      skipped: false,
    });
    assert.equal(error!.error, 'null (null) cannot be matched, as it is not a string');
  });

  it('skips items whose identifier is null or one Port refuses, reports them, and exits 1', async () => {
    const items = [
      { Identifier: 'good', Properties: {}, __Kind: 'AWS::EC2::Instance', __AccountId: '1', __Region: 'r' },
      { Properties: {}, __Kind: 'AWS::EC2::Instance', __AccountId: '1', __Region: 'r' },
      { Identifier: 'has space', Properties: {}, __Kind: 'AWS::EC2::Instance', __AccountId: '1', __Region: 'r' },
    ];

    const run = await map(SEED_CONFIG, ['--json'], asLines(items));

    assert.equal(run.code, 1);
    assert.deepEqual(entitiesOf(run).map((entity) => entity.identifier), ['good']);
    assert.deepEqual(errorsOf(run).map((error) => [error.item, error.field, error.skipped]), [
      [1, 'identifier', true],
      [2, 'identifier', true],
    ]);
    assert.match(errorsOf(run)[1]!.error, /"has space" is not a valid Port identifier/);
  });

  it('takes the resource configs of --kind, whatever the items say, and refuses a kind the config lacks', async () => {
    const items = [{ Identifier: 'x', Properties: { Arn: 'arn:x' }, __Kind: 'Something::Else', __AccountId: '1', __Region: 'r' }];

    const picked = await map(SEED_CONFIG, ['--json', '--kind', 'AWS::ECS::Cluster'], asLines(items));
    const unknown = await map(SEED_CONFIG, ['--json', '--kind', 'AWS::Nope::Nope'], asLines(items));
    const byKind = await map(SEED_CONFIG, ['--json'], asLines([...items, { Identifier: 'y' }]));

    assert.deepEqual(entitiesOf(picked).map((entity) => entity.identifier), ['arn:x']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No resource config of kind AWS::Nope::Nope .*\[InvalidArgument\]/);
    assert.deepEqual(errorsOf(byKind).map((error) => [error.item, error.error]), [
      [0, 'no resource config maps kind Something::Else'],
      [1, 'the item has no __Kind: name its kind with --kind'],
    ]);
  });

  it('maps each itemsToParse element with its parent in scope, with team and relation lists', async () => {
    const config = oneResource(
      'AWS::ECS::Cluster',
      [
        '        identifier: .Identifier + "/" + .service.Name',
        `        blueprint: '"service"'`,
        '        team: .service.Teams',
        '        properties:',
        '          cluster: .Properties.ClusterName',
        '        relations:',
        '          subnets: .service.Subnets',
        '          owner:',
        '            combinator: and',
        '            rules: []',
        '',
      ].join('\n'),
      '    itemsToParse: .Properties.Services\n    itemsToParseName: service\n',
    );
    const cluster = {
      Identifier: 'prod',
      Properties: { ClusterName: 'prod', Services: [{ Name: 'api', Teams: ['web', 'core'], Subnets: ['s-1', 's-2'] }, { Name: 'worker', Teams: 'core', Subnets: [] }] },
      __Kind: 'AWS::ECS::Cluster',
      __AccountId: '1',
      __Region: 'r',
    };

    const run = await map(config, ['--json'], asLines([cluster]));

    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(
      entitiesOf(run).map((entity) => [entity.identifier, entity.team, entity.properties, entity.relations]),
      [
        ['prod/api', ['web', 'core'], { cluster: 'prod' }, { subnets: ['s-1', 's-2'], owner: { combinator: 'and', rules: [] } }],
        ['prod/worker', 'core', { cluster: 'prod' }, { subnets: [], owner: { combinator: 'and', rules: [] } }],
      ],
    );
  });

  it('skips an item whose property hits a jq error under --strict, and exits 1', async () => {
    const config = oneResource('AWS::S3::Bucket', '        identifier: .Identifier\n        blueprint: \'"cloudResource"\'\n        properties:\n          size: .Properties.Size | tonumber\n');
    const items = [
      { Identifier: 'a', Properties: { Size: '12' }, __Kind: 'AWS::S3::Bucket' },
      { Identifier: 'b', Properties: { Size: true }, __Kind: 'AWS::S3::Bucket' },
    ];

    const lenient = await map(config, ['--json'], asLines(items));
    const strict = await map(config, ['--json', '--strict'], asLines(items));

    assert.equal(lenient.code, 0);
    assert.deepEqual(entitiesOf(lenient).map((entity) => entity.properties['size']), [12, null]);
    assert.equal(strict.code, 1);
    assert.deepEqual(entitiesOf(strict).map((entity) => entity.identifier), ['a']);
    assert.deepEqual(errorsOf(strict).map((error) => [error.item, error.field, error.skipped, error.error]), [[1, 'properties.size', true, 'boolean (true) cannot be parsed as a number']]);
  });

  it('reports an address two resource configs both make, keeping the first entity', async () => {
    const mappings = '        identifier: .Identifier\n        blueprint: \'"cloudResource"\'\n';
    const config = `${oneResource('AWS::S3::Bucket', mappings)}${oneResource('AWS::S3::Bucket', mappings).replace('resources:\n', '')}`;

    const run = await map(config, ['--json'], asLines([{ Identifier: 'same', __Kind: 'AWS::S3::Bucket' }]));

    assert.equal(run.code, 1);
    assert.deepEqual(entitiesOf(run).map((entity) => entity.identifier), ['same']);
    assert.deepEqual(errorsOf(run).map((error) => [error.item, error.error]), [[0, 'address conflict: cloudResource.same was already mapped from item 0; this entity is dropped']]);
  });

  it('reports a line that is not JSON and goes on with the next ones', async () => {
    const run = await map(SEED_CONFIG, ['--json', '--kind', 'AWS::EC2::Instance'], '{"Identifier": "i-1"}\n{not json\n\n{"Identifier": "i-2"}\n');

    assert.equal(run.code, 1);
    assert.deepEqual(entitiesOf(run).map((entity) => entity.identifier), ['i-1', 'i-2']);
    assert.deepEqual(errorsOf(run).map((error) => [error.item, error.skipped]), [[1, true]]);
    assert.match(errorsOf(run)[0]!.error, /^not JSON: /);
  });

  it('gives jq\'s results for expressions outside the fast path', async () => {
    const config = oneResource('AWS::S3::Bucket', [
      '        identifier: .Identifier',
      `        blueprint: '"cloudResource"'`,
      '        properties:',
      '          total: reduce .Properties.Sizes[] as $s (0; . + $s)',
      '          csv: .Properties.Sizes | @csv',
      '          upper: .Identifier | ascii_upcase',
      '',
    ].join('\n'));

    const run = await map(config, ['--json'], asLines([{ Identifier: 'a', Properties: { Sizes: [1, 2, 3] }, __Kind: 'AWS::S3::Bucket' }]));

    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(entitiesOf(run)[0]!.properties, { total: 6, csv: '1,2,3', upper: 'A' });
  });

  it('prints a readable listing without --json, ending with a summary', async () => {
    const items = [{ Identifier: 'i-1', Properties: { Arn: 'arn:i-1', Tags: [] }, __Kind: 'AWS::EC2::Instance', __AccountId: '1', __Region: 'r' }, { __Kind: 'AWS::EC2::Instance' }];

    const run = await map(SEED_CONFIG, [], asLines(items));

    assert.equal(run.code, 1);
    assert.equal(
      run.stdout,
      [
        '+ cloudResource.i-1  (item 0, resources[2])',
        '      title = "i-1"',
        '      icon = null',
        '      team = null',
        '      properties.kind = "AWS::EC2::Instance"',
        '      properties.region = "r"',
        '      properties.tags = []',
        '      properties.arn = "arn:i-1"',
        '      properties.link = "https://console.aws.amazon.com/go/view?arn=arn:i-1"',
        '      relations.account = "1"',
        `! item 1: resources[2].port.entity.mappings.identifier (line ${lineAfter('- kind: AWS::EC2::Instance', 'identifier:')}): yielded null or nothing: an entity needs an identifier [item skipped]`,
        'Mapped 2 items: 1 entity, 0 filtered out, 1 error (1 item skipped).',
        '',
      ].join('\n'),
    );
  });

  it('reads items from a pipe named as FILE, as the shell gives for <(...), even with --workers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'aws2port.yml'), SEED_CONFIG);
    execFileSync('mkfifo', [join(dir, 'items.pipe')]);
    const items = [{ Identifier: 'i-1', __Kind: 'AWS::EC2::Instance' }, { Identifier: 'i-2', __Kind: 'AWS::EC2::Instance' }];

    const running = runCli(['map', '--config', 'aws2port.yml', '--json', '--workers', '2', 'items.pipe'], { cwd: dir, env: {} });
    // Opening a pipe for writing waits for its reader: the CLI.
    await writeFile(join(dir, 'items.pipe'), asLines(items));
    const run = await running;

    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(entitiesOf(run).map((entity) => entity.identifier), ['i-1', 'i-2']);
  });

  it('refuses an items file it cannot read', async () => {
    const run = await map(SEED_CONFIG, ['missing.jsonl']);

    assert.equal(run.code, 1);
    assert.match(run.stderr, /Cannot read the items file missing\.jsonl: it does not exist\. \[InputUnreadable\]/);
  });
});
