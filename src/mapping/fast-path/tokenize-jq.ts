import { NotInFastPath } from './not-in-fast-path.js';

/** One token of jq text, as jq's lexer cuts it (for the subset the fast path reads). */
export type JqToken =
  /** `.name` */
  | { type: 'field'; name: string }
  /** A name: a function, `true`/`false`/`null`, or a keyword (`if`, `and`, `as`...). */
  | { type: 'ident'; name: string }
  /** `$name` */
  | { type: 'variable'; name: string }
  | { type: 'number'; value: number }
  /** A string literal: text pieces and the tokens of each `\(...)`, in order. */
  | { type: 'string'; parts: Array<string | JqToken[]> }
  /** Punctuation and operators: `.` `|` `,` `//` `==` `(` `?` ... */
  | { type: 'punct'; text: string };

const IDENT = /[a-zA-Z_][a-zA-Z_0-9]*/y;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const PUNCTS = ['?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '!=', '==', '<=', '>=', '//', '..', '.', '[', ']', '{', '}', '(', ')', '|', ',', ':', ';', '<', '>', '+', '-', '*', '/', '%', '=', '?', '$', '@'];
/** Operators jq knows that the fast path does not evaluate: the whole expression goes to jq-wasm. */
const REFUSED_PUNCTS = new Set(['?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '%', '=', '$', '@', '..']);
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Cuts jq text into tokens. Throws NotInFastPath for what the fast path does not take: comments with
 * a backslash (jq continues them on the next line), `@formats`, module paths (`a::b`), `$__loc__`,
 * assignment operators, `%`, `..`, number literals that a double does not print back as written
 * (`1.0`, `1e3`: jq keeps their text), lone surrogate escapes.
 */
export function tokenizeJq(text: string): JqToken[] {
  const lexer = { text, position: 0 };
  const tokens = readTokens(lexer, false);
  if (lexer.position < text.length) throw new NotInFastPath('unbalanced parenthesis');
  return tokens;
}

interface Lexer {
  text: string;
  position: number;
}

/** Reads tokens up to the end, or (inside `\(...)`) up to the `)` that closes the interpolation. */
function readTokens(lexer: Lexer, isInterpolation: boolean): JqToken[] {
  const tokens: JqToken[] = [];
  let depth = 0;
  const { text } = lexer;
  while (lexer.position < text.length) {
    const char = text[lexer.position]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      lexer.position += 1;
    } else if (char === '#') {
      const end = text.indexOf('\n', lexer.position);
      const comment = text.slice(lexer.position, end === -1 ? text.length : end);
      if (comment.includes('\\')) throw new NotInFastPath('a comment with a backslash');
      lexer.position += comment.length;
    } else if (char === '"') {
      lexer.position += 1;
      tokens.push(readString(lexer));
    } else if (isIdentStart(char)) {
      const name = match(IDENT, lexer)!;
      if (text.startsWith('::', lexer.position)) throw new NotInFastPath('a module path');
      tokens.push({ type: 'ident', name });
    } else if (char >= '0' && char <= '9') {
      tokens.push(readNumber(lexer));
    } else if (char === '.' && isIdentStart(text[lexer.position + 1] ?? '')) {
      lexer.position += 1;
      tokens.push({ type: 'field', name: match(IDENT, lexer)! });
    } else if (char === '.' && /[0-9]/.test(text[lexer.position + 1] ?? '')) {
      throw new NotInFastPath('a number written from its decimal point');
    } else if (char === '$' && isIdentStart(text[lexer.position + 1] ?? '')) {
      lexer.position += 1;
      const name = match(IDENT, lexer)!;
      if (name === '__loc__' || text.startsWith('::', lexer.position)) throw new NotInFastPath(`$${name}`);
      tokens.push({ type: 'variable', name });
    } else {
      const punct = PUNCTS.find((candidate) => text.startsWith(candidate, lexer.position));
      if (punct === undefined || REFUSED_PUNCTS.has(punct)) throw new NotInFastPath(`the token ${punct ?? char}`);
      if (isInterpolation && punct === ')' && depth === 0) {
        lexer.position += 1;
        return tokens;
      }
      if (punct === '(') depth += 1;
      if (punct === ')') depth -= 1;
      lexer.position += punct.length;
      tokens.push({ type: 'punct', text: punct });
    }
  }
  if (isInterpolation) throw new NotInFastPath('an unterminated interpolation');
  return tokens;
}

function readString(lexer: Lexer): JqToken {
  const { text } = lexer;
  const parts: Array<string | JqToken[]> = [];
  let piece = '';
  while (lexer.position < text.length) {
    const char = text[lexer.position]!;
    lexer.position += 1;
    if (char === '"') {
      if (piece !== '' || parts.length === 0) parts.push(piece);
      return { type: 'string', parts };
    }
    if (char !== '\\') {
      piece += char;
      continue;
    }
    const escape = text[lexer.position] ?? '';
    lexer.position += 1;
    if (escape === '(') {
      if (piece !== '') parts.push(piece);
      piece = '';
      parts.push(readTokens(lexer, true));
    } else if (escape in SIMPLE_ESCAPES) {
      piece += SIMPLE_ESCAPES[escape];
    } else if (escape === 'u') {
      piece += readUnicodeEscape(lexer);
    } else {
      throw new NotInFastPath(`the string escape \\${escape}`);
    }
  }
  throw new NotInFastPath('an unterminated string');
}

/** `\uXXXX` (the `\u` already read), pairing surrogates; a lone surrogate is refused. */
function readUnicodeEscape(lexer: Lexer): string {
  const hex = (at: number) => {
    const digits = lexer.text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new NotInFastPath('a malformed \\u escape');
    return parseInt(digits, 16);
  };
  const unit = hex(lexer.position);
  lexer.position += 4;
  if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
  const isPaired = unit < 0xdc00 && lexer.text.startsWith('\\u', lexer.position);
  const low = isPaired ? hex(lexer.position + 2) : 0;
  if (low < 0xdc00 || low > 0xdfff) throw new NotInFastPath('a lone surrogate escape');
  lexer.position += 6;
  return String.fromCharCode(unit, low);
}

function readNumber(lexer: Lexer): JqToken {
  const written = match(NUMBER, lexer)!;
  const value = Number(written);
  // jq 1.8 keeps a literal's text (`1.0` prints as 1.0, compares as a decimal): only literals a
  // double prints back unchanged behave the same in JavaScript.
  if (String(value) !== written) throw new NotInFastPath(`the number literal ${written}`);
  return { type: 'number', value };
}

function match(pattern: RegExp, lexer: Lexer): string | undefined {
  pattern.lastIndex = lexer.position;
  const found = pattern.exec(lexer.text)?.[0];
  if (found !== undefined) lexer.position += found.length;
  return found;
}

function isIdentStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
}
