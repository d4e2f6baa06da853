import yargs, { type Argv } from 'yargs';

/** Flags every command that reads the config and state shares. */
export interface CommonArgs {
  config: string;
  state: string;
  /** Kinds to restrict to; empty for all. */
  targets: string[];
  /** Concurrent AWS calls and Port requests. */
  parallelism: number;
  json: boolean;
  isColor: boolean;
  isQuiet: boolean;
  isDebug: boolean;
}

export type Args =
  | ({ command: 'plan'; out?: string; isDetailedExitcode: boolean } & CommonArgs)
  | ({ command: 'apply'; planFile?: string; isAutoApprove: boolean } & CommonArgs)
  | ({ command: 'state list' } & CommonArgs)
  | ({ command: 'state show'; address: string } & CommonArgs)
  | ({ command: 'state unlock'; lockId: string } & CommonArgs);

/** Concurrent AWS calls and Port requests when `--parallelism` is not given (Terraform's default). */
export const DEFAULT_PARALLELISM = 10;

/** What the process knows beyond argv: its environment and whether stdout is a terminal. */
export interface Invocation {
  env: NodeJS.ProcessEnv;
  isStdoutTty: boolean;
}

/**
 * Parses the command line into typed Args. Throws a yargs usage error (with its message) on bad flags;
 * `--help` and `--version` print and exit inside yargs.
 */
export async function parseArguments(argv: readonly string[], invocation: Invocation, version: string): Promise<Args> {
  let parsed: Args | undefined;
  const common = (y: Argv) =>
    y
      .option('config', { type: 'string', describe: 'Config file (env AWS2PORT_CONFIG)', default: invocation.env.AWS2PORT_CONFIG || './aws2port.yml' })
      .option('state', { type: 'string', describe: 'State file (env AWS2PORT_STATE)', default: invocation.env.AWS2PORT_STATE || './.aws2port/state.db' })
      .option('target', { type: 'string', array: true, describe: 'Restrict to this AWS kind (repeatable)', default: [] as string[] })
      .option('parallelism', { type: 'number', describe: 'Concurrent AWS calls and Port requests', default: DEFAULT_PARALLELISM })
      .option('json', { type: 'boolean', describe: 'Machine-readable output on stdout', default: false })
      .option('color', { type: 'boolean', describe: 'Colour (default: on a TTY, unless NO_COLOR)', default: undefined })
      .option('quiet', { type: 'boolean', describe: 'No progress output', default: false })
      .option('debug', { type: 'boolean', describe: 'Stack traces on errors', default: false })
      .check((a) => {
        if (!Number.isInteger(a.parallelism) || a.parallelism < 1) throw new Error('--parallelism takes a whole number of at least 1');
        return true;
      });
  const commonOf = (a: Record<string, unknown>): CommonArgs => ({
    config: a.config as string,
    state: a.state as string,
    targets: (a.target as string[]) ?? [],
    parallelism: a.parallelism as number,
    json: a.json as boolean,
    isColor: (a.color as boolean | undefined) ?? (invocation.isStdoutTty && !invocation.env.NO_COLOR),
    isQuiet: a.quiet as boolean,
    isDebug: a.debug as boolean,
  });

  await yargs([...argv])
    .scriptName('aws2port')
    .version(version)
    .strict()
    .demandCommand(1, 'Name a command: plan, apply, state.')
    .recommendCommands()
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    })
    .command(
      'plan',
      'Read AWS, map, diff against the state, show the plan',
      (y) => common(y).option('out', { type: 'string', describe: 'Save the plan to FILE' }).option('detailed-exitcode', { type: 'boolean', default: false, describe: '0 no changes, 1 error, 2 changes' }),
      (a) => {
        parsed = { command: 'plan', ...commonOf(a), isDetailedExitcode: a['detailed-exitcode'] as boolean, ...(a.out ? { out: a.out } : {}) };
      },
    )
    .command(
      'apply [planfile]',
      'Make Port match AWS (or apply a saved plan exactly)',
      (y) => common(y).positional('planfile', { type: 'string' }).option('auto-approve', { type: 'boolean', default: false, describe: 'Skip the confirmation' }),
      (a) => {
        parsed = { command: 'apply', ...commonOf(a), isAutoApprove: a['auto-approve'] as boolean, ...(a.planfile ? { planFile: a.planfile as string } : {}) };
      },
    )
    .command('state', 'Inspect the state snapshot', (y) =>
      y
        .command('list', 'List the entities the state records', (s) => common(s), (a) => {
          parsed = { command: 'state list', ...commonOf(a) };
        })
        .command('show <address>', 'Show one recorded entity (BLUEPRINT.IDENTIFIER)', (s) => common(s).positional('address', { type: 'string', demandOption: true }), (a) => {
          parsed = { command: 'state show', ...commonOf(a), address: a.address as string };
        })
        .command('unlock <lockId>', 'Release a lock whose holder cannot be checked', (s) => common(s).positional('lockId', { type: 'string', demandOption: true }), (a) => {
          parsed = { command: 'state unlock', ...commonOf(a), lockId: a.lockId as string };
        })
        .demandCommand(1, 'Name a state command: list, show, unlock.'),
    )
    .parseAsync();
  if (!parsed) throw new HelpShown();
  return parsed;
}

/** Bad flags or arguments: printed with usage, exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--help` or `--version` was printed: nothing more to do, exit 0. */
export class HelpShown extends Error {
  override name = 'HelpShown';
}
