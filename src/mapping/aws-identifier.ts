import type { RawItem } from '../aws/index.js';

/**
 * The AWS identifier an item's entities are recorded under, and which their address conflicts are
 * ordered by: Cloud Control's `Identifier`, or an Organizations account's `Id`; null when the item
 * carries neither (an item saved by hand and given to `map`).
 */
export function awsIdentifierOf(item: RawItem): string | null {
  if (typeof item.Identifier === 'string') return item.Identifier;
  return typeof item.Id === 'string' ? item.Id : null;
}
