import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Blueprint } from './types.js';

const RELATIVE_PATH = join('examples', 'blueprints.json');

/**
 * The project's default blueprints (`examples/blueprints.json`: awsAccount, cloudResource), found by
 * walking up from this file so that it works from the sources and from `dist/`.
 */
export function loadExampleBlueprints(): Blueprint[] {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, RELATIVE_PATH);
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as Blueprint[];
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`${RELATIVE_PATH} not found above ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
}
