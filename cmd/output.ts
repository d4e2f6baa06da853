import { once } from 'node:events';
import type { CommonArgs } from './arguments.js';
import { type OutputSink, textStyle, type TextStyle } from '../src/model/index.js';

/** Where a command writes: stdout for the plan and JSON, stderr for logs and progress. */
export interface Output {
  /** stdout, with backpressure: await each write of a long output. */
  stdout: OutputSink;
  stderr: OutputSink;
  style: TextStyle;
  /** Whether stderr is a terminal (live progress is drawn only there). */
  isStderrTty: boolean;
  /** A progress or log line for a person, on stderr; nothing with --quiet. */
  log(message: string): void;
  /** One JSON document or line on stdout. */
  json(value: unknown): Promise<void>;
}

/** A sink over a stream that waits for `drain` when the stream's buffer is full. */
export function streamSink(stream: NodeJS.WritableStream): OutputSink {
  return {
    write: async (text) => {
      if (!stream.write(text)) await once(stream, 'drain');
    },
  };
}

/** The output of one run, picked once from the flags. */
export function makeOutput(
  args: Pick<CommonArgs, 'isColor' | 'isQuiet'>,
  stdout: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Output {
  const stdoutSink = streamSink(stdout);
  return {
    stdout: stdoutSink,
    stderr: streamSink(stderr),
    style: textStyle(args.isColor),
    isStderrTty: Boolean(stderr.isTTY),
    log: (message) => {
      if (!args.isQuiet) stderr.write(`${message}\n`);
    },
    json: (value) => Promise.resolve(stdoutSink.write(`${JSON.stringify(value)}\n`)),
  };
}
