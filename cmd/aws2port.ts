#!/usr/bin/env node
import { HelpShown, parseArguments, type Args } from './arguments.js';
import { makeOutput, type Output } from './output.js';
import { aws2portVersion } from '../src/model/index.js';

// On Node 20 the AWS SDK warns, as a Node process warning, that its releases published after the first
// week of January 2027 need Node 22. Silenced because: aws2port pins its SDK versions, all of which run
// on Node 20, and takes none of those releases while Node 20 is in its `engines`; the day it does, the
// floor moves to 22 (README, "Node.js"), and npm tells users at install. The SDK's text names SDK
// releases the user does not choose, and its raw lines on stderr would break `watch`'s JSON-lines log.
// A user who sets the variable keeps their own value.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Runs the command named by argv; resolves to the exit code. Commands are loaded only when used. */
async function route(args: Args, output: Output): Promise<number> {
  switch (args.command) {
    case 'plan':
      return (await import('./commands/plan.js')).runPlan(args, output);
    case 'apply':
      return (await import('./commands/apply.js')).runApply(args, output);
    case 'refresh':
      return (await import('./commands/refresh.js')).runRefresh(args, output);
    case 'watch':
      return (await import('./commands/watch.js')).runWatch(args, output);
    case 'validate':
      return (await import('./commands/validate.js')).runValidate(args, output);
    case 'map':
      return (await import('./commands/map.js')).runMap(args, output);
    case 'doctor':
      return (await import('./commands/doctor.js')).runDoctorCommand(args, output);
    case 'show':
      return (await import('./commands/show.js')).runShow(args, output);
    case 'state list':
    case 'state show':
    case 'state unlock':
      return (await import('./commands/state.js')).runState(args, output);
    case 'state rebuild':
      return (await import('./commands/state-rebuild.js')).runStateRebuild(args, output);
  }
}

// A reader that stops early (`aws2port map items.jsonl | head`) closes the pipe: stop at once and
// quietly, as a Unix tool that SIGPIPE ends does; the exit code says the output is incomplete. (Node
// ignores SIGPIPE, so each later write would fail with EPIPE.) The state survives this as a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(1);
});

/**
 * The one catch: every error, a bad flag's included, is printed here with its code and mapped to exit 1.
 * A bad flag is printed without colour: the flags that choose it could not be read.
 */
async function main(): Promise<number> {
  let args: Args | undefined;
  let output: Output | undefined;
  try {
    args = await parseArguments(process.argv.slice(2), { env: process.env, isStdoutTty: Boolean(process.stdout.isTTY), terminalColumns: process.stdout.columns }, aws2portVersion());
    output = makeOutput(args);
    return await route(args, output);
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    const { printError } = await import('./print-error.js');
    printError(error, args?.isDebug ?? false, output ?? makeOutput({ isColor: false, isQuiet: false }));
    return 1;
  }
}

let isSettled = false;
main().then(
  (code) => {
    isSettled = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    isSettled = true;
    process.stderr.write(`aws2port crashed: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

// Node ends a process whose event loop has nothing left to wait on, even with the command's promise
// still pending: a run stuck that way must not pass for a success (exit 0 with half a plan, or none).
process.on('beforeExit', () => {
  if (isSettled) return;
  isSettled = true;
  process.stderr.write('Error: aws2port stopped before the command finished: nothing was left to wait on. [Internal] This is a bug in aws2port: please report it with the command you ran and this message.\n');
  process.exitCode = 1;
});
