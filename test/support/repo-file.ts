import { fileURLToPath } from 'node:url';

/** The absolute path of a file of the repository (tests run from `dist/test/`). */
export function repoFile(path: string): string {
  return fileURLToPath(new URL(`../../../${path}`, import.meta.url));
}
