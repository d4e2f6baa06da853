import { readFileSync } from 'node:fs';
import { Aws2PortError } from '../errors/index.js';
import { configHash } from './config-hash.js';
import type { ConfigLoadResult } from './config-problem.js';
import { parseConfig } from './parse-config.js';

/**
 * Reads and checks the config file at `file` (as the user named it), collecting every problem.
 * Throws `ConfigNotFound` when the file cannot be read; everything wrong inside it is in `errors`.
 * The config's hash covers the blueprints file it names too.
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
  const result = parseConfig(bytes.toString('utf8'), file, bytes);
  const blueprintsBytes = result.config?.blueprintsFile === undefined ? undefined : readIfReadable(result.config.blueprintsFile);
  // An unreadable blueprints file is reported where it is loaded (BlueprintsFileInvalid), not here.
  return blueprintsBytes === undefined || !result.config ? result : { ...result, config: { ...result.config, hash: configHash(bytes, blueprintsBytes) } };
}

function readIfReadable(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
