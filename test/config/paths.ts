import { fileURLToPath } from 'node:url';

/** The repository root: tests run compiled from dist/test/config/, fixtures stay in the source tree. */
const ROOT = new URL('../../../', import.meta.url);

/** Absolute path of a file under test/config/testdata/. */
export function testdataPath(name: string): string {
  return fileURLToPath(new URL(`test/config/testdata/${name}`, ROOT));
}

/** Absolute path of a file under examples/. */
export function examplePath(name: string): string {
  return fileURLToPath(new URL(`examples/${name}`, ROOT));
}

/** The 1-based line of the `nth` (1-based) line of `text` that contains `needle`; throws when there is none. */
export function lineContaining(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.includes(needle) && ++seen === nth) return index + 1;
  }
  throw new Error(`no line ${nth} containing ${JSON.stringify(needle)}`);
}
