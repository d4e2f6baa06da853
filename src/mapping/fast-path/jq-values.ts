/**
 * jq's view of JSON values held as JavaScript values: null, booleans, numbers (doubles), strings,
 * arrays and plain objects. Strings compare by code point, as jq compares their UTF-8 bytes.
 */

/** A value's jq type name: `null`, `boolean`, `number`, `string`, `array` or `object`. */
export function jqType(value: unknown): string {
  if (value === null) return 'null';
  const type = typeof value;
  if (type === 'object') return Array.isArray(value) ? 'array' : 'object';
  return type;
}

/** jq truthiness: everything but null and false. */
export function isTruthy(value: unknown): boolean {
  return value !== null && value !== false;
}

/** A plain (non-array) object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `object`, or null: never an inherited one such as `constructor` or `__proto__`. */
export function ownValue(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : null;
}

/** Sets `key` as an own property, even `__proto__`, which plain assignment would turn into a prototype change. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * Objects the fast path built whose key order may differ from jq's: JavaScript lists array-index keys
 * (`"0"`, `"42"`) first, whatever the order they were inserted in, where jq keeps insertion order.
 * Input objects are not in it: jq reads them from their JSON.stringify text, in JavaScript's order.
 */
const REORDERED = new WeakSet<object>();

/** True when `object`'s key order may differ from jq's (see REORDERED): operations that expose it cannot be proven. */
export function isKeyOrderUncertain(object: Record<string, unknown>): boolean {
  return REORDERED.has(object);
}

/**
 * Records that the fast path built `object` by inserting keys in an order JavaScript may not keep:
 * when it has an array-index key, its order is uncertain from then on. Returns `object`.
 */
export function noteBuiltObject<T extends Record<string, unknown>>(object: T): T {
  if (hasIndexLikeKey(object)) REORDERED.add(object);
  return object;
}

/** True when some key of `object` is an array index (JavaScript enumerates those first, so the first key tells). */
export function hasIndexLikeKey(object: Record<string, unknown>): boolean {
  for (const key in object) {
    const first = key.charCodeAt(0);
    return first >= 48 && first <= 57 && String(Number(key) >>> 0) === key && key !== '4294967295';
  }
  return false;
}

/** jq's order of strings: by code point (UTF-16 order differs above U+D7FF). */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const x = a.charCodeAt(index);
    const y = b.charCodeAt(index);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x - y;
    return (a.codePointAt(index) ?? 0) - (b.codePointAt(index) ?? 0);
  }
  return a.length - b.length;
}

/** jq's type rank in its total order: null < false < true < numbers < strings < arrays < objects. */
function rank(value: unknown): number {
  if (value === null) return 0;
  switch (typeof value) {
    case 'boolean':
      return value ? 2 : 1;
    case 'number':
      return 3;
    case 'string':
      return 4;
    default:
      return Array.isArray(value) ? 5 : 6;
  }
}

/** jq's total order of values (`sort`, `<`): negative, zero or positive. */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 3:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 4:
      return compareStrings(a as string, b as string);
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    case 6:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    default:
      return 0;
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    const order = compareValues(a[index], b[index]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Objects compare by their sorted key lists first, then by their values in that key order. */
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const keysA = sortedKeys(a);
  const keysB = sortedKeys(b);
  const order = compareArrays(keysA, keysB);
  if (order !== 0) return order;
  for (const key of keysA) {
    const valueOrder = compareValues(a[key], b[key]);
    if (valueOrder !== 0) return valueOrder;
  }
  return 0;
}

/** An object's keys in jq's order (`keys`): by code point. */
export function sortedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).sort(compareStrings);
}

/** jq's `==`: deep equality, objects regardless of key order. */
export function isEqualValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!isEqualValue(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const objectA = a as Record<string, unknown>;
  const objectB = b as Record<string, unknown>;
  const keys = Object.keys(objectA);
  if (keys.length !== Object.keys(objectB).length) return false;
  for (const key of keys) if (!Object.hasOwn(objectB, key) || !isEqualValue(objectA[key], objectB[key])) return false;
  return true;
}
