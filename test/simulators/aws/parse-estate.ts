import type { Estate } from './estate.js';

/**
 * Reads an estate from its JSON text (as saved by `JSON.stringify(estate)`), checking the shape the
 * simulator relies on. Throws an Error naming the first field that is wrong.
 */
export function parseEstate(json: string): Estate {
  const value: unknown = JSON.parse(json);
  if (!isObject(value)) throw new Error('estate: expected a JSON object');
  for (const field of ['accounts', 'regions', 'resources'] as const) {
    if (!Array.isArray(value[field])) throw new Error(`estate.${field}: expected an array`);
  }
  (value.accounts as unknown[]).forEach((account, i) => {
    if (!isObject(account) || typeof account.Id !== 'string' || !/^\d{12}$/.test(account.Id)) {
      throw new Error(`estate.accounts[${i}].Id: expected 12 digits`);
    }
    if (typeof account.JoinedTimestamp !== 'number') {
      throw new Error(`estate.accounts[${i}].JoinedTimestamp: expected epoch seconds as a number`);
    }
  });
  (value.resources as unknown[]).forEach((resource, i) => {
    if (!isObject(resource)) throw new Error(`estate.resources[${i}]: expected an object`);
    for (const field of ['type', 'account', 'region', 'identifier'] as const) {
      if (typeof resource[field] !== 'string') throw new Error(`estate.resources[${i}].${field}: expected a string`);
    }
    if (!isObject(resource.properties)) throw new Error(`estate.resources[${i}].properties: expected an object`);
  });
  return value as unknown as Estate;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
