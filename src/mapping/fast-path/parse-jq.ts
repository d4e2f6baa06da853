import type { BinaryOperator, JqNode } from './jq-ast.js';
import { NotInFastPath } from './not-in-fast-path.js';
import { tokenizeJq, type JqToken } from './tokenize-jq.js';

/** Keywords that end or shape an expression; never a function name. */
const KEYWORDS = new Set([
  'as', 'def', 'module', 'import', 'include', 'if', 'then', 'elif', 'else', 'end', 'and', 'or', 'try', 'catch', 'reduce', 'foreach', 'label', 'break', '__loc__',
]);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const IDENTITY: JqNode = { kind: 'identity' };

/**
 * Parses jq text (that jq compiles) into the fast path's tree, with jq 1.8's precedences: `|` (right)
 * < `,` < `//` (right) < `or` < `and` < comparisons (non-associative) < `+ -` < `* /` < prefix `-`
 * < postfix `?` < `try`; `source as $x | body` sits between `,` and `//`. Throws
 * NotInFastPath for constructs outside the subset (`reduce`, `def`, slices, destructuring...).
 */
export function parseJq(text: string): JqNode {
  const parser = new Parser(tokenizeJq(text));
  const node = parser.pipe();
  if (!parser.isAtEnd()) throw new NotInFastPath('text after the expression');
  return node;
}

