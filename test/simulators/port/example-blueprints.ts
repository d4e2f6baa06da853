import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoFile } from './repo-file.js';
import type { Blueprint } from './types.js';

/** The project's default blueprints (`examples/blueprints.json`: awsAccount, cloudResource). */
export function loadExampleBlueprints(): Blueprint[] {
  return JSON.parse(readFileSync(repoFile(join('examples', 'blueprints.json')), 'utf8')) as Blueprint[];
}
