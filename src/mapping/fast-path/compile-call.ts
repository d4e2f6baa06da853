import type { CompileContext } from './compile-node.js';
import { dumpValue, textOf } from './dump-jq-value.js';
import { NONE, firstOutput, single, type Evaluator } from './evaluator.js';
import type { JqNode } from './jq-ast.js';
import {
  addValues,
  affixTest,
  asciiCase,
  fromEntries,
  hasKey,
  joinValues,
  keysOf,
  lengthOf,
  splitText,
  toEntries,
  toNumber,
  trimAffix,
} from './jq-builtin-functions.js';
import { indexValue, iterateValue } from './jq-paths.js';
import { captureRegex, substituteRegex, testRegex } from './jq-regex.js';
import { isTruthy, jqType } from './jq-values.js';
import { NotInFastPath } from './not-in-fast-path.js';
import { translateOnigRegex, type TranslatedRegex } from './translate-onig-regex.js';

/** Functions of one value, by `name/arity`. */
const VALUE_FUNCTIONS: Record<string, (input: unknown) => unknown> = {
  'not/0': (input) => !isTruthy(input),
  'length/0': lengthOf,
  'keys/0': (input) => keysOf(input, true),
  'keys_unsorted/0': (input) => keysOf(input, false),
  'type/0': jqType,
  'tostring/0': textOf,
  'tojson/0': dumpValue,
  'tonumber/0': toNumber,
  'ascii_downcase/0': (input) => asciiCase(input, false),
  'ascii_upcase/0': (input) => asciiCase(input, true),
  'add/0': addValues,
  'first/0': (input) => indexValue(input, 0),
  'last/0': (input) => indexValue(input, -1),
  'to_entries/0': toEntries,
  'from_entries/0': fromEntries,
  'values/0': (input) => (input === null ? NONE : input),
};

/** Functions of the input and one `$argument` (evaluated first, against the input). */
const ARGUMENT_FUNCTIONS: Record<string, (input: unknown, argument: unknown) => unknown> = {
  'has/1': hasKey,
  'split/1': splitText,
  'join/1': joinValues,
  'startswith/1': (input, affix) => affixTest(input, affix, false),
  'endswith/1': (input, affix) => affixTest(input, affix, true),
  'ltrimstr/1': (input, affix) => trimAffix(input, affix, false),
  'rtrimstr/1': (input, affix) => trimAffix(input, affix, true),
};

/**
 * Compiles a call to a jq builtin the fast path knows (see VALUE_FUNCTIONS, ARGUMENT_FUNCTIONS and the
 * filter-taking and regex builtins below). Refuses other names, and arguments it cannot evaluate
 * without streams: `$arguments` must yield at most one value, regexes and flags must be literals.
 */
export function compileCall(name: string, args: JqNode[], compile: (node: JqNode) => Evaluator, context: CompileContext): Evaluator {
  const signature = `${name}/${args.length}`;
  const valueFunction = VALUE_FUNCTIONS[signature];
  if (valueFunction) return single((input) => valueFunction(input));
  const argumentFunction = ARGUMENT_FUNCTIONS[signature];
  if (argumentFunction) {
    const argument = compile(args[0]!).one;
    if (!argument) throw new NotInFastPath(`${signature} with an argument that yields several values`);
    return single((input, frame) => {
      const value = argument(input, frame);
      return value === NONE ? NONE : argumentFunction(input, value);
    });
  }
  switch (signature) {
    case 'empty/0':
      return { one: () => NONE, each: () => false };
    case 'select/1':
      return select(compile(args[0]!));
    case 'map/1':
      return mapElements(compile(args[0]!));
    case 'with_entries/1': {
      const f = mapElements(compile(args[0]!));
      return single((input, frame) => fromEntries(f.one!(toEntries(input), frame)));
    }
    case 'first/1': {
      const body = compile(args[0]!);
      return { one: (input, frame) => firstOutput(body, input, frame), each: (input, frame, emit) => {
        let isStopped = false;
        body.each(input, frame, (value) => {
          isStopped = emit(value);
          return true;
        });
        return isStopped;
      } };
    }
    case 'test/1':
    case 'test/2': {
      const regex = regexOf(args, context, '');
      return single((input) => testRegex(regex, input));
    }
    case 'capture/1':
    case 'capture/2':
      return capture(regexOf(args, context, ''));
    case 'sub/2':
    case 'sub/3':
    case 'gsub/2':
    case 'gsub/3':
      return substitute(regexOf([args[0]!, ...args.slice(2)], context, name === 'gsub' ? 'g' : ''), compile(args[1]!));
    default:
      throw new NotInFastPath(`the function ${signature}`);
  }
}

/** `select(f)`: the input once per truthy output of f. */
function select(condition: Evaluator): Evaluator {
  const conditionOne = condition.one;
  if (conditionOne) {
    return single((input, frame) => {
      const test = conditionOne(input, frame);
      return test !== NONE && isTruthy(test) ? input : NONE;
    });
  }
  return { one: null, each: (input, frame, emit) => condition.each(input, frame, (test) => (isTruthy(test) ? emit(input) : false)) };
}

/** `map(f)`: `[.[] | f]`. */
function mapElements(f: Evaluator): Evaluator {
  return single((input, frame) => {
    const results: unknown[] = [];
    iterateValue(input, (element) =>
      f.each(element, frame, (value) => {
        results.push(value);
        return false;
      }),
    );
    return results;
  });
}

function capture(regex: TranslatedRegex): Evaluator {
  if (!regex.isGlobal) {
    return single((input) => captureRegex(regex, input)[0] ?? NONE);
  }
  return {
    one: null,
    each: (input, _frame, emit) => {
      for (const object of captureRegex(regex, input)) if (emit(object)) return true;
      return false;
    },
  };
}

function substitute(regex: TranslatedRegex, replacement: Evaluator): Evaluator {
  const replacementOne = replacement.one;
  if (!replacementOne) throw new NotInFastPath('a sub replacement that yields several values');
  return single((input, frame) => substituteRegex(regex, input, (capture) => replacementOne(capture, frame)));
}

/**
 * The regex of a `test`/`capture`/`sub` call: a string literal, with literal flags (a string or
 * null) when given, plus `extraFlags` (gsub's `g`). jq must accept it: an Oniguruma syntax error is
 * jq's to report, on every item.
 */
function regexOf(args: JqNode[], context: CompileContext, extraFlags: string): TranslatedRegex {
  const [patternNode, flagsNode] = args;
  if (patternNode?.kind !== 'literal' || typeof patternNode.value !== 'string') throw new NotInFastPath('a regex that is not a string literal');
  if (flagsNode && (flagsNode.kind !== 'literal' || (flagsNode.value !== null && typeof flagsNode.value !== 'string'))) {
    throw new NotInFastPath('regex flags that are not a string literal');
  }
  const flags = `${(flagsNode as { value?: string | null } | undefined)?.value ?? ''}${extraFlags}`;
  if (!context.isRegexAccepted(patternNode.value, flags)) throw new NotInFastPath('a regex jq refuses');
  return translateOnigRegex(patternNode.value, flags);
}
