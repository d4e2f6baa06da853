/** An escaped backslash (kept), or the escape of a UTF-16 surrogate (always lone: JSON.stringify writes pairs as characters). */
const ESCAPE_PATTERN = /\\\\|\\ud[89a-f][0-9a-f]{2}/g;

/**
 * `inputs[from..to)` as the JSON text of one array, a field program's input. Lone UTF-16 surrogates
 * (possible in JS strings, which JSON.stringify writes as `\udXXX` escapes) become U+FFFD: jq rejects
 * such an escape as a parse error of the whole input, which would fail every item of the batch.
 */
export function serializeBatch(inputs: readonly unknown[], from: number, to: number): string {
  const parts: string[] = [];
  for (let index = from; index < to; index += 1) parts.push(JSON.stringify(inputs[index]));
  const text = `[${parts.join(',')}]`;
  if (!text.includes('\\ud')) return text;
  return text.replace(ESCAPE_PATTERN, (escape) => (escape === '\\\\' ? escape : '\\ufffd'));
}
