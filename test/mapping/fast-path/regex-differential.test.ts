import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { loadJqEngine } from '../../../src/mapping/index.js';
import { compileFastStream } from './fast-streams.js';
import { ODD_STRINGS } from './generate-json.js';
import { runJqStreams } from './jq-reference.js';

const engine = await loadJqEngine();

/** Patterns the translation takes: each must behave as in Oniguruma. */
const TRANSLATED = [
  'a', '^a', 'a$', '^$', '.', '.*', '.+?', 'a|b', '(a|b)+', '[a-z]+', '[^a-z]', '[-a]', '[a-]', '[.]', '[a-c-e]', '\\d+', '\\D', '\\w+', '\\W', '\\s', '\\S+',
  '\\bb', '\\Bo', '\\.', '\\-', '\\:', '\\"', '\\ ', 'x{2}', 'a{2,}', 'a{1,3}?', '(?<y>\\d{4})-(?<m>\\d{2})', '(?<a>a)?(?<b>b)?', '(?:ab)*c', 'a(?=b)', 'a(?!b)',
  '(?<=a)b', '(?<!a)b', '\\Aab', 'ab\\z', '\\n\\Z', 'k\\Z', '[😀-🙏]', 'é+', 'ß', '\\t', '\\n', '\\x41', '\\x7e', '[\\x30-\\x39]', '\\/', '\\$', '\\^', '\\|', '\\(\\)',
  '\\[x\\]', '\\{', '[\\d.]+', '[\\s,]', '[^\\s]', '[\\w-]+', '(?<w>\\w+)\\s(?<r>.*)', '.*\\.(?<region>[^\\.]+)\\.amazonaws\\.com', '^arn:aws:(?<service>[^:]+):', '',
  'x*', 'b|', '(?<e>)', '[é-ü]', 'Ε', '\\e', '\\a', '\\f', '\\r',
  // Optional named groups that match the empty string: Oniguruma keeps them as "", JavaScript drops them.
  '(?<x>a?)?b?', '(?<x>a*)?c', '(?<x>a?){0,1}b', '(?<x>a|)?b', '^(?<env>prod|)?-?(?<app>[a-z]+)$', '(?<x>a?)??b', '((?<x>a?))?b', '(?<x>(?<y>b?)?a?)?',
];

/** Runs of the generated-pattern property; AWS2PORT_FUZZ_RUNS sets a longer run. */
const GENERATED_RUNS = Number(process.env['AWS2PORT_FUZZ_RUNS'] ?? 150);

/**
 * Small patterns over `a`, `b` and `-` built from the constructs the translation takes, groups named
 * and not, optional (`?`, `??`, `{0,1}`) or not, whose bodies often match the empty string.
 */
function patternArbitrary(): fc.Arbitrary<string> {
  const names = ['x', 'y', 'z'];
  const { pattern } = fc.letrec<{ pattern: string; sequence: string; atom: string }>((tie) => ({
    pattern: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('sequence'), fc.tuple(tie('sequence'), tie('sequence')).map(([a, b]) => `${a}|${b}`)),
    sequence: fc.array(tie('atom'), { minLength: 1, maxLength: 3 }).map((atoms) => atoms.join('')),
    atom: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b', '-', '.', '[ab]', 'a?', 'b*', 'a+?', '^', '$'),
      fc.tuple(fc.constantFrom('(?:', '(?<n>'), tie('pattern'), fc.constantFrom('', '?', '??', '{0,1}', '{1}', '*', '+')).map(([open, body, quantifier]) => `${open}${body})${quantifier}`),
    ),
  }));
  // Distinct names, in order of appearance.
  return pattern.map((text) => {
    let next = 0;
    return text.replace(/\(\?<n>/g, () => `(?<${names[next++ % names.length]}${next > names.length ? next : ''}>`);
  });
}

/** Patterns the translation refuses (jq evaluates them): constructs JavaScript reads differently or not at all. */
const REFUSED = [
  '[]a]', 'a]', 'a}', 'a{,2}', '(?i)a', '(?x) a', 'a++', 'a*+', '(?>a)', '[[:alpha:]]', '[a&&b]', '[a[b]]', '\\p{L}', '\\h', '\\H', '(a)\\1', '\\k<n>', '\\x{41}',
  '\\u0041', '\\xe9', '\\K', '\\G', '\\R', '\\X', '(?<n>a)+', '(?:(?<n>a)|b)*', '\\0', '\\q', '(?#c)', '(?<1a>x)', '(?<n>a)(?<n>b)', '[\\b]', '\\v',
  '(a+)+$', '(?:a*b?)*c', '(x{2,})+',
];

const FLAGS = ['', 'g', 'i', 'gi', 'x', 'n', 's'];

