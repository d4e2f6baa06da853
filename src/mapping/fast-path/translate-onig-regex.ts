import { NotInFastPath } from './not-in-fast-path.js';

/** A jq (Oniguruma, Perl_NT syntax) regex translated into an equivalent JavaScript one. */
export interface TranslatedRegex {
  /** Global, unicode (code point) regex; case-insensitive under jq's `i` flag. */
  regex: RegExp;
  /**
   * True when the translation is exact only on ASCII input: the pattern uses `\w \d \b` (and their
   * negations), which Oniguruma defines over a newer Unicode than JavaScript's, or jq's `i` flag,
   * which Oniguruma applies with full case folding (`ß` matches `ss`). Non-ASCII input then goes to jq.
   */
  isAsciiInputOnly: boolean;
  /** True with jq's `g` flag: every match, not only the first. */
  isGlobal: boolean;
  /** The named groups, in the order they open in the pattern (the keys of `capture`'s objects). */
  groupNames: string[];
}

const ASCII_INPUT_CLASSES = new Set(['d', 'D', 'w', 'W']);
const CONTROL_ESCAPES: Record<string, string> = { t: '\\t', n: '\\n', r: '\\r', f: '\\f', a: '\\x07', e: '\\x1b' };
/** Characters with a meaning in JavaScript regex syntax, escaped when meant literally (`-` only in a class: `u` mode refuses `\-` outside). */
const JS_SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const JS_CLASS_SYNTAX = new Set([...JS_SYNTAX, '-']);
const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Translates a jq regex and its flags (`g` and `i` only; others are refused). Refuses whatever it
 * cannot translate exactly: POSIX brackets, nested classes and `&&`, inline options, atomic groups,
 * possessive quantifiers, backreferences, `\h \x{..} \p{..} \k \K \G \R \X`, a `{` or `]` meant
 * literally, quantified groups holding named captures (JavaScript resets captures on each
 * repetition, Oniguruma does not), repeated groups holding a quantifier (they can backtrack
 * exponentially, which only jq-wasm's time budget can stop). Whether the pattern compiles in Oniguruma at all is checked by
 * the caller, with jq.
 */
export function translateOnigRegex(pattern: string, flags: string): TranslatedRegex {
  if (!/^[gi]*$/.test(flags)) throw new NotInFastPath(`the regex flags "${flags}"`);
  const isCaseInsensitive = flags.includes('i');
  if (isCaseInsensitive && /[^\x00-\x7f]/.test(pattern)) throw new NotInFastPath('a case-insensitive regex with non-ASCII characters');
  const translator = new Translator(pattern);
  const source = translator.alternatives();
  if (translator.position < pattern.length) throw new NotInFastPath('an unbalanced ) in a regex');
  let regex: RegExp;
  try {
    regex = new RegExp(source, isCaseInsensitive ? 'giu' : 'gu');
  } catch {
    throw new NotInFastPath('a regex JavaScript does not compile');
  }
  return { regex, isAsciiInputOnly: translator.isAsciiInputOnly || isCaseInsensitive, isGlobal: flags.includes('g'), groupNames: [...translator.names] };
}

/** What the last atom was, for the quantifier that may follow it. */
interface Atom {
  isQuantifiable: boolean;
  hasNamedGroup: boolean;
  hasQuantifier: boolean;
  /** Where its translation starts in the sequence's output, and the translation. */
  start: number;
  text: string;
}

class Translator {
  position = 0;
  isAsciiInputOnly = false;
  readonly names = new Set<string>();
  private namedGroupCount = 0;
  /** Quantifiers read so far: a group holds one when the count grew while it was read. */
  private quantifierCount = 0;

  constructor(private readonly pattern: string) {}

  /** `a|b|...` up to the end or an unopened `)`. */
  alternatives(): string {
    let output = this.sequence();
    while (this.pattern[this.position] === '|') {
      this.position += 1;
      output += `|${this.sequence()}`;
    }
    return output;
  }

  private sequence(): string {
    let output = '';
    let atom: Atom | null = null;
    for (;;) {
      const char = this.pattern[this.position];
      if (char === undefined || char === '|' || char === ')') return output;
      if (char === '*' || char === '+' || char === '?' || char === '{') {
        if (atom === null || !atom.isQuantifiable) throw new NotInFastPath('a quantifier without an atom');
        const { text, isRepeating, isOptional, isLazy } = this.quantifier();
        if (isRepeating && atom.hasNamedGroup) throw new NotInFastPath('a repeated group with named captures');
        // `(a+)+` backtracks exponentially: jq-wasm runs it, under its time budget, where the fast path could not stop it.
        if (isRepeating && atom.hasQuantifier) throw new NotInFastPath('a repeated group holding a quantifier');
        this.quantifierCount += 1;
        if (isOptional && atom.hasNamedGroup) {
          // JavaScript skips an optional group whose body matched the empty string, so its captures
          // stay undefined; Oniguruma keeps them (`""`). A branch has no such check: `(?:X|)` tries
          // X once, then nothing, exactly as Oniguruma's greedy `?` does (`(?:|X)` for the lazy one).
          output = output.slice(0, atom.start) + (isLazy ? `(?:|${atom.text})` : `(?:${atom.text}|)`);
        } else {
          output += text;
        }
        atom = null;
        continue;
      }
      const namedBefore = this.namedGroupCount;
      const quantifiersBefore = this.quantifierCount;
      const { text, isQuantifiable } = this.atom();
      atom = { isQuantifiable, hasNamedGroup: this.namedGroupCount > namedBefore, hasQuantifier: this.quantifierCount > quantifiersBefore, start: output.length, text };
      output += text;
    }
  }

  /**
   * `* + ? {n} {n,} {n,m}`, then an optional lazy `?`; possessive `+` and `{,n}` are refused.
   * `isOptional`: at most once and possibly never (`?`, `{0,1}`).
   */
  private quantifier(): { text: string; isRepeating: boolean; isOptional: boolean; isLazy: boolean } {
    const rest = this.pattern.slice(this.position);
    const interval = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    let text: string;
    let isRepeating: boolean;
    let isOptional: boolean;
    if (rest[0] === '{') {
      if (!interval) throw new NotInFastPath('a { that is not a quantifier');
      text = interval[0];
      isRepeating = interval[2] === undefined ? Number(interval[1]) > 1 : interval[3] === '' || Number(interval[3]) > 1;
      isOptional = Number(interval[1]) === 0 && interval[2] !== undefined && interval[3] === '1';
    } else {
      text = rest[0]!;
      isRepeating = text !== '?';
      isOptional = text === '?';
    }
    this.position += text.length;
    const next = this.pattern[this.position];
    if (next === '+') throw new NotInFastPath('a possessive quantifier');
    const isLazy = next === '?';
    if (isLazy) {
      text += '?';
      this.position += 1;
    }
    return { text, isRepeating, isOptional, isLazy };
  }

  private atom(): { text: string; isQuantifiable: boolean } {
    const char = this.pattern[this.position]!;
    this.position += 1;
    switch (char) {
      case '.':
        return { text: '[^\\n]', isQuantifiable: true };
      case '^':
        return { text: '^', isQuantifiable: false };
      case '$':
        // Perl_NT syntax: `$` also matches before a final newline.
        return { text: '(?=\\n?$)', isQuantifiable: false };
      case '(':
        return this.group();
      case '[':
        return { text: this.characterClass(), isQuantifiable: true };
      case '\\':
        return this.escape();
      case ']':
      case '}':
        throw new NotInFastPath(`a literal ${char} in a regex`);
      default: {
        // A supplementary character is one atom of two UTF-16 units.
        const whole = String.fromCodePoint(this.pattern.codePointAt(this.position - 1)!);
        if (whole.length === 2) this.position += 1;
        return { text: JS_SYNTAX.has(whole) ? `\\${whole}` : whole, isQuantifiable: true };
      }
    }
  }

  private group(): { text: string; isQuantifiable: boolean } {
    const rest = this.pattern.slice(this.position);
    let open: string;
    let isQuantifiable = true;
    if (rest.startsWith('?:')) open = '(?:';
    else if (rest.startsWith('?=') || rest.startsWith('?!')) open = `(${rest.slice(0, 2)}`;
    else if (rest.startsWith('?<=') || rest.startsWith('?<!')) open = `(${rest.slice(0, 3)}`;
    else if (rest.startsWith('?<')) {
      const end = rest.indexOf('>');
      const name = end === -1 ? '' : rest.slice(2, end);
      if (!GROUP_NAME.test(name) || this.names.has(name)) throw new NotInFastPath('a group name of this form');
      this.names.add(name);
      this.namedGroupCount += 1;
      open = `(?<${name}>`;
    } else if (rest.startsWith('?')) throw new NotInFastPath('a group option');
    else open = '(';
    if (open.startsWith('(?=') || open.startsWith('(?!') || open.startsWith('(?<=') || open.startsWith('(?<!')) isQuantifiable = false;
    this.position += open.length - 1;
    const inner = this.alternatives();
    if (this.pattern[this.position] !== ')') throw new NotInFastPath('an unclosed group');
    this.position += 1;
    return { text: `${open}${inner})`, isQuantifiable };
  }

  /** An escape outside a class. */
  private escape(): { text: string; isQuantifiable: boolean } {
    const char = this.pattern[this.position];
    if (char === undefined) throw new NotInFastPath('a regex ending in a backslash');
    this.position += 1;
    if (ASCII_INPUT_CLASSES.has(char)) {
      this.isAsciiInputOnly = true;
      return { text: `\\${char}`, isQuantifiable: true };
    }
    if (char === 'b' || char === 'B') {
      this.isAsciiInputOnly = true;
      return { text: `\\${char}`, isQuantifiable: false };
    }
    if (char === 'A') return { text: '^', isQuantifiable: false };
    if (char === 'z') return { text: '$', isQuantifiable: false };
    if (char === 'Z') return { text: '(?=\\n?$)', isQuantifiable: false };
    return { text: this.characterEscape(char, JS_SYNTAX), isQuantifiable: true };
  }

  /** An escape that stands for characters, in or out of a class: `\s`, controls, `\xHH` (ASCII), escaped punctuation. */
  private characterEscape(char: string, syntax: ReadonlySet<string>): string {
    if (char === 's') return '\\p{White_Space}';
    if (char === 'S') return '\\P{White_Space}';
    const control = CONTROL_ESCAPES[char];
    if (control !== undefined) return control;
    if (char === 'x') {
      const hex = /^[0-7][0-9a-fA-F]/.exec(this.pattern.slice(this.position))?.[0];
      if (hex === undefined) throw new NotInFastPath('a \\x escape beyond ASCII');
      this.position += 2;
      return `\\x${hex}`;
    }
    if (/^[!-/:-@[-`{-~ ]$/.test(char)) return syntax.has(char) ? `\\${char}` : char;
    throw new NotInFastPath(`the regex escape \\${char}`);
  }

  /** After `[`: literal characters, ranges and the escapes above, up to `]`. */
  private characterClass(): string {
    let output = '[';
    if (this.pattern[this.position] === '^') {
      output += '^';
      this.position += 1;
    }
    if (this.pattern[this.position] === ']') throw new NotInFastPath('a class starting with ]');
    let previous: 'char' | 'other' | null = null;
    for (;;) {
      const char = this.pattern[this.position];
      if (char === undefined) throw new NotInFastPath('an unclosed class');
      this.position += 1;
      if (char === ']') return `${output}]`;
      if (char === '[' || (char === '&' && this.pattern[this.position] === '&')) throw new NotInFastPath('a nested class or a class intersection');
      if (char === '-' && previous === 'char' && this.pattern[this.position] !== ']') {
        const end = this.classCharacter();
        if (end === null) throw new NotInFastPath('a range ending in a class escape');
        output += `-${end}`;
        previous = 'other';
        continue;
      }
      this.position -= 1;
      const single = this.classCharacter();
      if (single !== null) {
        output += single;
        previous = 'char';
      } else {
        output += this.classEscape();
        previous = 'other';
      }
    }
  }

  /** One literal character of a class (escaped for JavaScript), or null when an escape for a set comes next. */
  private classCharacter(): string | null {
    const char = this.pattern[this.position]!;
    if (char === '\\') {
      const next = this.pattern[this.position + 1];
      if (next === undefined || /[dDwWsS]/.test(next)) return null;
      if (next === 'b') throw new NotInFastPath('\\b in a class');
      this.position += 2;
      return this.characterEscape(next, JS_CLASS_SYNTAX);
    }
    if (char === '[' || char === ']') throw new NotInFastPath('a bracket in a class');
    const whole = String.fromCodePoint(this.pattern.codePointAt(this.position)!);
    this.position += whole.length;
    return JS_CLASS_SYNTAX.has(whole) ? `\\${whole}` : whole;
  }

  /** `\d \D \w \W \s \S` in a class. */
  private classEscape(): string {
    const char = this.pattern[this.position + 1]!;
    this.position += 2;
    if (ASCII_INPUT_CLASSES.has(char)) {
      this.isAsciiInputOnly = true;
      return `\\${char}`;
    }
    return this.characterEscape(char, JS_CLASS_SYNTAX);
  }
}
