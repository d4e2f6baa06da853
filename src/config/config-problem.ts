import type { ErrorCode } from '../errors/index.js';
import type { ResolvedConfig } from './types.js';

/**
 * One thing wrong with (error) or worth knowing about (warning) a config file, at the place it was
 * written. Whether it is an error or a warning is given by the list that holds it.
 */
export interface ConfigProblem {
  /** Stable code from the error registry; every config problem is `ConfigInvalid` today. */
  code: ErrorCode;
  /** What is wrong, then what to do, as sentences: `missing. Add identifier: ...`. Never holds a secret. */
  message: string;
  /** The YAML path, `resources[2].port.entity.mappings.identifier`; empty for a YAML syntax problem. */
  path: string;
  /** 1-based line in the file; for a missing key, the line of the block it belongs in. */
  line: number;
  /** The config file as the user named it (for messages; `ResolvedConfig.file` is the absolute path). */
  file: string;
}

/** What loading a config gives: every problem found, and the config when there was no error. */
export interface ConfigLoadResult {
  /** Set only when `errors` is empty. */
  config?: ResolvedConfig;
  /** Every error found; the config must not be used when this is non-empty. */
  errors: ConfigProblem[];
  /** Things that did not stop loading (unknown top-level keys, settings that are ignored). */
  warnings: ConfigProblem[];
}
