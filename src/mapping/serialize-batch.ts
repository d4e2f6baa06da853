/** An escaped backslash (kept), or the escape of a UTF-16 surrogate (always lone: JSON.stringify writes pairs as characters). */
const ESCAPE_PATTERN = /\\\\|\\ud[89a-f][0-9a-f]{2}/g;

/**
 * One input as JSON text for a field program. Lone UTF-16 surrogates (possible in JS strings, which
 * JSON.stringify writes as `\udXXX` escapes) become U+FFFD: jq rejects such an escape as a parse
 * error of the whole input, which would fail every item of the batch.
 */
export function serializeInput(input: unknown): string {
  const text = JSON.stringify(input);
  if (!text.includes('\\ud')) return text;
  return text.replace(ESCAPE_PATTERN, (escape) => (escape === '\\\\' ? escape : '\\ufffd'));
}

/** Inputs' JSON texts (serializeInput), `texts[from..to)`, as the JSON text of one array: a field program's input. */
export function serializeBatch(texts: readonly string[], from: number, to: number): string {
  return `[${texts.slice(from, to).join(',')}]`;
}
