import { compileCall } from './compile-call.js';
import { errorOperand, textOf } from './dump-jq-value.js';
import { NONE, single, type Emit, type Evaluator, type Frame } from './evaluator.js';
import type { JqNode } from './jq-ast.js';
import { JqFailure } from './jq-failure.js';
import { applyOperator, negate } from './jq-operators.js';
import { fieldValue, indexValue, isIterable, iterateValue } from './jq-paths.js';
import { isTruthy, noteBuiltObject, setOwn } from './jq-values.js';
import { NotInFastPath } from './not-in-fast-path.js';

/** What compiling needs beyond the tree. */
export interface CompileContext {
  /** True when jq compiles this regex with these flags (Oniguruma's syntax is the authority). */
  isRegexAccepted(pattern: string, flags: string): boolean;
}

/** The `$variables` in scope, innermost last. */
export type Scope = readonly string[];

/**
 * Compiles a tree into an evaluator that gives jq's outputs, in jq's order, and jq's errors, with
 * jq's evaluation order where it decides which error wins: a binary operator's right side runs
 * first (and is the outer loop), an object's entries in order with each key before its value.
 * Throws NotInFastPath for what it does not compile.
 */
export function compileNode(node: JqNode, scope: Scope, context: CompileContext): Evaluator {
  const compile = (child: JqNode, inner: Scope = scope) => compileNode(child, inner, context);
  switch (node.kind) {
    case 'identity':
      return single((input) => input);
    case 'literal': {
      const { value } = node;
      return single(() => value);
    }
    case 'variable':
      return variable(node.name, scope);
    case 'interpolation':
      return interpolation(node.parts.map((part) => (typeof part === 'string' ? part : compile(part))));
    case 'index':
      return node.key.kind === 'literal' && typeof node.key.value === 'string'
        ? field(compile(node.target), node.key.value, node.isOptional)
        : index(compile(node.target), compile(node.key), node.isOptional);
    case 'iterate':
      return iterate(compile(node.target), node.isOptional);
    case 'pipe':
      return pipe(compile(node.left), compile(node.right));
    case 'comma':
      return comma(compile(node.left), compile(node.right));
    case 'binary': {
      const { operator } = node;
      return combine(compile(node.left), compile(node.right), (left, right) => applyOperator(operator, left, right));
    }
    case 'and':
    case 'or':
      return logical(compile(node.left), compile(node.right), node.kind === 'and');
    case 'alternative':
      return alternative(compile(node.left), compile(node.right));
    case 'negate':
      return map(compile(node.operand), negate);
    case 'try':
      return tryCatch(compile(node.body), node.handler ? compile(node.handler) : null);
    case 'if':
      return conditional(compile(node.condition), compile(node.then), compile(node.otherwise));
    case 'bind':
      return bind(compile(node.source), compile(node.body, [...scope, node.name]));
    case 'array':
      return collect(node.body ? compile(node.body) : null);
    case 'object':
      return object(node.entries.map((entry) => ({ key: compile(entry.key), value: compile(entry.value) })));
    case 'call':
      return compileCall(node.name, node.args, (argument) => compile(argument), context);
  }
}

function variable(name: string, scope: Scope): Evaluator {
  const depth = scope.length - 1 - scope.lastIndexOf(name);
  if (depth === scope.length) throw new NotInFastPath(`the variable $${name}`);
  return single((_, frame) => {
    let current = frame!;
    for (let hop = 0; hop < depth; hop += 1) current = current.next!;
    return current.value;
  });
}

/** `f(value)` on each output; `f` may throw. */
function map(operand: Evaluator, f: (value: unknown) => unknown): Evaluator {
  const one = operand.one;
  if (one) {
    return single((input, frame) => {
      const value = one(input, frame);
      return value === NONE ? NONE : f(value);
    });
  }
  return { one: null, each: (input, frame, emit) => operand.each(input, frame, (value) => emit(f(value))) };
}

function pipe(left: Evaluator, right: Evaluator): Evaluator {
  const leftOne = left.one;
  const rightOne = right.one;
  if (leftOne && rightOne) {
    return single((input, frame) => {
      const value = leftOne(input, frame);
      return value === NONE ? NONE : rightOne(value, frame);
    });
  }
  return { one: null, each: (input, frame, emit) => left.each(input, frame, (value) => right.each(value, frame, emit)) };
}

function comma(left: Evaluator, right: Evaluator): Evaluator {
  return { one: null, each: (input, frame, emit) => left.each(input, frame, emit) || right.each(input, frame, emit) };
}

