import type { JqEngine } from '../../../src/mapping/index.js';

/** What one expression gave for one input: its outputs in order, and jq's error when it raised one (after those outputs). */
export interface StreamResult {
  outputs: string[];
  error: string | null;
}

/**
 * Runs `expression` on every input with jq-wasm (jq 1.8.2), in one run: every output (as compact
 * JSON text) and the error that ended the stream, per input. Inputs go in as JSON text, as the
 * mapper sends them.
 */
export function runJqStreams(engine: JqEngine, expression: string, inputs: readonly unknown[]): StreamResult[] {
  const program = `.[] | [try ((${expression}\n) | {v: .}) catch {e: .}]`;
  const run = engine.run(JSON.stringify(inputs), program);
  if (run.exitCode !== 0) throw new Error(`jq failed on ${expression}: ${run.stderr}`);
  const lines = run.stdout.split('\n').filter((line) => line !== '');
  if (lines.length !== inputs.length) throw new Error(`jq printed ${lines.length} lines for ${inputs.length} inputs of ${expression}`);
  return lines.map((line) => {
    const entries = JSON.parse(line) as Array<{ v?: unknown; e?: unknown }>;
    const last = entries.at(-1);
    const hasError = last !== undefined && 'e' in last;
    return {
      outputs: (hasError ? entries.slice(0, -1) : entries).map((entry) => JSON.stringify(entry.v)),
      error: hasError ? (typeof last.e === 'string' ? last.e : JSON.stringify(last.e)) : null,
    };
  });
}
