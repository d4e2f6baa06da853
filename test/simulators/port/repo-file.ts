import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of a file of the repository, found by walking up from this module so that it
 * works from the sources and from `dist/`.
 */
export function repoFile(relativePath: string): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(directory, relativePath);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`${relativePath} not found above ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
}
