import { checkBlock } from './check-block.js';
import { MAPPINGS_KEYS } from './constants.js';
import { readJqExpression } from './read-jq-expression.js';
import type { EntityMappings, JqExpression } from './types.js';
import type { WrittenMappings } from './written-config.js';
import type { WrittenNode } from './written-node.js';

type Relation = EntityMappings['relations'][string];

/**
 * `port.entity.mappings`: identifier and blueprint required; title, icon, team optional;
 * properties and relations in the order written (empty when not written). Undefined when a
 * required part is missing or wrong (every problem is reported either way).
 */
export function resolveEntityMappings(block: WrittenNode<WrittenMappings | undefined>): EntityMappings | undefined {
  if (!block.isWritten) {
    block.error('missing. Add port.entity.mappings with at least identifier and blueprint (jq expressions).');
    return undefined;
  }
  if (!checkBlock(block, MAPPINGS_KEYS, 'warning')) return undefined;
  const identifier = readJqExpression(block.child('identifier'), "Add identifier: a jq expression for the entity's identifier, e.g. .Identifier.");
  const blueprint = readJqExpression(block.child('blueprint'), `Add blueprint: a jq expression for the blueprint, e.g. '"cloudResource"'.`);
  const title = readJqExpression(block.child('title'));
  const icon = readJqExpression(block.child('icon'));
  const team = readJqExpression(block.child('team'));
  const properties = readNamedValues(block.child('properties'), readProperty);
  const relations = readNamedValues(block.child('relations'), readRelation);
  if (identifier === undefined || blueprint === undefined) return undefined;
  return {
    identifier,
    blueprint,
    ...(title && { title }),
    ...(icon && { icon }),
    ...(team && { team }),
    properties,
    relations,
  };
}

/** A map of name -> value read by `readValue`, in the order written; empty when not written; wrong entries left out (and reported). */
function readNamedValues<V>(block: WrittenNode, readValue: (node: WrittenNode) => V | undefined): Record<string, V> {
  if (block.isWritten && !block.isMap) block.error(`must be a map of name: jq expression, not ${block.writtenAs}.`);
  // fromEntries rather than assignment: a key such as __proto__ must stay an ordinary key.
  return Object.fromEntries(
    block.entries().flatMap(([name, node]) => {
      const value = readValue(node);
      return value === undefined ? [] : [[name, value] as const];
    }),
  );
}

function readProperty(node: WrittenNode): JqExpression | undefined {
  return readJqExpression(node, `Write a jq expression for the property (or 'null' in quotes for an empty one), or remove the key.`);
}

/** A relation is a jq expression, or Port's search-query object, kept as written. */
function readRelation(node: WrittenNode): Relation | undefined {
  if (node.isMap) return { searchQuery: node.toJS(), place: { path: node.path, line: node.line } };
  return readJqExpression(node, `Write a jq expression giving the related entity's identifier, or remove the key.`);
}
