import type { ConfigPlace, JqExpression, ResourceConfig } from '../../src/config/types.js';
import type { RawItem } from '../../src/aws/raw-item.js';

/** A resource config written the short way: expressions as plain jq text. */
export interface ResourceSpec {
  index?: number;
  kind?: string;
  /** Default `true`. */
  selector?: string;
  itemsToParse?: string;
  /** Default `item`. */
  itemsToParseName?: string;
  /** Default `.Identifier`. */
  identifier?: string;
  /** Default `"cloudResource"`. */
  blueprint?: string;
  title?: string;
  icon?: string;
  team?: string;
  properties?: Record<string, string>;
  relations?: Record<string, string | { searchQuery: unknown }>;
}

/**
 * A ResourceConfig as the config loader would resolve it, with fake but plausible places: the YAML
 * path the loader would give, and line numbers counted from 100 in the order fields are written here.
 */
export function buildResource(spec: ResourceSpec = {}): ResourceConfig {
  const index = spec.index ?? 0;
  let line = 100;
  const place = (path: string): ConfigPlace => ({ path: `resources[${index}].${path}`, line: line++ });
  const jq = (text: string, path: string): JqExpression => ({ text, place: place(path) });
  const mapping = (text: string, field: string) => jq(text, `port.entity.mappings.${field}`);

  const resource: ResourceConfig = {
    index,
    kind: spec.kind ?? 'AWS::S3::Bucket',
    selector: {
      query: jq(spec.selector ?? 'true', 'selector.query'),
      useGetResourceAPI: false,
      regionPolicy: { allow: [], deny: [] },
    },
    itemsToParseName: spec.itemsToParseName ?? 'item',
    mappings: {
      identifier: mapping(spec.identifier ?? '.Identifier', 'identifier'),
      blueprint: mapping(spec.blueprint ?? '"cloudResource"', 'blueprint'),
      properties: {},
      relations: {},
    },
  };
  if (spec.itemsToParse !== undefined) resource.itemsToParse = jq(spec.itemsToParse, 'port.itemsToParse');
  for (const field of ['title', 'icon', 'team'] as const) {
    const text = spec[field];
    if (text !== undefined) resource.mappings[field] = mapping(text, field);
  }
  // fromEntries keeps even a `__proto__` key as an own property, as a YAML loader must.
  resource.mappings.properties = Object.fromEntries(
    Object.entries(spec.properties ?? {}).map(([key, text]) => [key, mapping(text, `properties.${key}`)]),
  );
  resource.mappings.relations = Object.fromEntries(
    Object.entries(spec.relations ?? {}).map(([key, relation]) => [
      key,
      typeof relation === 'string'
        ? mapping(relation, `relations.${key}`)
        : { searchQuery: relation.searchQuery, place: place(`port.entity.mappings.relations.${key}`) },
    ]),
  );
  return resource;
}

/** A Cloud Control S3 bucket item; `properties` are merged over the defaults, `fields` over the item. */
export function buildBucketItem(name: string, properties: Record<string, unknown> = {}, fields: Partial<RawItem> = {}): RawItem {
  return {
    Identifier: name,
    Properties: {
      BucketName: name,
      Arn: `arn:aws:s3:::${name}`,
      RegionalDomainName: `${name}.s3.eu-west-1.amazonaws.com`,
      ...properties,
    },
    __Kind: 'AWS::S3::Bucket',
    __AccountId: '111111111111',
    __Region: 'eu-west-1',
    ...fields,
  };
}

/** `count` buckets named `bucket-0`, `bucket-1`...; `change` may alter each one. */
export function buildBucketItems(count: number, change: (item: RawItem, index: number) => void = () => {}): RawItem[] {
  return Array.from({ length: count }, (_, index) => {
    const item = buildBucketItem(`bucket-${index}`);
    change(item, index);
    return item;
  });
}

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same items on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
