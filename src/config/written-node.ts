import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from './config-problem.js';

/** The parsed file a WrittenNode reads from, and where the rules' problems go. */
export interface WrittenSource {
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The file as the user named it. */
  file: string;
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
}

/** The object types in T: the blocks whose keys can be read. */
type BlockOf<T> = Extract<Exclude<T, undefined>, object>;
/** The value type of a map block (`properties`, `relations`). */
type ValueOf<T> = BlockOf<T> extends Record<string, infer V> ? V : unknown;
/** The element type of a list. */
type ElementOf<T> = Exclude<T, undefined> extends readonly (infer E)[] ? E : unknown;

/**
 * One value of the config as written, with its YAML path and line; possibly a key that was not
 * written at all. The rules read the file only through this, so every problem they report carries
 * its place. `T` is the shape the user is expected to have written (from `written-config.ts`): it
 * types the keys a rule may ask for and is no promise about the value.
 */
export class WrittenNode<T = unknown> {
  private constructor(
    private readonly source: WrittenSource,
    /** The YAML path: dotted keys, list indexes in brackets; empty for the whole file. */
    readonly path: string,
    /**
     * 1-based line: of a scalar value; of the key for a map or list value (where a reader looks
     * for it); of the enclosing block for a key that was not written.
     */
    readonly line: number,
    private readonly node: Node | undefined,
  ) {}

  /** The whole file. */
  static root<T>(source: WrittenSource): WrittenNode<T> {
    const contents = source.document.contents ?? undefined;
    const line = contents?.range ? lineOf(source, contents.range[0]) : 1;
    return new WrittenNode<T>(source, '', line, contents);
  }

  /** False when the key is absent or its value empty (`key:` or `~`): both mean "not set". */
  get isWritten(): boolean {
    return this.node !== undefined && !(isScalar(this.node) && this.node.value === null);
  }

  /** True for a map (`key: value` lines or `{...}`). */
  get isMap(): boolean {
    return isMap(this.node);
  }

  /** True for a list (`- item` lines or `[...]`). */
  get isList(): boolean {
    return isSeq(this.node);
  }

  /** The value when it is a non-null scalar (string, number or boolean), else undefined. */
  get scalar(): string | number | boolean | undefined {
    if (!isScalar(this.node)) return undefined;
    const value = this.node.value;
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
  }

  /**
   * The scalar as text: strings as they are, booleans as `true`/`false`, numbers as written
   * (`0123` stays `0123`, which the parsed number would lose). Undefined when not a scalar.
   */
  get text(): string | undefined {
    const value = this.scalar;
    if (typeof value !== 'number') return value === undefined ? undefined : String(value);
    return (isScalar(this.node) ? this.node.source : undefined) ?? String(value);
  }

  /** How the value was written, for messages: `a list`, `a map`, `the number 5`, `"abc"`. */
  get writtenAs(): string {
    if (!this.isWritten) return 'nothing';
    if (this.isMap) return 'a map';
    if (this.isList) return 'a list';
    const value = this.scalar;
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number') return `the number ${this.text}`;
    if (typeof value === 'boolean') return `the boolean ${value}`;
    return 'an unsupported YAML value';
  }

  /**
   * The value as plain JavaScript (maps as objects), for values kept as written. Undefined, with an
   * error at this place, when yaml refuses to expand its aliases: past a limit, so that a file of
   * aliases of aliases (an "alias bomb") cannot take all memory.
   */
  toJS(): unknown {
    if (this.node === undefined) return undefined;
    try {
      return this.node.toJS(this.source.document);
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      this.error(`cannot be read: ${error.message.replace(/\.$/, '')}. Write the value out instead of through aliases.`);
      return undefined;
    }
  }

  /** The value of `key` in this map; a not-written node when this is not a map or lacks the key. */
  child<K extends keyof BlockOf<T> & string>(key: K): WrittenNode<BlockOf<T>[K]> {
    const entry = this.entries().find(([name]) => name === key);
    return (entry?.[1] as WrittenNode<BlockOf<T>[K]> | undefined) ?? this.missing(key);
  }

  /** The keys of this map in the order written, with their values; empty when not a map. */
  entries(): Array<[string, WrittenNode<ValueOf<T>>]> {
    if (!isMap(this.node)) return [];
    return this.node.items.map((pair) => {
      const keyNode = pair.key as Node | null;
      const keyLine = keyNode?.range ? lineOf(this.source, keyNode.range[0]) : this.line;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(new WrittenNode(this.source, this.path, keyLine, keyNode ?? undefined).toJS());
      const written = (pair.value as Node | null) ?? undefined;
      const line = (isScalar(written) || isAlias(written)) && written.range ? lineOf(this.source, written.range[0]) : keyLine;
      return [key, new WrittenNode<ValueOf<T>>(this.source, joinPath(this.path, key), line, resolveAlias(this.source, written))];
    });
  }

  /** The elements of this list; empty when not a list. */
  items(): Array<WrittenNode<ElementOf<T>>> {
    if (!isSeq(this.node)) return [];
    return this.node.items.map((item, index) => {
      const written = (item as Node | null) ?? undefined;
      const line = written?.range ? lineOf(this.source, written.range[0]) : this.line;
      return new WrittenNode<ElementOf<T>>(this.source, `${this.path}[${index}]`, line, resolveAlias(this.source, written));
    });
  }

  /** Records an error at this place. `message` says what is wrong, then what to do. */
  error(message: string): void {
    this.source.errors.push(this.problem(message));
  }

  /** Records a warning at this place. */
  warn(message: string): void {
    this.source.warnings.push(this.problem(message));
  }

  private problem(message: string): ConfigProblem {
    return { code: 'ConfigInvalid', message, path: this.path, line: this.line, file: this.source.file };
  }

  private missing<V>(key: string): WrittenNode<V> {
    return new WrittenNode<V>(this.source, joinPath(this.path, key), this.line, undefined);
  }
}

function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function lineOf(source: WrittenSource, offset: number): number {
  return source.lineCounter.linePos(offset).line;
}

/** An alias (`*name`) reads as the node it names; its place stays where the alias is written. */
function resolveAlias(source: WrittenSource, node: Node | undefined): Node | undefined {
  return isAlias(node) ? node.resolve(source.document) : node;
}
