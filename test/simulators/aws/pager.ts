import { createHmac, randomBytes } from 'node:crypto';
import type { AwsError } from './aws-error.js';

/** How a listing is cut into pages. */
export interface PageShape {
  /** Items per page. */
  pageSize: number;
  /** Every this-many-th page is empty but still carries a NextToken, as real AWS sometimes answers; 0: never. */
  emptyPageEvery: number;
}

/** One page of a listing; `nextToken` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

interface Cursor {
  /** The listing the token belongs to (service, caller scope and arguments). */
  l: string;
  /** Sort key of the last item already returned; null before the first. */
  a: string | null;
  /** Number of the page this token asks for, from 1. */
  n: number;
}

/**
 * Pages through sorted listings with opaque, tamper-proof tokens. A token remembers the last key
 * returned rather than an offset, so adding or removing items between pages neither repeats nor
 * skips the others.
 */
export class Pager {
  readonly #secret = randomBytes(16);

  /**
   * The page `token` asks for (the first when undefined) of `sorted`, whose items are in ascending
   * `keyOf` order. `listing` names the listing; a token from another listing, or one not made
   * here, throws `invalidToken`.
   */
  page<T>(sorted: readonly T[], keyOf: (item: T) => string, listing: string, token: string | undefined, shape: PageShape, invalidToken: AwsError): Page<T> {
    const cursor = token === undefined ? { l: listing, a: null, n: 1 } : this.#decode(token);
    if (!cursor || cursor.l !== listing) throw invalidToken;
    const start = cursor.a === null ? 0 : firstAfter(sorted, keyOf, cursor.a);
    if (start >= sorted.length) return { items: [] };
    if (shape.emptyPageEvery > 0 && cursor.n % shape.emptyPageEvery === 0) {
      return { items: [], nextToken: this.#encode({ ...cursor, n: cursor.n + 1 }) };
    }
    const items = sorted.slice(start, start + shape.pageSize);
    if (start + items.length >= sorted.length) return { items };
    return { items, nextToken: this.#encode({ l: listing, a: keyOf(items[items.length - 1] as T), n: cursor.n + 1 }) };
  }

  #encode(cursor: Cursor): string {
    const payload = Buffer.from(JSON.stringify(cursor)).toString('base64url');
    return `${payload}.${this.#tag(payload)}`;
  }

  #decode(token: string): Cursor | undefined {
    const [payload, tag, extra] = token.split('.');
    if (payload === undefined || extra !== undefined || tag !== this.#tag(payload)) return undefined;
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Cursor;
  }

  #tag(payload: string): string {
    return createHmac('sha256', this.#secret).update(payload).digest('base64url').slice(0, 22);
  }
}

/** Index of the first item whose key sorts after `key` (binary search). */
function firstAfter<T>(sorted: readonly T[], keyOf: (item: T) => string, key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keyOf(sorted[mid] as T) <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Sorts `items` in place in the key order `Pager.page` expects (code-unit order, not locale order). */
export function sortByKey<T>(items: T[], keyOf: (item: T) => string): T[] {
  return items.sort((x, y) => {
    const a = keyOf(x);
    const b = keyOf(y);
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
