import { readFileSync } from 'node:fs';
import { Aws2PortError } from '../errors/index.js';
import type { ConfigLoadResult } from './config-problem.js';
import { parseConfig } from './parse-config.js';

/**
 * Reads and checks the config file at `file` (as the user named it), collecting every problem.
 * Throws `ConfigNotFound` when the file cannot be read; everything wrong inside it is in `errors`.
 */
export function loadConfig(file: string): ConfigLoadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code;
    const message =
      reason === 'ENOENT' || reason === 'ENOTDIR'
        ? `Config file not found: ${file}`
        : reason === 'EISDIR'
          ? `Config file ${file} is a folder, not a file`
          : `Config file ${file} cannot be read (${reason ?? String(cause)})`;
    throw new Aws2PortError('ConfigNotFound', message, {
      detail: 'Point at your config with --config FILE or the AWS2PORT_CONFIG variable (default ./aws2port.yml); examples/port-app-config.yml is a complete one to start from.',
      subject: file,
      cause,
    });
  }
  return parseConfig(bytes.toString('utf8'), file, bytes);
}
