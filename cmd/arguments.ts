import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import { Aws2PortError, isAws2PortError } from '../src/errors/index.js';

// yargs 17's ES module build lays out help with a wrap that cuts words at the column's edge ("show the
// pla" / "n"); its CommonJS build wraps at spaces. yargs 18, which needs Node 22, fixes the ES module
// build; until aws2port's Node floor moves there, the CommonJS build is loaded.
const yargs = createRequire(import.meta.url)('yargs/yargs') as (processArgs: readonly string[]) => Argv;

/** Flags every command that reads the config and state shares. */
export interface CommonArgs {
  config: string;
  state: string;
  /** Kinds to restrict to; empty for all. */
  targets: string[];
  /** `--parallelism`: the user's cap on AWS calls (and Port requests) in flight at once; undefined: the host's default, adapted to load. */
  parallelism?: number;
  /** `--shard I/N`: only the accounts whose id hashes to shard I of N; undefined for all. */
  shard?: { index: number; count: number };
  /** `--strict`: a jq error in a title, icon, team, property or relation is an error, not a null. */
  isStrict: boolean;
  json: boolean;
  isColor: boolean;
  isQuiet: boolean;
  isDebug: boolean;
}

/** The output flags alone, for a command that reads neither the config nor the state (`show`). */
export type OutputArgs = Pick<CommonArgs, 'json' | 'isColor' | 'isQuiet' | 'isDebug'>;

/** `watch`'s own flags. */
export interface WatchArgs {
  queueUrl: string;
  /** Full plan+apply every this many ms (with jitter); 0: only the one at start. */
  resyncIntervalMs: number;
  /** A message received more than this many times is logged and deleted. */
  maxReceives: number;
  /** Serve Prometheus metrics and /healthz on this port; undefined: off. */
  metricsPort?: number;
}

export type Args =
  | ({ command: 'plan'; out?: string; isDetailedExitcode: boolean } & CommonArgs)
  | ({ command: 'apply'; planFile?: string; isAutoApprove: boolean; isMassDeleteAllowed: boolean } & CommonArgs)
  | ({ command: 'refresh' } & CommonArgs)
  | ({ command: 'watch' } & WatchArgs & CommonArgs)
  | ({ command: 'validate' } & CommonArgs)
  | ({ command: 'map'; kind?: string; inputFile?: string; workers?: number } & CommonArgs)
  | ({ command: 'doctor'; isAllAccounts: boolean } & CommonArgs)
  | ({ command: 'show'; planFile: string; isMarkdown: boolean } & OutputArgs)
  | ({ command: 'state list' } & CommonArgs)
  | ({ command: 'state show'; address: string } & CommonArgs)
  | ({ command: 'state unlock'; lockId: string } & CommonArgs)
  | ({ command: 'state rebuild' } & CommonArgs);

/** `watch --resync-interval` when not given. */
export const DEFAULT_RESYNC_INTERVAL = '1h';
/** `watch --max-receives` when not given. */
export const DEFAULT_MAX_RECEIVES = 5;

/** Parses `30s`, `30m`, `6h`, `1d`, `1h30m` or `0` into ms; throws on anything else. */
export function parseDuration(text: string): number {
  if (text.trim() === '0') return 0;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) {
    throw invalidArgument(`"${text}" is not a duration: use e.g. 30s, 30m, 6h, 1h30m, or 0 to turn it off`);
  }
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * units[unit!]!, 0);
}

/** Parses `I/N` (1 <= I <= N); throws on anything else. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw invalidArgument(`--shard takes I/N with 1 <= I <= N, e.g. 2/4; got "${text}"`);
  return { index, count };
}

/** What the process knows beyond argv: its environment and whether stdout is a terminal. */
export interface Invocation {
  env: NodeJS.ProcessEnv;
  isStdoutTty: boolean;
  /** The terminal's width in columns when stdout is a terminal; undefined otherwise. */
  terminalColumns?: number;
}

