import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PARALLELISM, parseArguments, type Invocation } from '../../cmd/arguments.js';

const tty: Invocation = { env: {}, isStdoutTty: true };
const parse = (argv: string[], invocation: Invocation = tty) => parseArguments(argv, invocation, '0.0.0-test');

describe('parseArguments', () => {
  it('gives plan its defaults', async () => {
    assert.deepEqual(await parse(['plan']), {
      command: 'plan',
      config: './aws2port.yml',
      state: './.aws2port/state.db',
      targets: [],
      parallelism: DEFAULT_PARALLELISM,
      json: false,
      isColor: true,
      isQuiet: false,
      isDebug: false,
      isDetailedExitcode: false,
    });
  });

  it('reads the config and state files from the environment', async () => {
    const args = await parse(['plan'], { env: { AWS2PORT_CONFIG: '/etc/a.yml', AWS2PORT_STATE: '/var/s.db' }, isStdoutTty: false });
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

  it('rejects unknown flags and a parallelism below 1', async () => {
    await assert.rejects(parse(['plan', '--bogus']), /Unknown argument/);
    await assert.rejects(parse(['plan', '--parallelism', '0']), /parallelism/);
  });
});
