import type { Entity } from '../model/index.js';
import type { PortEntity } from '../port/index.js';
import type { WrittenFields } from './blueprints-to-rebuild.js';

/**
 * The entity aws2port would have written for what Port holds, in the shape the mapping emits, so that
 * its body (serializeEntity) equals the one a run maps from AWS when nothing changed. Port leaves out
 * a null title or icon, answers `team` as a list (an empty one for none: null, as the mapping emits
 * when no team is mapped), and may order keys its own way: properties and relations are put in the
 * order the config's mapping writes them, then any others in Port's order.
 */
export function entityHeldByPort(held: PortEntity, fields: WrittenFields | undefined): Entity {
  return {
    identifier: held.identifier,
    title: held.title ?? null,
    icon: held.icon ?? null,
    team: teamHeld(held.team),
    properties: inWrittenOrder(held.properties ?? {}, fields?.properties ?? []),
    relations: inWrittenOrder(held.relations ?? {}, fields?.relations ?? []),
  };
}

function teamHeld(team: PortEntity['team']): Entity['team'] {
  if (team === undefined || team === null) return null;
  if (Array.isArray(team)) return team.length === 0 ? null : team;
  return team;
}

function inWrittenOrder(held: Record<string, unknown>, written: readonly string[]): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const name of written) if (name in held) ordered[name] = held[name];
  for (const [name, value] of Object.entries(held)) if (!(name in ordered)) ordered[name] = value;
  return ordered;
}