/** The width help is wrapped at when neither COLUMNS nor a terminal gives one. */
export const DEFAULT_HELP_COLUMNS = 80;

/** The width to wrap help at: `COLUMNS` when set (as `ls` does), else the terminal's width, else 80. */
export function helpColumns(invocation: Invocation): number {
  const fromEnv = Number(invocation.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return invocation.terminalColumns ?? DEFAULT_HELP_COLUMNS;
}

/**
 * Parses the command line into typed Args. Throws an `InvalidArgument` error on bad flags, yargs' own
 * (unknown flag, missing argument, not a number) as well as ours; `--help` and `--version` print
 * inside yargs and throw HelpShown.
 */
export async function parseArguments(argv: readonly string[], invocation: Invocation, version: string): Promise<Args> {
  let parsed: Args | undefined;
  const output = <T>(y: Argv<T>) =>
    y
      .option('json', { type: 'boolean', describe: 'Machine-readable output on stdout', default: false })
      .option('color', { type: 'boolean', describe: 'Colour (default: on a TTY, unless NO_COLOR)', default: undefined })
      .option('quiet', { type: 'boolean', describe: 'No progress output', default: false })
      .option('debug', { type: 'boolean', describe: 'Stack traces on errors', default: false });
  const common = (y: Argv) =>
    output(
      y
        .option('config', { type: 'string', describe: 'Config file (env AWS2PORT_CONFIG)', default: invocation.env.AWS2PORT_CONFIG || './aws2port.yml' })
        .option('state', { type: 'string', describe: 'State file (env AWS2PORT_STATE)', default: invocation.env.AWS2PORT_STATE || './.aws2port/state.db' })
        .option('target', { type: 'string', array: true, describe: 'Restrict to this AWS kind (repeatable)', default: [] as string[] })
        .option('parallelism', {
          type: 'number',
          describe: 'At most this many AWS calls (and Port requests) in flight. Default: as many as the allowed rates need, up to 512, fewer while the CPU is behind',
        })
        .option('shard', { type: 'string', describe: 'Only the accounts of shard I of N (I/N)' })
        .option('strict', { type: 'boolean', describe: 'jq errors in mapped fields are errors, not nulls', default: false }),
    ).check((a) => {
      if (a.parallelism !== undefined && (!Number.isInteger(a.parallelism) || a.parallelism < 1)) throw invalidArgument('--parallelism takes a whole number of at least 1');
      if (a.shard !== undefined) parseShard(a.shard);
      return true;
    });
  const outputOf = (a: Record<string, unknown>): OutputArgs => ({
    json: a.json as boolean,
    isColor: (a.color as boolean | undefined) ?? (invocation.isStdoutTty && !invocation.env.NO_COLOR),
    isQuiet: a.quiet as boolean,
    isDebug: a.debug as boolean,
  });
  const commonOf = (a: Record<string, unknown>): CommonArgs => ({
    config: a.config as string,
    state: a.state as string,
    targets: (a.target as string[]) ?? [],
    ...(a.parallelism === undefined ? {} : { parallelism: a.parallelism as number }),
    ...(a.shard ? { shard: parseShard(a.shard as string) } : {}),
    isStrict: a.strict as boolean,
    ...outputOf(a),
  });

  await yargs([...argv])
    .scriptName('aws2port')
    .version(version)
    .wrap(helpColumns(invocation))
    .strict()
    .demandCommand(1, 'Name a command: plan, apply, show, refresh, watch, validate, map, doctor or state.')
    .recommendCommands()
    .exitProcess(false)
    .fail((message, error) => {
      throw isAws2PortError(error) ? error : invalidArgument(message ?? error.message);
    })
    .command(
      'plan',
      'Read AWS, map, diff against the state, show the plan',
      (y) =>
        common(y)
          .example('$0 plan --out plan.bin', 'Show what would change, and save the plan for apply')
          .option('out', { type: 'string', describe: 'Save the plan to FILE' })
          .option('detailed-exitcode', { type: 'boolean', default: false, describe: '0 no changes, 1 error, 2 changes' }),
      (a) => {
        parsed = { command: 'plan', ...commonOf(a), isDetailedExitcode: a['detailed-exitcode'] as boolean, ...(a.out ? { out: a.out } : {}) };
      },
    )
    .command(
      'apply [planfile]',
      'Make Port match AWS (or apply a saved plan exactly)',
      (y) =>
        common(y)
          .example('$0 apply plan.bin', 'Apply exactly the plan saved by plan --out')
          .positional('planfile', { type: 'string' })
          .option('auto-approve', { type: 'boolean', default: false, describe: 'Skip the confirmation' })
          .option('allow-mass-delete', { type: 'boolean', default: false, describe: 'Delete past entityDeletionThreshold' }),
      (a) => {
        parsed = {
          command: 'apply',
          ...commonOf(a),
          isAutoApprove: a['auto-approve'] as boolean,
          isMassDeleteAllowed: a['allow-mass-delete'] as boolean,
          ...(a.planfile ? { planFile: a.planfile as string } : {}),
        };
      },
    )
    .command('refresh', 'Read our entities back from Port and record drift in the state', (y) => common(y).example('$0 refresh', 'Record what changed in Port since the last apply'), (a) => {
      parsed = { command: 'refresh', ...commonOf(a) };
    })
    .command(
      'watch',
      'Apply AWS events from an SQS queue as they come, with periodic full resyncs',
      (y) =>
        common(y)
          .example('$0 watch --queue-url URL --metrics-port 9090', 'Apply events as they come; serve /metrics and /healthz')
          .option('queue-url', { type: 'string', describe: 'SQS queue of AWS events (env AWS2PORT_QUEUE_URL)', default: invocation.env.AWS2PORT_QUEUE_URL })
          .option('resync-interval', { type: 'string', describe: 'Full plan+apply every DURATION (0: off)', default: DEFAULT_RESYNC_INTERVAL })
          .option('max-receives', { type: 'number', describe: 'Drop a message received more than N times', default: DEFAULT_MAX_RECEIVES })
          .option('metrics-port', { type: 'number', describe: 'Serve Prometheus /metrics and /healthz on PORT' })
          .check((a) => {
            if (!a['queue-url']) throw invalidArgument('watch needs --queue-url URL (or AWS2PORT_QUEUE_URL)');
            parseDuration(a['resync-interval'] as string);
            if (!Number.isInteger(a['max-receives']) || (a['max-receives'] as number) < 1) throw invalidArgument('--max-receives takes a whole number of at least 1');
            if (!URL.canParse(a['queue-url'] as string)) throw invalidArgument(`--queue-url takes the queue's URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME); got "${a['queue-url']}"`);
            const metricsPort = a['metrics-port'] as number | undefined;
            if (metricsPort !== undefined && (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)) throw invalidArgument('--metrics-port takes a port number from 0 to 65535');
            return true;
          }),
      (a) => {
        parsed = {
          command: 'watch',
          ...commonOf(a),
          queueUrl: a['queue-url'] as string,
          resyncIntervalMs: parseDuration(a['resync-interval'] as string),
          maxReceives: a['max-receives'] as number,
          ...(a['metrics-port'] === undefined ? {} : { metricsPort: a['metrics-port'] as number }),
        };
      },
    )
    .command('validate', 'Check the config and compile every jq expression (no AWS, no Port)', (y) => common(y).example('$0 validate --config aws2port.yml', 'Check a mapping before it runs'), (a) => {
      parsed = { command: 'validate', ...commonOf(a) };
    })
    .command(
      'map [file]',
      'Map raw items (JSON array or JSON lines; stdin by default) with the config, and print the entities',
      (y) =>
        common(y)
          .example('$0 map items.json --kind AWS::S3::Bucket', 'Show the entities that the mapping makes of these items')
          .positional('file', { type: 'string' })
          .option('kind', { type: 'string', describe: 'Use the resource configs of this kind' })
          .option('workers', { type: 'number', describe: 'Threads that help map a JSON lines FILE (default: one per other CPU for files over 8 MiB)' })
          .check((a) => {
            if (a.workers !== undefined && (!Number.isInteger(a.workers) || a.workers < 0)) throw invalidArgument('--workers takes a whole number of at least 0');
            return true;
          }),
      (a) => {
        parsed = {
          command: 'map',
          ...commonOf(a),
          ...(a.kind ? { kind: a.kind as string } : {}),
          ...(a.file ? { inputFile: a.file as string } : {}),
          ...(a.workers === undefined ? {} : { workers: a.workers as number }),
        };
      },
    )
    .command(
      'doctor',
      'Check AWS and Port access, the kinds and the blueprints, read-only: one line per check with its fix',
      (y) =>
        common(y)
          .option('all-accounts', { type: 'boolean', default: false, describe: 'Assume the read role in every member account, not a sample of 5' })
          .example('$0 doctor', 'Check a new setup before the first plan, one line per check with its fix'),
      (a) => {
        parsed = { command: 'doctor', ...commonOf(a), isAllAccounts: a['all-accounts'] as boolean };
      },
    )
    .command(
      'show <planfile>',
      'Print a saved plan: as plan does, as plan --json does, or as a pull-request comment',
      (y) =>
        output(y)
          .positional('planfile', { type: 'string', demandOption: true, describe: 'A plan file written by plan --out' })
          .option('markdown', { type: 'boolean', default: false, describe: 'A summary for a pull-request comment (GitHub markdown, cut to fit one)' })
          .example('$0 show plan.bin --markdown', 'The plan saved by plan --out, as a pull-request comment')
          .check((a) => {
            if (a.markdown && a.json) throw invalidArgument('show takes --json or --markdown, not both');
            return true;
          }),
      (a) => {
        parsed = { command: 'show', ...outputOf(a), planFile: a.planfile as string, isMarkdown: a.markdown as boolean };
      },
    )
    .command('state', 'Inspect, unlock or rebuild the state snapshot', (y) =>
      y
        .command('list', 'List the entities the state records', (s) => common(s).example('$0 state list', 'Every entity aws2port wrote to Port'), (a) => {
          parsed = { command: 'state list', ...commonOf(a) };
        })
        .command('show <address>', 'Show one recorded entity (BLUEPRINT.IDENTIFIER)', (s) => common(s).example('$0 state show cloudResource.my-bucket', 'The entity as last written').positional('address', { type: 'string', demandOption: true }), (a) => {
          parsed = { command: 'state show', ...commonOf(a), address: a.address as string };
        })
        .command('unlock <lockId>', 'Release a lock whose holder cannot be checked', (s) => common(s).example('$0 state unlock LOCK_ID', 'The lock id that the lock error printed').positional('lockId', { type: 'string', demandOption: true }), (a) => {
          parsed = { command: 'state unlock', ...commonOf(a), lockId: a.lockId as string };
        })
        .command('rebuild', 'Rebuild the state from what Port holds as this installation\'s', (s) => common(s).example('$0 state rebuild', 'Read back a lost state from Port'), (a) => {
          parsed = { command: 'state rebuild', ...commonOf(a) };
        })
        .demandCommand(1, 'Name a state command: list, show, unlock, rebuild.'),
    )
    .completion('completion', 'Print the shell completion script: bash, or zsh when $SHELL is zsh')
    .parseAsync();
  if (!parsed) throw new HelpShown();
  return parsed;
}

/** Bad flags or arguments: the one catch prints it with its code and a pointer to the usage, exit 1. */
export function invalidArgument(message: string): Aws2PortError {
  return new Aws2PortError('InvalidArgument', message, { detail: 'Run aws2port --help for usage.' });
}

/** `--help` or `--version` was printed: nothing more to do, exit 0. */
export class HelpShown extends Error {
  override name = 'HelpShown';
}
