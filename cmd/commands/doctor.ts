import { runDoctor } from '../../src/doctor/index.js';
import type { Args } from '../arguments.js';
import { loadConfigOrThrow, loadConfiguredBlueprints } from '../load-config-or-throw.js';
import type { Output } from '../output.js';
import { renderDoctorText } from '../views/doctor-view.js';

/** `aws2port doctor`: read-only checks of the setup, one line each; exit 0 only when none failed. */
export async function runDoctorCommand(args: Extract<Args, { command: 'doctor' }>, output: Output): Promise<number> {
  const config = loadConfigOrThrow(args, output);
  const definitions = loadConfiguredBlueprints(config);
  output.log('Checking AWS and Port (read-only)...');
  const report = await runDoctor({
    config,
    ...(definitions && config.blueprintsFile ? { blueprintsFile: { file: config.blueprintsFile, definitions } } : {}),
    targets: args.targets,
    ...(args.parallelism === undefined ? {} : { parallelism: args.parallelism }),
    isAllAccounts: args.isAllAccounts,
    isStrict: args.isStrict,
    env: process.env,
  });
  if (args.json) await output.json(report);
  else await renderDoctorText(report, output.stdout, output.style);
  return report.ok ? 0 : 1;
}