/** The jq calls of a pattern: test, capture (all matches), sub with the capture object, gsub. */
function callsOf(pattern: string, flags: string): string[] {
  const p = JSON.stringify(pattern);
  const f = JSON.stringify(flags);
  return [`test(${p}; ${f})`, `[capture(${p}; ${f})]`, `sub(${p}; "[\\(.)]"; ${f})`, `gsub(${p}; "-"; ${f})`];
}

describe('jq regexes on the fast path, against jq 1.8.2 (Oniguruma)', () => {
  const inputs: unknown[] = [...ODD_STRINGS, 'ab', 'abab', 'aaa', 'xx', 'xxx', 'foo bar', 'Ab\nb\n', '2024-06', 'AB', 'k', 'a\n', null, 42, ['a']];

  it('matches, captures and replaces as Oniguruma does, for every pattern it translates', () => {
    let compared = 0;
    for (const pattern of TRANSLATED) {
      // Case-insensitive non-ASCII patterns are refused (Oniguruma folds case fully): see below.
      for (const flags of /^[\x00-\x7f]*$/.test(pattern) ? ['', 'g', 'i', 'gi'] : ['', 'g']) {
        for (const call of callsOf(pattern, flags)) {
          const fast = compileFastStream(engine, call);
          const expected = runJqStreams(engine, call, inputs);
          inputs.forEach((input, index) => {
            const actual = fast(input);
            if (actual === 'not proven') return;
            compared += 1;
            assert.deepEqual(actual, expected[index], `${call} on ${JSON.stringify(input)}`);
          });
        }
      }
    }
    assert.ok(compared > 15_000, `only ${compared} cases`);
  });

  it('agrees with Oniguruma on generated patterns, optional groups that match the empty string included', () => {
    const inputs = ['', 'a', 'b', 'ab', 'ba', 'aab', '-', 'a-b', 'bb-a'];
    fc.assert(
      fc.property(patternArbitrary(), (pattern) => {
        for (const call of callsOf(pattern, 'g')) {
          let fast;
          try {
            fast = compileFastStream(engine, call);
          } catch (error) {
            if ((error as Error).name === 'NotInFastPath') return;
            throw error;
          }
          const expected = runJqStreams(engine, call, inputs);
          inputs.forEach((input, index) => {
            const actual = fast(input);
            if (actual !== 'not proven') assert.deepEqual(actual, expected[index], `${call} on ${JSON.stringify(input)}`);
          });
        }
      }),
      { numRuns: GENERATED_RUNS, seed: 11 },
    );
  });

  it('classifies every character of the first 12,544 code points (and the odd spaces) as Oniguruma does for . \\s \\S', () => {
    const characters: string[] = [];
    for (let code = 0; code < 0x3100; code += 1) if (code < 0xd800 || code > 0xdfff) characters.push(String.fromCodePoint(code));
    characters.push('\ufeff', '\u{1f600}', '\u{10ffff}', '\u{e0020}');
    for (const pattern of ['.', '\\s', '\\S', '[^\\s]', '^\\s$']) {
      const call = `map(test(${JSON.stringify(pattern)}))`;
      const expected = runJqStreams(engine, call, [characters])[0]!;
      assert.deepEqual(compileFastStream(engine, call)(characters), expected, pattern);
    }
  });

  it('leaves to jq the patterns and flags it cannot translate exactly', () => {
    for (const pattern of REFUSED) {
      assert.throws(() => compileFastStream(engine, `test(${JSON.stringify(pattern)})`), { name: 'NotInFastPath' }, pattern);
    }
    for (const flags of FLAGS.filter((flag) => !/^[gi]*$/.test(flag))) {
      assert.throws(() => compileFastStream(engine, `test("a"; ${JSON.stringify(flags)})`), { name: 'NotInFastPath' }, flags);
    }
    assert.throws(() => compileFastStream(engine, 'test("ß"; "i")'), { name: 'NotInFastPath' });
  });

  it('leaves to jq a pattern jq refuses, so that jq reports its own error', () => {
    assert.throws(() => compileFastStream(engine, 'test("(")'), { name: 'NotInFastPath' });
    assert.throws(() => compileFastStream(engine, 'test("a"; "q")'), { name: 'NotInFastPath' });
  });

  it('declines, item by item, what it cannot prove: \\w \\d \\b and i on non-ASCII text, empty global matches on non-ASCII text', () => {
    const word = compileFastStream(engine, 'test("\\\\w")');
    const empty = compileFastStream(engine, 'gsub(""; "-")');

    assert.equal(word('données'), 'not proven');
    assert.deepEqual(word('plain'), { outputs: ['true'], error: null });
    assert.equal(empty('é'), 'not proven');
    assert.deepEqual(empty('ab'), { outputs: ['"-a-b-"'], error: null });
  });
});
