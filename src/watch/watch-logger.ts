/** How bad a log line is. `debug` lines are written only with --debug. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Context of a log line: plain JSON values. Never credentials. */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Watch's log: one line per event. As JSON lines (`{"time","level","event","msg",...fields}`) when
 * stderr is not a terminal, for log pipelines; as `HH:MM:SS level msg key=value` on a terminal.
 * `event` is a stable snake_case code that tests and alerts match on; `msg` is for people.
 */
export interface WatchLogger {
  /** Writes one line (unless its level is filtered out). */
  log(level: LogLevel, event: string, msg: string, fields?: LogFields): void;
}

export interface WatchLoggerOptions {
  /** Writes one whole line, newline included (stderr). */
  write: (line: string) => void;
  /** JSON lines (not a terminal, or --json) rather than text for people. */
  isJson: boolean;
  /** Also `debug` lines (--debug). */
  isDebug: boolean;
  /** Only warnings and errors. */
  isQuiet: boolean;
  now?: () => Date;
}

/** A logger writing whole lines through `write`. */
export function makeWatchLogger(options: WatchLoggerOptions): WatchLogger {
  const now = options.now ?? (() => new Date());
  return {
    log(level, event, msg, fields = {}) {
      if (level === 'debug' && !options.isDebug) return;
      if (options.isQuiet && (level === 'debug' || level === 'info')) return;
      const time = now();
      if (options.isJson) {
        options.write(`${JSON.stringify({ time: time.toISOString(), level, event, msg, ...fields })}\n`);
        return;
      }
      const extra = Object.entries(fields)
        .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(' ');
      options.write(`${time.toISOString().slice(11, 19)} ${level.padEnd(5)} ${msg}${extra ? `  ${extra}` : ''}\n`);
    },
  };
}
