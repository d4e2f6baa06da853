import { isAws2PortError } from '../src/errors/index.js';
import type { Output } from './output.js';

const BUG_REPORT = 'This is a bug in aws2port: please report it with the command you ran and this message.';

/** Prints an error: `Error: <message>` plus its detail; a stack trace only with --debug. */
export function printError(error: unknown, isDebug: boolean, output: Output): void {
  const { style } = output;
  if (isAws2PortError(error)) {
    output.stderr.write(`${style.destroy('Error:')} ${error.message} ${style.dim(`[${error.code}]`)}\n`);
    if (error.detail) output.stderr.write(`${error.detail}\n`);
    if (error.source === 'internal') output.stderr.write(`${BUG_REPORT}\n`);
  } else {
    output.stderr.write(`${style.destroy('Error:')} ${(error as Error)?.message ?? String(error)} ${style.dim('[Internal]')}\n${BUG_REPORT}\n`);
  }
  if (isDebug && error instanceof Error && error.stack) output.stderr.write(`${error.stack}\n`);
}
