import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulators } from '../../test/simulators/start-simulators.js';
import { runCli } from '../../test/support/run-cli.js';

/**
 * `npm run demo`: starts simulated AWS (an organization of 2 accounts, 2 regions, the seed's four
 * kinds) and Port (the default blueprints), then runs plan, apply and plan again, as a user would.
 */
const here = fileURLToPath(new URL('../../../examples/demo/', import.meta.url));
const workDir = resolve('.demo');
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

const simulators = await startSimulators(join(here, 'estate.json'));
const env = { ...simulators.env, AWS2PORT_CONFIG: join(here, 'aws2port.yml'), AWS2PORT_STATE: join(workDir, 'state.db') };
const step = async (title: string, args: string[]) => {
  process.stdout.write(`\n\u001b[1m$ aws2port ${args.join(' ')}\u001b[22m   # ${title}\n\n`);
  const run = await runCli(args, { cwd: workDir, env, isEchoed: true });
  if (run.code !== 0 && !(args.includes('--detailed-exitcode') && run.code === 2)) {
    process.stderr.write(`\nThe demo stopped: aws2port exited with ${run.code}.\n`);
    await simulators.close();
    process.exit(1);
  }
};

try {
  await step('what would change in Port', ['plan']);
  await step('make Port match AWS', ['apply', '--auto-approve']);
  await step('nothing left to do', ['plan']);
  const entities = ['awsAccount', 'cloudResource'].map((bp) => `${simulators.port.entities(bp).length} ${bp}`).join(' and ');
  process.stdout.write(
    `\nDone. The Port simulator now holds ${entities} entities, written in ${simulators.port.writes.length} requests;\n` +
      `the second plan found nothing to do. The state is in ${join(workDir, 'state.db')}:\n` +
      `  node dist/cmd/aws2port.js state list --state .demo/state.db\n` +
      `To try it yourself against the simulators, run \`npm run simulate\` and follow what it prints.\n`,
  );
} finally {
  await simulators.close();
}
