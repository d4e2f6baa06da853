import { errorOperand } from './dump-jq-value.js';
import { NONE } from './evaluator.js';
import { JqFailure, notProven } from './jq-failure.js';
import { plus } from './jq-operators.js';
import { setOwn } from './jq-values.js';
import type { TranslatedRegex } from './translate-onig-regex.js';

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The matches of `regex` in `input` as jq's `match` finds them: the first, or with `g` every one,
 * left to right, an empty match moving the search on by one character. jq moves on by one UTF-8 byte,
 * which differs from JavaScript on non-ASCII text: that case is NOT_PROVEN.
 */
function findMatches(translated: TranslatedRegex, input: unknown): RegExpExecArray[] {
  const text = matchableText(translated, input);
  const { regex } = translated;
  regex.lastIndex = 0;
  if (!translated.isGlobal) {
    const first = regex.exec(text);
    return first ? [first] : [];
  }
  const found: RegExpExecArray[] = [];
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    found.push(match);
    if (match[0].length === 0) {
      if (NON_ASCII.test(text)) notProven();
      regex.lastIndex = match.index + 1;
    }
  }
  return found;
}

/** The input as a string jq can match, or jq's error; NOT_PROVEN for non-ASCII text where the translation needs ASCII. */
function matchableText(translated: TranslatedRegex, input: unknown): string {
  if (typeof input !== 'string') throw new JqFailure(`${errorOperand(input)} cannot be matched, as it is not a string`);
  if (translated.isAsciiInputOnly && NON_ASCII.test(input)) notProven();
  return input;
}

/** jq's `test(re; flags)`. */
export function testRegex(translated: TranslatedRegex, input: unknown): boolean {
  const text = matchableText(translated, input);
  translated.regex.lastIndex = 0;
  return translated.regex.test(text);
}

/** jq's `capture(re; flags)`: one object of named groups per match (null for a group that took no part). */
export function captureRegex(translated: TranslatedRegex, input: unknown): Array<Record<string, unknown>> {
  return findMatches(translated, input).map((match) => captureObject(translated, match));
}

function captureObject(translated: TranslatedRegex, match: RegExpExecArray): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const name of translated.groupNames) setOwn(object, name, match.groups?.[name] ?? null);
  return object;
}

/**
 * jq 1.8's `sub(re; s; flags)` (and `gsub`): each match replaced by `replacement` of its capture
 * object, exactly as jq's definition adds the pieces (`gap + insert`, so a non-string insert fails as
 * jq's `+` does). The input as it is when nothing matches. A replacement that yields nothing is
 * NOT_PROVEN (jq then drops text in a way not worth copying).
 */
export function substituteRegex(translated: TranslatedRegex, input: unknown, replacement: (capture: Record<string, unknown>) => unknown): unknown {
  const matches = findMatches(translated, input);
  const text = input as string;
  if (matches.length === 0) return text;
  let result: unknown = null;
  let previous = 0;
  for (const match of matches) {
    const insert = replacement(captureObject(translated, match));
    if (insert === NONE) notProven();
    result = plus(result, plus(text.slice(previous, match.index), insert));
    previous = match.index + match[0].length;
  }
  return plus(result, text.slice(previous));
}
