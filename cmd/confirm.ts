import { createInterface } from 'node:readline/promises';
import { Aws2PortError } from '../src/errors/index.js';
import type { Output } from './output.js';

/**
 * Asks `Do you want to perform these actions?`; only `yes` proceeds. Without a terminal to ask on,
 * refuses (ConfirmationUnavailable) rather than guess.
 */
export async function confirmActions(output: Output, input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<void> {
  if (!input.isTTY) {
    throw new Aws2PortError('ConfirmationUnavailable', 'Cannot ask for confirmation: there is no terminal.', {
      detail: 'Run with --auto-approve, or save a plan with `aws2port plan --out FILE`, review it, and run `aws2port apply FILE`.',
    });
  }
  output.stdout.write('\nDo you want to perform these actions?\n  aws2port will perform the actions described above.\n  Only \'yes\' will be accepted to approve.\n\n');
  const prompt = createInterface({ input, output: process.stdout });
  const answer = await prompt.question('  Enter a value: ');
  prompt.close();
  if (answer.trim() !== 'yes') throw new Aws2PortError('ConfirmationDeclined', 'Apply cancelled.');
}
