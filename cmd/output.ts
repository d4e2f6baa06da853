import { textStyle, type TextSink, type TextStyle } from '../src/plan/text-style.js';
import type { CommonArgs } from './arguments.js';

/** Where a command writes: stdout for the plan and JSON, stderr for logs and progress. */
export interface Output {
  stdout: TextSink;
  stderr: TextSink;
  style: TextStyle;
  /** A progress or log line for a person, on stderr; nothing with --quiet. */
  log(message: string): void;
  /** One JSON document or line on stdout. */
  json(value: unknown): void;
}

/** The output of one run, picked once from the flags. */
export function makeOutput(args: Pick<CommonArgs, 'isColor' | 'isQuiet'>, stdout: TextSink = process.stdout, stderr: TextSink = process.stderr): Output {
  return {
    stdout,
    stderr,
    style: textStyle(args.isColor),
    log: (message) => {
      if (!args.isQuiet) stderr.write(`${message}\n`);
    },
    json: (value) => stdout.write(`${JSON.stringify(value)}\n`),
  };
}
