import { StringDecoder } from 'node:string_decoder';
import { Aws2PortError } from '../errors/index.js';
import { MAX_ITEM_JSON_LENGTH } from './constants.js';

/** Items read from a part of the input, with their position in the whole input. */
export interface ItemChunk {
  /** Index in the whole input of the first entry of `entries`. */
  firstIndex: number;
  /** Each entry: the parsed item, or why its text is not JSON (one line). */
  entries: Array<{ item: unknown } | { error: string }>;
  /** True when no string of these items can hold a lone UTF-16 surrogate (their text has no `\uD800`-`\uDFFF` escape). */
  areStringsWellFormed: boolean;
}

/** A `\u` escape of a UTF-16 surrogate (paired or not), the only way JSON text can give a lone one. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
const NEWLINE = 0x0a;

/**
 * Reads items from JSON text arriving in chunks: either one JSON array of items (when the text starts
 * with `[`), or JSON lines (one item per line, blank lines ignored). Parses each item once and yields
 * them in large groups, in order. A line that is not JSON, or longer than MAX_ITEM_JSON_LENGTH, is an
 * entry with an error, and reading goes on; an array that is not well-formed JSON throws Aws2PortError `InputInvalid`.
 */
export async function* readJsonItems(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<ItemChunk> {
  let mode: 'unknown' | 'lines' | 'array' = 'unknown';
  const array = new ArraySplitter();
  const decoder = new StringDecoder('utf8');
  // Bytes after the last newline seen (JSON lines), or before the mode is known.
  let tail: Buffer = Buffer.alloc(0);
  let index = 0;
  for await (const raw of chunks) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (mode === 'unknown') {
      tail = Buffer.concat([tail, chunk]);
      const form = inputForm(tail);
      if (form === 'unknown') continue;
      mode = form;
      chunk = tail;
      tail = Buffer.alloc(0);
    }
    if (mode === 'array') {
      const items = array.push(decoder.write(chunk));
      if (items.entries.length > 0) yield { firstIndex: index, ...items };
      index += items.entries.length;
      continue;
    }
    // JSON lines: decode and parse up to the last newline; a newline byte never falls inside a UTF-8
    // character, and only the short line cut by the chunk's start is copied.
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      tail = Buffer.concat([tail, chunk]);
      continue;
    }
    const lines: Omit<ItemChunk, 'firstIndex'> = { entries: [], areStringsWellFormed: true };
    let start = 0;
    if (tail.length > 0) {
      start = chunk.indexOf(NEWLINE) + 1;
      parseLines(Buffer.concat([tail, chunk.subarray(0, start - 1)]).toString('utf8'), lines);
    }
    if (start < last) parseLines(chunk.toString('utf8', start, last), lines);
    tail = Buffer.from(chunk.subarray(last + 1));
    yield { firstIndex: index, ...lines };
    index += lines.entries.length;
  }
  if (mode === 'array') {
    array.end(decoder.end());
  } else if (tail.length > 0) {
    const lines: Omit<ItemChunk, 'firstIndex'> = { entries: [], areStringsWellFormed: true };
    parseLines(tail.toString('utf8'), lines);
    if (lines.entries.length > 0) yield { firstIndex: index, ...lines };
  }
}

/** The items of JSON lines `text` (whole lines), as readJsonItems reads them. */
export function parseJsonLines(text: string): Omit<ItemChunk, 'firstIndex'> {
  const lines: Omit<ItemChunk, 'firstIndex'> = { entries: [], areStringsWellFormed: true };
  parseLines(text, lines);
  return lines;
}

/** True for a line of JSON lines that holds no item: only whitespace. */
export function isBlankLine(line: string): boolean {
  // Items start with `{`; only other lines can be blank.
  return line.charCodeAt(0) !== 0x7b && line.trim() === '';
}

/** Whether input starting with `head` is one JSON array or JSON lines; unknown while `head` is blank. */
export function inputForm(head: Buffer): 'array' | 'lines' | 'unknown' {
  const first = head.toString('latin1', 0, Math.min(head.length, 256)).trimStart()[0];
  return first === undefined ? 'unknown' : first === '[' ? 'array' : 'lines';
}

