import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HELP_COLUMNS, helpColumns, parseArguments, parseDuration, parseShard, type Invocation } from '../../cmd/arguments.js';
import { isAws2PortError } from '../../src/errors/index.js';
import { runCli } from '../support/run-cli.js';

const tty: Invocation = { env: {}, isStdoutTty: true };
const parse = (argv: string[], invocation: Invocation = tty) => parseArguments(argv, invocation, '0.0.0-test');
/** Whether an error is a bad argument whose message names `fact`. */
const invalidArgument = (fact: RegExp) => (error: unknown) => isAws2PortError(error, 'InvalidArgument') && fact.test(error.message);

describe('parseArguments', () => {
  it('gives plan its defaults', async () => {
    assert.deepEqual(await parse(['plan']), {
      command: 'plan',
      config: './aws2port.yml',
      state: './.aws2port/state.db',
      targets: [],
      isStrict: false,
      json: false,
      isColor: true,
      isQuiet: false,
      isDebug: false,
      isDetailedExitcode: false,
    });
  });

  it('takes --all-accounts and --json on doctor (a sample of accounts without it)', async () => {
    const sampled = await parse(['doctor']);
    assert.equal(sampled.command, 'doctor');
    assert.equal(sampled.command === 'doctor' && sampled.isAllAccounts, false);
    const all = await parse(['doctor', '--all-accounts', '--json']);
    assert.equal(all.command === 'doctor' && all.isAllAccounts, true);
    assert.equal(all.json, true);
  });

  it('reads the config and state files from the environment', async () => {
    const args = await parse(['plan'], { env: { AWS2PORT_CONFIG: '/etc/a.yml', AWS2PORT_STATE: '/var/s.db' }, isStdoutTty: false });
    assert.ok(args.command === 'plan');
    assert.equal(args.config, '/etc/a.yml');
    assert.equal(args.state, '/var/s.db');
  });

  it('turns colour off without a terminal, with NO_COLOR, or with --no-color', async () => {
    assert.equal((await parse(['plan'], { env: {}, isStdoutTty: false })).isColor, false);
    assert.equal((await parse(['plan'], { env: { NO_COLOR: '1' }, isStdoutTty: true })).isColor, false);
    assert.equal((await parse(['plan', '--no-color'])).isColor, false);
  });

  it('takes repeated --target, --out and --detailed-exitcode on plan', async () => {
    const args = await parse(['plan', '--target', 'AWS::S3::Bucket', '--target', 'AWS::EC2::Instance', '--out', 'p.plan', '--detailed-exitcode']);
    assert.equal(args.command, 'plan');
    assert.deepEqual(args.targets, ['AWS::S3::Bucket', 'AWS::EC2::Instance']);
    assert.ok(args.command === 'plan' && args.out === 'p.plan' && args.isDetailedExitcode);
  });

  it('takes a plan file and --auto-approve on apply', async () => {
    const args = await parse(['apply', 'saved.plan', '--auto-approve']);
    assert.ok(args.command === 'apply' && args.planFile === 'saved.plan' && args.isAutoApprove);
  });

  it('parses the state subcommands', async () => {
    assert.equal((await parse(['state', 'list'])).command, 'state list');
    const show = await parse(['state', 'show', 'cloudResource.my-bucket']);
    assert.ok(show.command === 'state show' && show.address === 'cloudResource.my-bucket');
    const unlock = await parse(['state', 'unlock', 'abc-123']);
    assert.ok(unlock.command === 'state unlock' && unlock.lockId === 'abc-123');
  });

  it("takes --parallelism as the user's cap, and sets none by default", async () => {
    const capped = await parse(['plan', '--parallelism', '64']);
    assert.ok(capped.command === 'plan' && capped.parallelism === 64);
    const uncapped = await parse(['apply']);
    assert.ok(uncapped.command === 'apply' && uncapped.parallelism === undefined);
  });

  it('rejects unknown flags and a parallelism below 1', async () => {
    await assert.rejects(parse(['plan', '--bogus']), invalidArgument(/bogus/));
    await assert.rejects(parse(['plan', '--parallelism', '0']), invalidArgument(/--parallelism/));
    await assert.rejects(parse(['plan', '--parallelism', 'abc']), invalidArgument(/--parallelism/));
  });

  it('parses watch with its flags and refuses it without a queue', async () => {
    const args = await parse(['watch', '--queue-url', 'http://q/1/events', '--resync-interval', '30m', '--max-receives', '3', '--metrics-port', '9100']);
    assert.ok(args.command === 'watch');
    assert.deepEqual([args.queueUrl, args.resyncIntervalMs, args.maxReceives, args.metricsPort], ['http://q/1/events', 1_800_000, 3, 9100]);
    await assert.rejects(parse(['watch']), invalidArgument(/--queue-url/));
    const fromEnv = await parse(['watch'], { env: { AWS2PORT_QUEUE_URL: 'http://q/1/e' }, isStdoutTty: false });
    assert.ok(fromEnv.command === 'watch' && fromEnv.queueUrl === 'http://q/1/e');
  });

  it('parses --shard and map and validate', async () => {
    const sharded = await parse(['plan', '--shard', '2/4']);
    assert.ok(sharded.command === 'plan');
    assert.deepEqual(sharded.shard, { index: 2, count: 4 });
    await assert.rejects(parse(['plan', '--shard', '5/4']), invalidArgument(/--shard/));
    const map = await parse(['map', 'items.json', '--kind', 'AWS::S3::Bucket', '--json']);
    assert.ok(map.command === 'map' && map.inputFile === 'items.json' && map.kind === 'AWS::S3::Bucket' && map.json && map.workers === undefined);
    const withWorkers = await parse(['map', 'items.jsonl', '--workers', '3']);
    assert.ok(withWorkers.command === 'map' && withWorkers.workers === 3);
    for (const workers of ['-1', '1.5']) await assert.rejects(parse(['map', 'items.jsonl', '--workers', workers]), invalidArgument(/--workers/));
    assert.equal((await parse(['validate'])).command, 'validate');
    await assert.rejects(parse([]), invalidArgument(/^Name a command: plan, apply, show, refresh, watch, validate, map, doctor or state\.$/));
  });

  it('gives show a plan file and the output flags only', async () => {
    assert.deepEqual(await parse(['show', 'p.plan', '--markdown']), { command: 'show', planFile: 'p.plan', isMarkdown: true, json: false, isColor: true, isQuiet: false, isDebug: false });
    const json = await parse(['show', 'p.plan', '--json', '--no-color']);
    assert.ok(json.command === 'show' && json.json && !json.isMarkdown && !json.isColor);
    await assert.rejects(parse(['show']), invalidArgument(/Not enough non-option arguments/));
    await assert.rejects(parse(['show', 'p.plan', '--json', '--markdown']), invalidArgument(/--json or --markdown/));
    await assert.rejects(parse(['show', 'p.plan', '--config', 'a.yml']), invalidArgument(/config/));
  });
});

