import type { PropertyRefusal } from '../mapping/index.js';
import type { ValueRefusalEntry } from './plan-document.js';
import type { Scope } from '../model/index.js';

/** Entities named per blueprint and property in a plan's `value_refusals`; the mapping issues count them all. */
export const VALUE_REFUSALS_PER_PROPERTY = 100;

/**
 * Collects the values Port would refuse, entity by entity, up to VALUE_REFUSALS_PER_PROPERTY per
 * blueprint and property, so a mapping that breaks a blueprint for 100k entities does not fill memory.
 */
export class ValueRefusalLog {
  private readonly entries: ValueRefusalEntry[] = [];
  private readonly countByProperty = new Map<string, number>();

  add(blueprint: string, address: string, refusals: readonly PropertyRefusal[], scope: Scope, awsIdentifier: string | null): void {
    for (const refusal of refusals) {
      const key = `${blueprint}\u0000${refusal.property}`;
      const count = this.countByProperty.get(key) ?? 0;
      this.countByProperty.set(key, count + 1);
      if (count >= VALUE_REFUSALS_PER_PROPERTY) continue;
      this.entries.push({
        address,
        property: refusal.property,
        value: refusal.value ?? null,
        schema: refusal.schema ?? null,
        rule: refusal.rule,
        message: refusal.message,
        scope,
        aws_identifier: awsIdentifier,
      });
    }
  }

  /** The entries, by address then property. */
  list(): ValueRefusalEntry[] {
    return [...this.entries].sort((a, b) => compare(a.address, b.address) || compare(a.property, b.property));
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
