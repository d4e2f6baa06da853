import type { JqEngine } from './jq-engine.js';

/**
 * Compiles one jq expression on its own, without running it (jq is given no input). Returns null when
 * it compiles, else jq's message (several lines when jq reports several errors, each with its line,
 * column and a caret under the culprit), without jq's `jq: error:` prefixes and closing count line.
 * A blank expression is refused: jq would read it as `.`, which is never what an empty mapping meant.
 */
export function checkExpression(engine: JqEngine, text: string): string | null {
  if (text.trim() === '') return 'the expression is empty';
  const result = engine.run('', text);
  if (result.exitCode === 0) return null;
  return readJqErrorMessage(result.stderr) || `jq exited with code ${result.exitCode}`;
}

/** jq's stderr without the `jq: error: ` prefixes and the `jq: N compile error(s)` summary line. */
export function readJqErrorMessage(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^jq: \d+ compile errors?$/.test(line))
    .map((line) => line.replace(/^jq: error: /, ''))
    .join('\n')
    .trim();
}