describe('bad arguments on the command line', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'aws2port-arguments-'));
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown flag', ['plan', '--bogus'], /bogus/],
    ['a missing argument', ['show'], /arguments/],
    ['a flag that is not a number', ['plan', '--parallelism', 'abc'], /--parallelism/],
    ['a flag without its value', ['plan', '--shard'], /--shard/],
    ['no command', [], /Name a command/],
    ['an unknown command', ['plna'], /Did you mean plan/],
    ['a bad duration', ['watch', '--queue-url', 'http://q/1/e', '--resync-interval', '5x'], /not a duration/],
  ];
  for (const [what, argv, fact] of cases) {
    it(`goes through the one catch with InvalidArgument and exit 1 on ${what}`, async () => {
      const run = await runCli(argv, { cwd, env: {} });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /^Error: .* \[InvalidArgument\]\nRun aws2port --help for usage\.\n$/);
      assert.match(run.stderr, fact);
      assert.equal(run.stdout, '');
    });
  }
});

describe('parseDuration', () => {
  it('reads the units a user writes', () => {
    assert.equal(parseDuration('0'), 0);
    assert.equal(parseDuration('45s'), 45_000);
    assert.equal(parseDuration('6h'), 21_600_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', '10', 'h', '5x', '1h 30m']) assert.throws(() => parseDuration(text), invalidArgument(/not a duration/));
  });
});

describe('parseShard', () => {
  it('takes I/N with I in 1..N', () => {
    assert.deepEqual(parseShard('1/1'), { index: 1, count: 1 });
    for (const text of ['0/2', '3/2', '1/0', 'a/b', '1']) assert.throws(() => parseShard(text), invalidArgument(/--shard/));
  });
});

describe('helpColumns', () => {
  it("takes COLUMNS first, then the terminal's width, then 80", () => {
    assert.equal(helpColumns({ env: { COLUMNS: '132' }, isStdoutTty: true, terminalColumns: 100 }), 132);
    assert.equal(helpColumns({ env: {}, isStdoutTty: true, terminalColumns: 100 }), 100);
    assert.equal(helpColumns({ env: { COLUMNS: 'wide' }, isStdoutTty: false }), DEFAULT_HELP_COLUMNS);
    assert.equal(DEFAULT_HELP_COLUMNS, 80);
  });
});
