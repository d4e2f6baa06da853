import { checkBlock } from './check-block.js';
import {
  DEFAULT_ITEMS_TO_PARSE_NAME,
  ENTITY_KEYS,
  KIND_PATTERN,
  PORT_KEYS,
  REGION_POLICY_KEYS,
  REGION_RULE,
  RESOURCE_KEYS,
  SELECTOR_KEYS,
} from './constants.js';
import { readFlag } from './read-flag.js';
import { readJqExpression } from './read-jq-expression.js';
import { readText, readTextList } from './read-text.js';
import { resolveEntityMappings } from './resolve-entity-mappings.js';
import type { RegionPolicy, ResourceConfig } from './types.js';
import type { WrittenRegionPolicy, WrittenResource } from './written-config.js';
import type { WrittenNode } from './written-node.js';

/**
 * One entry of `resources:` with defaults; `index` is its 0-based position. Undefined when a
 * required part is missing or wrong (every problem is reported either way). Unknown keys inside a
 * resource are warnings: Port ignores them too, and configs copied from Port may carry keys of its
 * other integrations.
 */
export function resolveResource(entry: WrittenNode<WrittenResource>, index: number): ResourceConfig | undefined {
  if (!entry.isMap) {
    entry.error(`must be a map with kind, selector and port, not ${entry.writtenAs}. Start each resource with "- kind: AWS::Service::Type".`);
    return undefined;
  }
  checkBlock(entry, RESOURCE_KEYS, 'warning');
  const kind = readKind(entry.child('kind'));

  const selector = entry.child('selector');
  checkBlock(selector, SELECTOR_KEYS, 'warning');
  const query = readJqExpression(selector.child('query'), `Add selector.query: a jq expression giving true for the items to keep, e.g. 'true'.`);
  const useGetResourceAPI = readFlag(selector.child('useGetResourceAPI'), false);
  const regionPolicy = readRegionPolicy(selector.child('regionPolicy'));
  const parentKind = selector.child('parentKind').isWritten ? readKind(selector.child('parentKind')) : undefined;
  const resourceModel = readJqExpression(selector.child('resourceModel'));
  if (parentKind !== undefined && resourceModel === undefined) {
    selector.child('parentKind').error('needs selector.resourceModel too: a jq expression giving, from each parent item, the ResourceModel that lists its children.');
  }

  const port = entry.child('port');
  checkBlock(port, PORT_KEYS, 'warning');
  const itemsToParse = readJqExpression(port.child('itemsToParse'));
  const itemsToParseName = readText(port.child('itemsToParseName'), { what: 'a name for each parsed item', example: 'item' }) ?? DEFAULT_ITEMS_TO_PARSE_NAME;
  const entity = port.child('entity');
  checkBlock(entity, ENTITY_KEYS, 'warning');
  const mappings = resolveEntityMappings(entity.child('mappings'));

  if (kind === undefined || query === undefined || mappings === undefined) return undefined;
  const kindNode = entry.child('kind');
  return {
    index,
    kind,
    kindPlace: { path: kindNode.path, line: kindNode.line },
    selector: { query, useGetResourceAPI, regionPolicy, ...(parentKind !== undefined && { parentKind }), ...(resourceModel && { resourceModel }) },
    ...(itemsToParse && { itemsToParse }),
    itemsToParseName,
    mappings,
  };
}

function readKind(node: WrittenNode): string | undefined {
  if (!node.isWritten) {
    node.error('missing. Add kind: the AWS type to read, e.g. AWS::S3::Bucket.');
    return undefined;
  }
  return readText(node, { what: 'an AWS type name', example: 'AWS::S3::Bucket', pattern: KIND_PATTERN });
}

/** Allow and deny lists of regions. Unknown keys are errors: a misspelt `allow` would silently read every region. */
function readRegionPolicy(block: WrittenNode<WrittenRegionPolicy | undefined>): RegionPolicy {
  checkBlock(block, REGION_POLICY_KEYS, 'error');
  return { allow: readTextList(block.child('allow'), REGION_RULE), deny: readTextList(block.child('deny'), REGION_RULE) };
}
