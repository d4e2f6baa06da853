import type { ChangeAction } from './plan-document.js';
import { isSameValue } from './render-values.js';
import { type Entity, entityAttributes } from '../model/index.js';

/** One attribute a change sets, removes or changes. */
export type AttributeChange =
  | { action: 'add'; name: string; value: unknown }
  | { action: 'remove'; name: string; value: unknown }
  | { action: 'update'; name: string; before: unknown; after: unknown };

/** What a change does to an entity's attributes, in display order, and how many it leaves as they are. */
export interface AttributeDiff {
  changes: AttributeChange[];
  unchanged: number;
}

/**
 * The attributes a planned change writes, for display: a create sets its non-null attributes, a delete
 * removes its non-null attributes, an update lists those added, changed and (last) removed.
 */
export function diffAttributes(action: ChangeAction, before: Entity | null, after: Entity | null): AttributeDiff {
  const changes: AttributeChange[] = [];
  const isSet = (value: unknown) => value !== null && value !== undefined;
  if (action === 'create') {
    for (const [name, value] of entityAttributes(after)) if (isSet(value)) changes.push({ action: 'add', name, value });
    return { changes, unchanged: 0 };
  }
  if (action === 'delete') {
    for (const [name, value] of entityAttributes(before)) if (isSet(value)) changes.push({ action: 'remove', name, value });
    return { changes, unchanged: 0 };
  }
  const old = entityAttributes(before);
  const next = entityAttributes(after);
  let unchanged = 0;
  for (const [name, value] of next) {
    if (!old.has(name)) changes.push({ action: 'add', name, value });
    else if (isSameValue(old.get(name), value)) unchanged++;
    else changes.push({ action: 'update', name, before: old.get(name), after: value });
  }
  for (const [name, value] of old) if (!next.has(name)) changes.push({ action: 'remove', name, value });
  return { changes, unchanged };
}
