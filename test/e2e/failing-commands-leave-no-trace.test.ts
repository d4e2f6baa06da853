import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';
import { seedConfigWithRegions, startWorld, type World } from '../support/world.js';

/** The seed mapping with an identifier that jq cannot compile. */
const UNCOMPILABLE_CONFIG = seedConfigWithRegions().replace('identifier: .Identifier\n', 'identifier: .Identifier | (\n');
/** Not YAML a config loader can read. */
const BROKEN_YAML = 'resources:\n  - kind: AWS::S3::Bucket\n    port: [unclosed\n';

/** Every file and folder under `dir`, with each file's bytes: what a command could have left behind. */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        found[`${relative(dir, path)}/`] = '';
        walk(path);
      } else found[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return found;
}

describe('a command that fails on its input leaves no trace', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  /**
   * Runs `aws2port ARGS` in a fresh folder holding `aws2port.yml` (the config) with the default state
   * path `.aws2port/state.db`, and returns the run with what the folder held before and after.
   */
  async function runInFreshFolder(args: readonly string[], config: string, input?: string): Promise<{ run: CliRun; before: Record<string, string>; after: Record<string, string> }> {
    const dir = tempDir('aws2port-no-trace-');
    writeFileSync(join(dir, 'aws2port.yml'), config);
    const { AWS2PORT_CONFIG: _config, AWS2PORT_STATE: _state, ...env } = world.env;
    const before = snapshot(dir);
    const run = await runCli(args, { cwd: dir, env, ...(input === undefined ? {} : { input }) });
    return { run, before, after: snapshot(dir) };
  }

  const failures: Array<{ name: string; args: string[]; config?: string; input?: string; code?: string }> = [
    { name: 'plan with a jq expression that does not compile', args: ['plan'], config: UNCOMPILABLE_CONFIG, code: 'JqCompileFailed' },
    { name: 'plan --out with a jq expression that does not compile', args: ['plan', '--out', 'saved.plan'], config: UNCOMPILABLE_CONFIG, code: 'JqCompileFailed' },
    { name: 'plan with a config that is not YAML', args: ['plan'], config: BROKEN_YAML, code: 'ConfigInvalid' },
    { name: 'plan --out with a --target nothing maps', args: ['plan', '--out', 'saved.plan', '--target', 'AWS::No::Such'], code: 'InvalidArgument' },
    { name: 'apply with a jq expression that does not compile', args: ['apply', '--auto-approve'], config: UNCOMPILABLE_CONFIG, code: 'JqCompileFailed' },
    { name: 'apply with a --target nothing maps', args: ['apply', '--auto-approve', '--target', 'AWS::No::Such'], code: 'InvalidArgument' },
    { name: 'apply of a plan file that does not exist', args: ['apply', 'missing.plan'], code: 'PlanFileInvalid' },
    { name: 'apply with a bad --parallelism', args: ['apply', '--auto-approve', '--parallelism', '0'], code: 'InvalidArgument' },
    { name: 'refresh with a bad --parallelism', args: ['refresh', '--parallelism', 'many'], code: 'InvalidArgument' },
    { name: 'watch with a jq expression that does not compile', args: ['watch', '--queue-url', 'https://sqs.us-east-1.amazonaws.com/111111111111/events'], config: UNCOMPILABLE_CONFIG, code: 'JqCompileFailed' },
    { name: 'watch with a --target nothing maps', args: ['watch', '--queue-url', 'https://sqs.us-east-1.amazonaws.com/111111111111/events', '--target', 'AWS::No::Such'], code: 'InvalidArgument' },
    { name: 'watch with a queue URL that is not a URL', args: ['watch', '--queue-url', 'events'], code: 'InvalidArgument' },
    { name: 'watch with a --metrics-port out of range', args: ['watch', '--queue-url', 'https://sqs.us-east-1.amazonaws.com/111111111111/events', '--metrics-port', '70000'], code: 'InvalidArgument' },
    { name: 'state list with a bad --parallelism', args: ['state', 'list', '--parallelism', '-1'], code: 'InvalidArgument' },
    { name: 'state show of an address the state does not record', args: ['state', 'show', 'cloudResource.nothing'], code: 'InvalidArgument' },
    { name: 'state unlock of a lock nobody holds', args: ['state', 'unlock', 'no-such-lock'], code: 'InvalidArgument' },
    { name: 'state without a subcommand', args: ['state'], code: 'InvalidArgument' },
    { name: 'validate with a jq expression that does not compile', args: ['validate'], config: UNCOMPILABLE_CONFIG },
    { name: 'map with a jq expression that does not compile', args: ['map', '--kind', 'AWS::S3::Bucket'], config: UNCOMPILABLE_CONFIG, input: '[{"Identifier": "b", "Properties": {}}]', code: 'JqCompileFailed' },
  ];
  for (const failure of failures) {
    it(`exits 1 and leaves the folder as it was: ${failure.name}`, async () => {
      const { run, before, after } = await runInFreshFolder(failure.args, failure.config ?? seedConfigWithRegions(), failure.input);
      assert.equal(run.code, 1, run.stderr);
      if (failure.code) assert.match(run.stderr, new RegExp(`\\[${failure.code}\\]`), run.stderr);
      assert.deepEqual(after, before);
    });
  }

  it('exits 1 and leaves the folder as it was: watch with a --metrics-port in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    try {
      const port = (busy.address() as { port: number }).port;
      const { run, before, after } = await runInFreshFolder(['watch', '--queue-url', 'https://sqs.us-east-1.amazonaws.com/111111111111/events', '--metrics-port', String(port)], seedConfigWithRegions());
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /\[InvalidArgument\]/);
      assert.deepEqual(after, before);
    } finally {
      busy.close();
    }
  });

  it('leaves an existing state byte for byte as it was when the config does not compile', async () => {
    // GIVEN a state that apply wrote
    const dir = mkdtempSync(join(world.dir, 'existing-'));
    writeFileSync(join(dir, 'aws2port.yml'), seedConfigWithRegions());
    const { AWS2PORT_CONFIG: _config, AWS2PORT_STATE: _state, ...env } = world.env;
    const applied = await runCli(['apply', '--auto-approve'], { cwd: dir, env });
    assert.equal(applied.code, 0, applied.stderr);
    const before = snapshot(dir);
    assert.ok(before['.aws2port/state.db'], 'apply made the state');
    // WHEN each command that reads the state runs with a mapping that does not compile
    writeFileSync(join(dir, 'aws2port.yml'), UNCOMPILABLE_CONFIG);
    const withBadConfig = snapshot(dir);
    for (const args of [['plan'], ['apply', '--auto-approve'], ['watch', '--queue-url', 'https://sqs.us-east-1.amazonaws.com/111111111111/events']]) {
      const run = await runCli(args, { cwd: dir, env });
      // THEN it fails and the state (and its folder) are exactly as they were
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /\[JqCompileFailed\]/);
      assert.deepEqual(snapshot(dir), withBadConfig, args.join(' '));
    }
  });
});