/** `.name`: the name is fixed, the target any expression. */
function field(target: Evaluator, name: string, isOptional: boolean): Evaluator {
  const read = isOptional
    ? (value: unknown) => {
        try {
          return fieldValue(value, name);
        } catch (error) {
          if (error instanceof JqFailure) return NONE;
          throw error;
        }
      }
    : (value: unknown) => fieldValue(value, name);
  if (target.one) return map(target, read);
  return { one: null, each: (input, frame, emit) => target.each(input, frame, (value) => {
    const result = read(value);
    return result === NONE ? false : emit(result);
  }) };
}

/** `T[k]`: the key is evaluated first (the outer loop), both against the input. */
function index(target: Evaluator, key: Evaluator, isOptional: boolean): Evaluator {
  const read = (value: unknown, k: unknown) => {
    if (!isOptional) return indexValue(value, k);
    try {
      return indexValue(value, k);
    } catch (error) {
      if (error instanceof JqFailure) return NONE;
      throw error;
    }
  };
  return combine(target, key, read);
}

function iterate(target: Evaluator, isOptional: boolean): Evaluator {
  return {
    one: null,
    each: (input, frame, emit) => target.each(input, frame, (value) => (isOptional && !isIterable(value) ? false : iterateValue(value, emit))),
  };
}

/**
 * `f(left, right)` over every pair of outputs, the right side being the outer loop and evaluated
 * first (jq's order for binary operators and for `T[k]`, whose key plays the right side). `f` may
 * return NONE for no output.
 */
function combine(left: Evaluator, right: Evaluator, f: (left: unknown, right: unknown) => unknown): Evaluator {
  const leftOne = left.one;
  const rightOne = right.one;
  if (leftOne && rightOne) {
    return single((input, frame) => {
      const r = rightOne(input, frame);
      if (r === NONE) return NONE;
      const l = leftOne(input, frame);
      return l === NONE ? NONE : f(l, r);
    });
  }
  return {
    one: null,
    each: (input, frame, emit) =>
      right.each(input, frame, (r) =>
        left.each(input, frame, (l) => {
          const result = f(l, r);
          return result === NONE ? false : emit(result);
        }),
      ),
  };
}

/** `and` / `or`: the left side is the outer loop; a decided left side skips the right. */
function logical(left: Evaluator, right: Evaluator, isAnd: boolean): Evaluator {
  const leftOne = left.one;
  const rightOne = right.one;
  if (leftOne && rightOne) {
    return single((input, frame) => {
      const l = leftOne(input, frame);
      if (l === NONE) return NONE;
      if (isTruthy(l) !== isAnd) return !isAnd;
      const r = rightOne(input, frame);
      return r === NONE ? NONE : isTruthy(r);
    });
  }
  return {
    one: null,
    each: (input, frame, emit) =>
      left.each(input, frame, (l) => (isTruthy(l) !== isAnd ? emit(!isAnd) : right.each(input, frame, (r) => emit(isTruthy(r))))),
  };
}

/** `a // b`: a's truthy outputs, or when there is none, b's outputs. jq 1.8 lets a's errors through. */
function alternative(left: Evaluator, right: Evaluator): Evaluator {
  const leftOne = left.one;
  const rightOne = right.one;
  if (leftOne && rightOne) {
    return single((input, frame) => {
      const value = leftOne(input, frame);
      return value !== NONE && isTruthy(value) ? value : rightOne(input, frame);
    });
  }
  return {
    one: null,
    each: (input, frame, emit) => {
      let isFound = false;
      const isStopped = left.each(input, frame, (value) => {
        if (!isTruthy(value)) return false;
        isFound = true;
        return emit(value);
      });
      if (isStopped || isFound) return isStopped;
      return right.each(input, frame, emit);
    },
  };
}

/** An error raised downstream of a `try`, carried through it untouched (jq's try guards only its body). */
class Downstream {
  constructor(readonly error: unknown) {}
}

/** `try body catch handler` and `body?`: the body's outputs until it fails, then the handler's outputs for jq's message. */
function tryCatch(body: Evaluator, handler: Evaluator | null): Evaluator {
  const bodyOne = body.one;
  const handlerOne = handler ? handler.one : () => NONE;
  if (bodyOne && handlerOne) {
    return single((input, frame) => {
      try {
        return bodyOne(input, frame);
      } catch (error) {
        if (!(error instanceof JqFailure)) throw error;
        return handlerOne(error.message, frame);
      }
    });
  }
  return {
    one: null,
    each: (input, frame, emit) => {
      const guarded: Emit = (value) => {
        try {
          return emit(value);
        } catch (error) {
          throw new Downstream(error);
        }
      };
      try {
        return body.each(input, frame, guarded);
      } catch (error) {
        if (error instanceof Downstream) throw error.error;
        if (!(error instanceof JqFailure)) throw error;
        return handler ? handler.each(error.message, frame, emit) : false;
      }
    },
  };
}

