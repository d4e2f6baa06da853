import type { PortEntity } from '../port/index.js';
import type { Entity } from '../model/index.js';

/** How an entity differs between what aws2port wrote and what Port holds now. */
export type Drift =
  /** Someone deleted it in Port. */
  | { kind: 'deleted' }
  /** Someone changed these fields in Port; `held` is our entity with Port's values for them. */
  | { kind: 'changed'; fields: string[]; held: Entity };

/**
 * Compares what we wrote with what Port holds, over the fields we write only (other writers' fields,
 * kept by merge, are not drift). Port answers `team` as a list, so a team written as a string or as
 * null is compared as a list. Undefined when Port holds what we wrote.
 */
export function detectDrift(written: Entity, held: PortEntity | undefined): Drift | undefined {
  if (!held) return { kind: 'deleted' };
  const fields: string[] = [];
  const result: Entity = { ...written, properties: { ...written.properties }, relations: { ...written.relations } };
  const compare = (field: string, ours: unknown, theirs: unknown, set: (value: unknown) => void) => {
    if (!isSame(ours, theirs)) {
      fields.push(field);
      set(theirs);
    }
  };
  compare('title', written.title, held.title ?? null, (v) => (result.title = v as string | null));
  compare('icon', written.icon, held.icon ?? null, (v) => (result.icon = v as string | null));
  compare('team', teamList(written.team), teamList(held.team ?? null), (v) => (result.team = v as string[]));
  for (const [name, value] of Object.entries(written.properties)) {
    compare(`properties.${name}`, value, held.properties?.[name] ?? null, (v) => (result.properties[name] = v));
  }
  for (const [name, value] of Object.entries(written.relations)) {
    compare(`relations.${name}`, value, held.relations?.[name] ?? null, (v) => (result.relations[name] = v));
  }
  return fields.length === 0 ? undefined : { kind: 'changed', fields, held: result };
}

/**
 * The fields to ask Port for, for entities written with these bodies: the identifier and the fields we
 * write, as Port's search `include` names them (meta-properties with `$`, properties and relations by
 * their identifiers).
 */
export function fieldsToRead(bodies: readonly Entity[]): string[] {
  const fields = new Set(['$identifier', '$title', '$icon', '$team']);
  for (const body of bodies) {
    for (const name of Object.keys(body.properties)) fields.add(name);
    for (const name of Object.keys(body.relations)) fields.add(name);
  }
  return [...fields];
}

function teamList(team: string | string[] | null | undefined): string[] {
  if (team === null || team === undefined) return [];
  return Array.isArray(team) ? team : [team];
}

/** Equality of JSON values, regardless of object key order. */
function isSame(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => isSame(x, (b as unknown[])[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => isSame((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
