import type { Estate, EstateResource } from './estate.js';
import { sortByKey } from './pager.js';

/** Region wildcard of `EstateIndex`: every region of the account. */
export const ALL_REGIONS = '*';

/** The order resources are listed in: by identifier, then region. */
export function resourceSortKey(resource: EstateResource): string {
  return `${resource.identifier}\u0000${resource.region}`;
}

/**
 * Lookups of the estate's resources by scope and by identifier, so that large estates list and get
 * in constant time. Rebuilt when `estate.resources` is replaced, changes length, or `changed()` is
 * called; edits to a resource's `properties` show without any of these.
 */
export class EstateIndex {
  #source: EstateResource[] | undefined;
  #sourceLength = -1;
  #builtVersion = -1;
  #version = 0;
  readonly #scopes = new Map<string, EstateResource[]>();
  readonly #byIdentifier = new Map<string, EstateResource>();

  /** Says that resources were replaced or moved in place, which the index cannot notice by itself. */
  changed(): void {
    this.#version += 1;
  }

  /** The resources of `type` in `account` and `region` (or `ALL_REGIONS`), in `resourceSortKey` order. */
  list(estate: Estate, type: string, account: string, region: string): readonly EstateResource[] {
    this.#refresh(estate);
    return this.#scopes.get(scopeKey(type, account, region)) ?? [];
  }

  /** The resource `identifier` of `type` in `account` and `region` (or `ALL_REGIONS`). */
  find(estate: Estate, type: string, account: string, region: string, identifier: string): EstateResource | undefined {
    this.#refresh(estate);
    return this.#byIdentifier.get(`${scopeKey(type, account, region)}\u0000${identifier}`);
  }

  #refresh(estate: Estate): void {
    const resources = estate.resources;
    if (resources === this.#source && resources.length === this.#sourceLength && this.#version === this.#builtVersion) return;
    this.#scopes.clear();
    this.#byIdentifier.clear();
    for (const resource of resources) {
      for (const region of [resource.region, ALL_REGIONS]) {
        const key = scopeKey(resource.type, resource.account, region);
        const scope = this.#scopes.get(key);
        if (scope) scope.push(resource);
        else this.#scopes.set(key, [resource]);
        const idKey = `${key}\u0000${resource.identifier}`;
        if (!this.#byIdentifier.has(idKey)) this.#byIdentifier.set(idKey, resource);
      }
    }
    for (const scope of this.#scopes.values()) sortByKey(scope, resourceSortKey);
    this.#source = resources;
    this.#sourceLength = resources.length;
    this.#builtVersion = this.#version;
  }
}

function scopeKey(type: string, account: string, region: string): string {
  return `${type}\u0000${account}\u0000${region}`;
}
