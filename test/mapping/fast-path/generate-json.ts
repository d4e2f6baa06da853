/** Strings that exercise the fast path: empty, unicode (astral too), regex metacharacters, numbers as text, domains, ARNs. */
export const ODD_STRINGS = [
  '',
  'a',
  'abc',
  'ABC def',
  'x.eu-west-1.amazonaws.com',
  'bucket.s3.us-east-1.amazonaws.com',
  'arn:aws:s3:::my-bucket',
  'arn:aws:ecs:eu-west-1:111111111111:cluster/prod',
  '2023-11-14 22:13:20.123000+00:00',
  '42',
  '-7',
  '1.5',
  '0',
  '1e3',
  'a,b,,c,',
  ',',
  'line\nbreak\n',
  'tab\there',
  ' spaced ',
  'données',
  'Straße',
  'ÉCOLE',
  'データ',
  'Ελλάδα',
  'team 🚀',
  '😀😀',
  '\u007f\u0001',
  'quote " and \\ backslash',
  'a.b*c+d?(e)[f]{g}|h^i$j',
  'İstanbul',
  'ǅ',
  'aaa',
  'key',
  'Key',
  'name',
  'value',
  '٣٤',
  '\u00a0nbsp\u2028',
] as const;

/** Numbers that exercise jq's printing and arithmetic: integers, negatives, fractions, large and tiny. */
export const ODD_NUMBERS = [0, 1, -1, 2, 42, -7, 0.5, 1.5, -2.25, 0.1, 3, 100, 1e15, 9007199254740993, 1e17, 1e21, 1.5e300, 1e-5, 1e-7, 0.0001, 123456789.125, 255] as const;

/**
 * Generated JSON values for differential tests, from a seeded generator: nulls, booleans, the odd
 * numbers and strings, arrays (nested, of tags `{Key, Value}`, of entries), and objects with keys
 * that expressions look for (`a`, `b`, `c`, `key`, `Value`...), sometimes missing.
 */
export class JsonGenerator {
  constructor(readonly random: () => number) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** Any value, at most `depth` levels of nesting. */
  value(depth = 2): unknown {
    const roll = this.random();
    if (roll < 0.08) return null;
    if (roll < 0.14) return this.chance(0.5);
    if (roll < 0.32) return this.pick(ODD_NUMBERS);
    if (roll < 0.62 || depth <= 0) return this.pick(ODD_STRINGS);
    if (roll < 0.78) return this.array(depth - 1);
    return this.object(depth - 1);
  }

  array(depth: number): unknown[] {
    const roll = this.random();
    const length = Math.floor(this.random() * 4);
    if (roll < 0.25) return Array.from({ length }, () => ({ Key: this.pick(ODD_STRINGS), Value: this.value(0) }));
    if (roll < 0.4) return Array.from({ length }, () => this.pick(ODD_STRINGS));
    if (roll < 0.5) return Array.from({ length }, () => this.pick(ODD_NUMBERS));
    return Array.from({ length }, () => this.value(depth));
  }

  object(depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (const key of ['a', 'b', 'c', 'key', 'Key', 'value', 'Value', 'name', 'Name', 'é', '0', 'constructor']) {
      if (this.chance(key.length === 1 && key <= 'c' ? 0.7 : 0.12)) object[key] = this.value(depth);
    }
    return object;
  }

  /** An input for expressions over `.a`, `.b`, `.c`: mostly objects, sometimes anything. */
  input(): unknown {
    return this.chance(0.85) ? this.object(2) : this.value(2);
  }
}
