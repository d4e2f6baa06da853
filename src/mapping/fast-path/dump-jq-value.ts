import { formatJqNumber } from './format-jq-number.js';
import { notProven } from './jq-failure.js';
import { isKeyOrderUncertain, jqType } from './jq-values.js';

/** Longest dump quoted whole in an error message, in UTF-8 bytes (jq's buffer of 30, less its NUL). */
const ERROR_DUMP_MAX_BYTES = 29;
/** Bytes of a longer dump kept before jq's `...` and closing character. */
const ERROR_DUMP_KEPT_BYTES = 25;

/**
 * A value as jq's `tojson` prints it: compact JSON, keys in the object's order, DEL escaped as
 * `\u007f`. NOT_PROVEN for what jq could print otherwise: numbers (see formatJqNumber), objects with
 * array-index keys (their order), strings with lone surrogates.
 */
export function dumpValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return dumpString(value);
    case 'number':
      return formatJqNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) text += (index === 0 ? '' : ',') + dumpValue(value[index]);
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  if (isKeyOrderUncertain(object)) notProven();
  let text = '{';
  let isFirst = true;
  for (const key in object) {
    text += `${isFirst ? '' : ','}${dumpString(key)}:${dumpValue(object[key])}`;
    isFirst = false;
  }
  return `${text}}`;
}

/** A lone UTF-16 surrogate (a pair is one code point in `u` mode, so it never matches). */
const LONE_SURROGATE = /\p{Cs}/u;

function dumpString(text: string): string {
  if (LONE_SURROGATE.test(text)) notProven();
  const json = JSON.stringify(text);
  return json.includes('\u007f') ? json.replaceAll('\u007f', '\\u007f') : json;
}

/** jq's `tostring`: a string as it is, anything else as its dump. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : dumpValue(value);
}

/**
 * A value as jq's error messages show it: `string ("abc")`, `object ({"a":1})`, with a dump longer
 * than 29 UTF-8 bytes cut to 25 (at a character boundary) plus `...` and its closing character.
 */
export function errorOperand(value: unknown): string {
  return `${jqType(value)} (${errorDump(value)})`;
}

/** The dump as error messages quote it (see errorOperand). */
export function errorDump(value: unknown): string {
  const dump = dumpValue(value);
  if (dump.length <= ERROR_DUMP_MAX_BYTES / 3 || Buffer.byteLength(dump) <= ERROR_DUMP_MAX_BYTES) return dump;
  let kept = '';
  let bytes = 0;
  for (const char of dump) {
    const size = Buffer.byteLength(char);
    if (bytes + size > ERROR_DUMP_KEPT_BYTES) break;
    kept += char;
    bytes += size;
  }
  return `${kept}...${dump.at(-1)}`;
}