describe('a command that only reads the state creates none', () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(() => world.close());

  for (const args of [['plan'], ['plan', '--json'], ['state', 'list'], ['refresh']]) {
    it(`${args.join(' ')} with no state file succeeds and leaves none`, async () => {
      const dir = tempDir('aws2port-read-only-');
      writeFileSync(join(dir, 'aws2port.yml'), seedConfigWithRegions());
      const { AWS2PORT_CONFIG: _config, AWS2PORT_STATE: _state, ...env } = world.env;
      const run = await runCli(args, { cwd: dir, env });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(readdirSync(dir), ['aws2port.yml']);
    });
  }

  it('plan --out creates the state the saved plan names, so that apply of that plan works', async () => {
    const dir = tempDir('aws2port-saved-plan-');
    writeFileSync(join(dir, 'aws2port.yml'), seedConfigWithRegions());
    const { AWS2PORT_CONFIG: _config, AWS2PORT_STATE: _state, ...env } = world.env;
    const planned = await runCli(['plan', '--out', 'saved.plan'], { cwd: dir, env });
    assert.equal(planned.code, 0, planned.stderr);
    assert.ok(statSync(join(dir, '.aws2port', 'state.db')).isFile());
    const applied = await runCli(['apply', 'saved.plan'], { cwd: dir, env });
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /Apply complete! Resources: [1-9]\d* added/);
  });
});