function conditional(condition: Evaluator, then: Evaluator, otherwise: Evaluator): Evaluator {
  const conditionOne = condition.one;
  const thenOne = then.one;
  const otherwiseOne = otherwise.one;
  if (conditionOne && thenOne && otherwiseOne) {
    return single((input, frame) => {
      const test = conditionOne(input, frame);
      if (test === NONE) return NONE;
      return isTruthy(test) ? thenOne(input, frame) : otherwiseOne(input, frame);
    });
  }
  return {
    one: null,
    each: (input, frame, emit) => condition.each(input, frame, (test) => (isTruthy(test) ? then : otherwise).each(input, frame, emit)),
  };
}

function bind(source: Evaluator, body: Evaluator): Evaluator {
  const sourceOne = source.one;
  const bodyOne = body.one;
  if (sourceOne && bodyOne) {
    return single((input, frame) => {
      const value = sourceOne(input, frame);
      return value === NONE ? NONE : bodyOne(input, { value, next: frame });
    });
  }
  return { one: null, each: (input, frame, emit) => source.each(input, frame, (value) => body.each(input, { value, next: frame }, emit)) };
}

/** `[body]`: every output of the body, in one new array. */
function collect(body: Evaluator | null): Evaluator {
  if (!body) return single(() => []);
  const bodyOne = body.one;
  if (bodyOne) {
    return single((input, frame) => {
      const value = bodyOne(input, frame);
      return value === NONE ? [] : [value];
    });
  }
  return single((input, frame) => {
    const values: unknown[] = [];
    body.each(input, frame, (value) => {
      values.push(value);
      return false;
    });
    return values;
  });
}

/** `"a\(e)b"`: jq folds the parts with `+`, so the last expression is the outer loop and evaluated first. */
function interpolation(parts: Array<string | Evaluator>): Evaluator {
  if (parts.every((part) => typeof part === 'string' || part.one)) {
    const ones = parts.map((part) => (typeof part === 'string' ? part : part.one!));
    return single((input, frame) => {
      const texts: string[] = new Array(ones.length);
      for (let position = ones.length - 1; position >= 0; position -= 1) {
        const part = ones[position]!;
        if (typeof part === 'string') {
          texts[position] = part;
          continue;
        }
        const value = part(input, frame);
        if (value === NONE) return NONE;
        texts[position] = textOf(value);
      }
      return texts.join('');
    });
  }
  const fill = (position: number, suffix: string, input: unknown, frame: Frame | null, emit: Emit): boolean => {
    if (position < 0) return emit(suffix);
    const part = parts[position]!;
    if (typeof part === 'string') return fill(position - 1, part + suffix, input, frame, emit);
    return part.each(input, frame, (value) => fill(position - 1, textOf(value) + suffix, input, frame, emit));
  };
  return { one: null, each: (input, frame, emit) => fill(parts.length - 1, '', input, frame, emit) };
}

/** `{k: v, ...}`: every combination of the entries' outputs, the first entry being the outer loop. */
function object(entries: Array<{ key: Evaluator; value: Evaluator }>): Evaluator {
  if (entries.every((entry) => entry.key.one && entry.value.one)) {
    const ones = entries.map((entry) => ({ key: entry.key.one!, value: entry.value.one! }));
    return single((input, frame) => {
      const result: Record<string, unknown> = {};
      for (const entry of ones) {
        const key = entry.key(input, frame);
        if (key === NONE) return NONE;
        checkKey(key);
        const value = entry.value(input, frame);
        if (value === NONE) return NONE;
        setOwn(result, key as string, value);
      }
      return noteBuiltObject(result);
    });
  }
  const fill = (position: number, pairs: Array<[string, unknown]>, input: unknown, frame: Frame | null, emit: Emit): boolean => {
    if (position === entries.length) {
      const result: Record<string, unknown> = {};
      for (const [key, value] of pairs) setOwn(result, key, value);
      return emit(noteBuiltObject(result));
    }
    const entry = entries[position]!;
    return entry.key.each(input, frame, (key) => {
      checkKey(key);
      return entry.value.each(input, frame, (value) => fill(position + 1, [...pairs, [key as string, value]], input, frame, emit));
    });
  };
  return { one: null, each: (input, frame, emit) => fill(0, [], input, frame, emit) };
}

function checkKey(key: unknown): void {
  if (typeof key !== 'string') throw new JqFailure(`Cannot use ${errorOperand(key)} as object key`);
}