/** Parses each non-blank line of `text` as one item, appending to `lines`. */
function parseLines(text: string, lines: Omit<ItemChunk, 'firstIndex'>): void {
  const { entries } = lines;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (isBlankLine(line)) continue;
    if (line.length > MAX_ITEM_JSON_LENGTH) {
      entries.push({ error: tooLarge(line.length) });
      continue;
    }
    try {
      entries.push({ item: JSON.parse(line) });
    } catch (error) {
      entries.push({ error: `not JSON: ${(error as Error).message}` });
    }
  }
  if (lines.areStringsWellFormed && hasSurrogateEscape(text)) lines.areStringsWellFormed = false;
}

/** True when `text` (JSON) holds a `\u` escape of a UTF-16 surrogate. */
function hasSurrogateEscape(text: string): boolean {
  return text.includes('\\u') && SURROGATE_ESCAPE.test(text);
}

/**
 * Cuts the text of one JSON array into its elements as it arrives, so that an array larger than
 * memory allows can be mapped: tracks nesting depth and strings, and parses each element whole.
 */
class ArraySplitter {
  private buffer = '';
  /** Where scanning resumes in `buffer`. */
  private position = 0;
  /** Where the current element starts in `buffer`; -1 before the opening `[`. */
  private start = -1;
  private depth = 0;
  private isInString = false;
  private isClosed = false;

  push(text: string): Omit<ItemChunk, 'firstIndex'> {
    if (this.isClosed) {
      if (text.trim() !== '') throw invalidArray('text after the array');
      return { entries: [], areStringsWellFormed: true };
    }
    this.buffer += text;
    const entries: ItemChunk['entries'] = [];
    let isWellFormed = true;
    const { buffer } = this;
    let position = this.position;
    for (; position < buffer.length; position += 1) {
      const code = buffer.charCodeAt(position);
      if (this.isInString) {
        if (code === 0x5c) position += 1;
        else if (code === 0x22) this.isInString = false;
        continue;
      }
      if (code === 0x22) this.isInString = true;
      else if (code === 0x5b || code === 0x7b) {
        this.depth += 1;
        if (this.depth === 1) this.start = position + 1;
      } else if (code === 0x5d || code === 0x7d || code === 0x2c) {
        if (code !== 0x2c) this.depth -= 1;
        if ((code === 0x2c && this.depth === 1) || this.depth === 0) {
          const element = buffer.slice(this.start, position);
          if (code === 0x2c || element.trim() !== '') {
            if (hasSurrogateEscape(element)) isWellFormed = false;
            entries.push(element.length > MAX_ITEM_JSON_LENGTH ? { error: tooLarge(element.length) } : { item: this.parse(element) });
          }
          this.start = position + 1;
          if (this.depth === 0) {
            this.isClosed = true;
            position += 1;
            break;
          }
        }
      } else if (this.depth === 0 && code > 0x20) {
        throw invalidArray(`unexpected text before the array: ${JSON.stringify(buffer.slice(position, position + 20))}`);
      }
    }
    if (this.isClosed && buffer.slice(position).trim() !== '') throw invalidArray('text after the array');
    // Keep only the unfinished element.
    const keep = this.start === -1 ? position : Math.min(this.start, position);
    this.buffer = buffer.slice(keep);
    this.start = this.start === -1 ? -1 : this.start - keep;
    this.position = position - keep;
    return { entries, areStringsWellFormed: isWellFormed };
  }

  end(text: string): void {
    this.push(text);
    if (!this.isClosed) throw invalidArray('the array is not closed');
  }

  private parse(element: string): unknown {
    try {
      return JSON.parse(element);
    } catch (error) {
      throw invalidArray((error as Error).message);
    }
  }
}

/** The error of an item whose JSON text is longer than MAX_ITEM_JSON_LENGTH. */
function tooLarge(length: number): string {
  return `the item is ${length} characters of JSON, more than the limit of ${MAX_ITEM_JSON_LENGTH}`;
}

function invalidArray(reason: string): Aws2PortError {
  return new Aws2PortError('InputInvalid', `The input is not a valid JSON array of items: ${reason}.`, {
    detail: 'Give a JSON array of items, or one item per line (JSON lines, as `jq -c` writes them).',
  });
}