/** The value an expression always yields when it is a literal (`"cloudResource"`, `true`), else undefined. */
export function literalValueOf(text: string): null | boolean | number | string | undefined {
  try {
    const node = parseJq(text);
    return node.kind === 'literal' ? node.value : undefined;
  } catch (error) {
    if (error instanceof NotInFastPath) return undefined;
    throw error;
  }
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: JqToken[]) {}

  isAtEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  pipe(): JqNode {
    const left = this.comma();
    if (!this.takePunct('|')) return left;
    return { kind: 'pipe', left, right: this.pipe() };
  }

  private comma(): JqNode {
    let left = this.binding();
    while (this.takePunct(',')) left = { kind: 'comma', left, right: this.binding() };
    return left;
  }

  /**
   * `source as $x | body`. jq 1.8 binds everything since the last `,` or `|` (`1 + 2 as $x` binds
   * 3), and the body takes everything to its right.
   */
  private binding(): JqNode {
    const source = this.alternative();
    if (!this.takeIdent('as')) return source;
    const variable = this.next();
    if (variable?.type !== 'variable') throw new NotInFastPath('a destructuring pattern');
    if (this.isPunct(this.peek(), '?//')) throw new NotInFastPath('an alternative pattern');
    this.expectPunct('|');
    return { kind: 'bind', source, name: variable.name, body: this.pipe() };
  }

  private alternative(): JqNode {
    const left = this.or();
    if (!this.takePunct('//')) return left;
    return { kind: 'alternative', left, right: this.alternative() };
  }

  private or(): JqNode {
    let left = this.and();
    while (this.takeIdent('or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): JqNode {
    let left = this.comparison();
    while (this.takeIdent('and')) left = { kind: 'and', left, right: this.comparison() };
    return left;
  }

  private comparison(): JqNode {
    const left = this.additive();
    const operator = this.peekPunct();
    if (operator === undefined || !COMPARISONS.has(operator)) return left;
    this.position += 1;
    return { kind: 'binary', operator: operator as BinaryOperator, left, right: this.additive() };
  }

  private additive(): JqNode {
    let left = this.multiplicative();
    for (let operator = this.peekPunct(); operator === '+' || operator === '-'; operator = this.peekPunct()) {
      this.position += 1;
      left = { kind: 'binary', operator, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): JqNode {
    let left = this.unary();
    for (let operator = this.peekPunct(); operator === '*' || operator === '/'; operator = this.peekPunct()) {
      this.position += 1;
      left = { kind: 'binary', operator, left, right: this.unary() };
    }
    return left;
  }

  /** Prefix `-` (jq 1.8 binds it tighter than any binary operator: `-.a * 2` is `(-.a) * 2`) and `try`. */
  private unary(): JqNode {
    if (this.takePunct('-')) return { kind: 'negate', operand: this.unary() };
    if (this.takeIdent('try')) {
      if (this.peekPunct() === '-') throw new NotInFastPath('try followed by a minus');
      const body = this.postfix();
      const handler = this.takeIdent('catch') ? this.postfix() : null;
      return { kind: 'try', body, handler };
    }
    return this.postfix();
  }

  /** A term and its suffixes: `.a`, `."a"`, `[e]`, `[]`, `.[e]`, `?`. */
  private postfix(): JqNode {
    let node = this.primary();
    for (;;) {
      const token = this.peek();
      if (token?.type === 'field') {
        this.position += 1;
        node = { kind: 'index', target: node, key: { kind: 'literal', value: token.name }, isOptional: this.takePunct('?') };
      } else if (token?.type === 'punct' && token.text === '.' && this.peek(1)?.type === 'string') {
        this.position += 1;
        node = { kind: 'index', target: node, key: this.plainString(), isOptional: this.takePunct('?') };
      } else if (token?.type === 'punct' && (token.text === '[' || (token.text === '.' && this.isPunct(this.peek(1), '[')))) {
        this.position += token.text === '.' ? 2 : 1;
        node = this.bracketSuffix(node);
      } else if (token?.type === 'punct' && token.text === '?') {
        this.position += 1;
        node = { kind: 'try', body: node, handler: null };
      } else {
        return node;
      }
    }
  }

  /** After `[`: `]` (iterate), or an index expression and `]`; slices are refused. */
  private bracketSuffix(target: JqNode): JqNode {
    if (this.takePunct(']')) return { kind: 'iterate', target, isOptional: this.takePunct('?') };
    if (this.peekPunct() === ':') throw new NotInFastPath('a slice');
    const key = this.pipe();
    if (this.peekPunct() === ':') throw new NotInFastPath('a slice');
    this.expectPunct(']');
    return { kind: 'index', target, key, isOptional: this.takePunct('?') };
  }

  private primary(): JqNode {
    const token = this.next();
    if (token === undefined) throw new NotInFastPath('an unexpected end');
    switch (token.type) {
      case 'field':
        // The field itself is read as a suffix of `.`.
        this.position -= 1;
        return IDENTITY;
      case 'number':
        return { kind: 'literal', value: token.value };
      case 'string':
        return stringNode(token);
      case 'variable':
        return { kind: 'variable', name: token.name };
      case 'ident':
        return this.named(token.name);
      case 'punct':
        return this.bracketed(token.text);
    }
  }

  private named(name: string): JqNode {
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (name === 'if') return this.conditional();
    if (KEYWORDS.has(name)) throw new NotInFastPath(`the keyword ${name}`);
    const args: JqNode[] = [];
    if (this.takePunct('(')) {
      do args.push(this.pipe());
      while (this.takePunct(';'));
      this.expectPunct(')');
    }
    return { kind: 'call', name, args };
  }

  private bracketed(text: string): JqNode {
    if (text === '.') return this.peek()?.type === 'string' ? { kind: 'index', target: IDENTITY, key: this.plainString(), isOptional: this.takePunct('?') } : IDENTITY;
    if (text === '(') {
      const inner = this.pipe();
      this.expectPunct(')');
      return inner;
    }
    if (text === '[') {
      if (this.takePunct(']')) return { kind: 'array', body: null };
      const body = this.pipe();
      this.expectPunct(']');
      return { kind: 'array', body };
    }
    if (text === '{') return this.object();
    throw new NotInFastPath(`the token ${text}`);
  }

  /** After `if`: `c then a (elif c then a)* (else b)? end`. */
  private conditional(): JqNode {
    const condition = this.pipe();
    this.expectIdent('then');
    const then = this.pipe();
    if (this.takeIdent('elif')) return { kind: 'if', condition, then, otherwise: this.conditional() };
    if (this.takeIdent('else')) {
      const otherwise = this.pipe();
      this.expectIdent('end');
      return { kind: 'if', condition, then, otherwise };
    }
    this.expectIdent('end');
    return { kind: 'if', condition, then, otherwise: IDENTITY };
  }

  /** After `{`: pairs `key: value` or shorthands (`name`, `$name`, `"name"`), values as jq's ExpD. */
  private object(): JqNode {
    const entries: Array<{ key: JqNode; value: JqNode }> = [];
    if (this.takePunct('}')) return { kind: 'object', entries };
    do {
      const token = this.next();
      if (token?.type === 'ident' || (token?.type === 'string' && isPlainString(token))) {
        const name = token.type === 'ident' ? token.name : (token.parts[0] as string);
        const key: JqNode = { kind: 'literal', value: name };
        entries.push({ key, value: this.takePunct(':') ? this.objectValue() : { kind: 'index', target: IDENTITY, key, isOptional: false } });
      } else if (token?.type === 'variable') {
        const variable: JqNode = { kind: 'variable', name: token.name };
        entries.push(this.takePunct(':') ? { key: variable, value: this.objectValue() } : { key: { kind: 'literal', value: token.name }, value: variable });
      } else if (token?.type === 'punct' && token.text === '(') {
        const key = this.pipe();
        this.expectPunct(')');
        this.expectPunct(':');
        entries.push({ key, value: this.objectValue() });
      } else {
        throw new NotInFastPath('an object key of this form');
      }
    } while (this.takePunct(','));
    this.expectPunct('}');
    return { kind: 'object', entries };
  }

  /** jq's ExpD: terms joined by `|`, each optionally negated. */
  private objectValue(): JqNode {
    const left = this.objectValueTerm();
    if (!this.takePunct('|')) return left;
    return { kind: 'pipe', left, right: this.objectValue() };
  }

  private objectValueTerm(): JqNode {
    return this.takePunct('-') ? { kind: 'negate', operand: this.objectValueTerm() } : this.postfix();
  }

  /** A string token without interpolation, as a literal (interpolated keys are refused). */
  private plainString(): JqNode {
    const token = this.next();
    if (token?.type !== 'string' || !isPlainString(token)) throw new NotInFastPath('an interpolated key');
    return { kind: 'literal', value: token.parts[0] as string };
  }

  private peek(offset = 0): JqToken | undefined {
    return this.tokens[this.position + offset];
  }

  private next(): JqToken | undefined {
    const token = this.tokens[this.position];
    this.position += 1;
    return token;
  }

  private peekPunct(): string | undefined {
    const token = this.peek();
    return token?.type === 'punct' ? token.text : undefined;
  }

  private isPunct(token: JqToken | undefined, text: string): boolean {
    return token?.type === 'punct' && token.text === text;
  }

  private takePunct(text: string): boolean {
    if (!this.isPunct(this.peek(), text)) return false;
    this.position += 1;
    return true;
  }

  private takeIdent(name: string): boolean {
    const token = this.peek();
    if (token?.type !== 'ident' || token.name !== name) return false;
    this.position += 1;
    return true;
  }

  private expectPunct(text: string): void {
    if (!this.takePunct(text)) throw new NotInFastPath(`a missing ${text}`);
  }

  private expectIdent(name: string): void {
    if (!this.takeIdent(name)) throw new NotInFastPath(`a missing ${name}`);
  }
}

function isPlainString(token: Extract<JqToken, { type: 'string' }>): boolean {
  return token.parts.length === 1 && typeof token.parts[0] === 'string';
}

/** A string token as a literal, or as an interpolation whose pieces are parsed expressions. */
function stringNode(token: Extract<JqToken, { type: 'string' }>): JqNode {
  if (isPlainString(token)) return { kind: 'literal', value: token.parts[0] as string };
  return {
    kind: 'interpolation',
    parts: token.parts.map((part) => {
      if (typeof part === 'string') return part;
      const parser = new Parser(part);
      const node = parser.pipe();
      if (!parser.isAtEnd()) throw new NotInFastPath('text after an interpolated expression');
      return node;
    }),
  };
}
