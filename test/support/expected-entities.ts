import type { ResourceConfig } from '../../src/config/types.js';
import { runNativeJq } from '../mapping/native-jq.js';
import type { Estate } from '../simulators/aws/index.js';

/** An entity as the tests compare them: the blueprint plus the fields aws2port writes. */
export interface ComparableEntity {
  blueprint: string;
  identifier: string;
  title: unknown;
  properties: Record<string, unknown>;
  relations: Record<string, unknown>;
}

/**
 * The raw items the seed's kinds should produce from an estate, built here independently of the
 * source stage: full Properties, S3 buckets once each with their own region, accounts as the spec
 * shapes them. `joinedText` gives each account's JoinedTimestamp as the spec's text form.
 */
export function expectedRawItems(estate: Estate, regions: readonly string[], joinedText: Record<string, string>): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const org = estate.organization!;
  for (const account of estate.accounts) {
    items.push({
      Id: account.Id,
      Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${account.Id}`,
      Email: account.Email,
      Name: account.Name,
      Status: account.Status ?? account.State,
      State: account.State,
      JoinedMethod: account.JoinedMethod,
      JoinedTimestamp: joinedText[account.Id],
      __Kind: 'AWS::Organizations::Account',
      __AccountId: account.Id,
      __Region: 'us-east-1',
    });
  }
  for (const r of estate.resources) {
    if (r.type !== 'AWS::S3::Bucket' && !regions.includes(r.region)) continue;
    items.push({ Identifier: r.identifier, Properties: r.properties, __Kind: r.type, __AccountId: r.account, __Region: r.region });
  }
  return items;
}

/**
 * What native jq makes of the items with the config's mapping: one combined program per resource
 * config, an expression that yields nothing or fails gives null, as Port's integration does.
 */
export function entitiesByNativeJq(resources: readonly ResourceConfig[], items: readonly Record<string, unknown>[]): ComparableEntity[] {
  const entities: ComparableEntity[] = [];
  for (const resource of resources) {
    const field = (text: string | undefined) => (text === undefined ? 'null' : `([try (${text}) catch null] | .[0])`);
    const object = (fields: Record<string, { text: string } | unknown>) =>
      `{${Object.entries(fields)
        .map(([name, expression]) => `${JSON.stringify(name)}: ${field((expression as { text: string }).text)}`)
        .join(', ')}}`;
    const m = resource.mappings;
    const program = `select(${resource.selector.query.text}) | {blueprint: ${field(m.blueprint.text)}, identifier: ${field(m.identifier.text)}, title: ${field(m.title?.text)}, properties: ${object(m.properties)}, relations: ${object(m.relations)}}`;
    const kindItems = items.filter((item) => item.__Kind === resource.kind);
    entities.push(...(runNativeJq(program, kindItems) as ComparableEntity[]));
  }
  return sortEntities(entities);
}

/** Entities in (blueprint, identifier) order. */
export function sortEntities<T extends { blueprint: string; identifier: string }>(entities: T[]): T[] {
  return [...entities].sort((a, b) => a.blueprint.localeCompare(b.blueprint) || a.identifier.localeCompare(b.identifier));
}
