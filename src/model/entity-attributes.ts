import type { Entity } from './entity.js';

/** An entity as `(name, value)` pairs in display order: title, icon, team, properties.*, relations.*. */
export function entityAttributes(entity: Entity | null): Map<string, unknown> {
  const attributes = new Map<string, unknown>();
  if (!entity) return attributes;
  attributes.set('title', entity.title);
  attributes.set('icon', entity.icon);
  attributes.set('team', entity.team);
  for (const [name, value] of Object.entries(entity.properties ?? {})) attributes.set(`properties.${name}`, value);
  for (const [name, value] of Object.entries(entity.relations ?? {})) attributes.set(`relations.${name}`, value);
  return attributes;
}
