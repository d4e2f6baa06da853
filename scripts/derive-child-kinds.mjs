#!/usr/bin/env node
/**
 * Derives aws2port's table of child kinds (src/aws/child-kind-table.ts) from CloudFormation registry
 * schemas, the contract Cloud Control's list handlers follow.
 *
 * A child kind is a type whose list handler requires properties (`handlers.list.handlerSchema.required`,
 * or the first alternative of its `oneOf`): Cloud Control refuses ListResources for it without a
 * ResourceModel naming them. For each one this finds the parent type whose items fill them:
 *
 * 1. the parent's primaryIdentifier is exactly the required properties: each is filled from the
 *    parent's Identifier (its part, for a compound identifier);
 * 2. the required property is the parent's short name and its one primary identifier property
 *    (`ClusterName` <- AWS::EKS::Cluster's `Name`): filled from the parent's Identifier;
 * 3. the required property is the parent's short name and `Arn` or `Id`, a property the parent has
 *    (`FlowArn` <- AWS::Bedrock::Flow's `Arn`): filled from that property;
 * 4. the required property starts with the parent's short name and the parent has a property of
 *    that very name (`FileSystemId` <- AWS::S3Files::FileSystem's `FileSystemId`).
 *
 * The parent is in the same service and has a list handler. One listable on its own is preferred to
 * another child kind (a chain); two that fit equally leave the type unresolved, as does a chain that
 * ends in an unresolved type: no guessing. A user covers those with selector.parentKind and
 * selector.resourceModel.
 *
 * Usage: node scripts/derive-child-kinds.mjs SCHEMA_DIR "SOURCE" > src/aws/child-kind-table.ts
 * where SCHEMA_DIR holds one registry schema per file (`aws cloudformation describe-type`'s Schema,
 * or any published copy) and SOURCE says where they came from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [schemaDir, source] = process.argv.slice(2);
if (!schemaDir || !source) {
  console.error('usage: derive-child-kinds.mjs SCHEMA_DIR "SOURCE"');
  process.exit(2);
}
const schemas = new Map();
for (const name of readdirSync(schemaDir).sort()) {
  if (!name.endsWith('.json')) continue;
  const schema = JSON.parse(readFileSync(join(schemaDir, name), 'utf8'));
  if (schema.typeName?.startsWith('AWS::')) schemas.set(schema.typeName, schema);
}

const topLevelProperty = (pointer) => (pointer.split('/').length === 3 ? pointer.split('/')[2] : undefined);
const primaryOf = (schema) => (schema.primaryIdentifier ?? []).map(topLevelProperty);
const listHandlerOf = (schema) => schema.handlers?.list;
const serviceOf = (type) => type.split('::')[1];
const shortNameOf = (type) => type.split('::')[2];
const propertiesOf = (schema) => schema.properties ?? {};

function requiredListProperties(schema) {
  const handlerSchema = listHandlerOf(schema)?.handlerSchema ?? {};
  if (handlerSchema.required?.length) return handlerSchema.required;
  const alternatives = handlerSchema.oneOf ?? handlerSchema.anyOf ?? [];
  return alternatives[0]?.required ?? [];
}
const isChild = (schema) => requiredListProperties(schema).length > 0;
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/** How the parent's item fills the required properties (rules 1 to 4), or undefined. */
function fillFrom(parent, required) {
  const schema = schemas.get(parent);
  const ids = primaryOf(schema);
  if (sameSet(ids, required)) return Object.fromEntries(required.map((r) => [r, { identifierPart: ids.indexOf(r) }]));
  if (required.length !== 1) return undefined;
  const [wanted] = required;
  const shortName = shortNameOf(parent);
  if (ids.length === 1 && wanted === shortName + ids[0]) return { [wanted]: { identifierPart: 0 } };
  for (const suffix of ['Arn', 'Id']) {
    if (wanted === shortName + suffix && suffix in propertiesOf(schema)) {
      return { [wanted]: ids.length === 1 && ids[0] === suffix ? { identifierPart: 0 } : { property: suffix } };
    }
  }
  if (wanted.startsWith(shortName) && wanted in propertiesOf(schema)) return { [wanted]: { property: wanted } };
  return undefined;
}

function findParent(type, required) {
  const candidates = [...schemas.keys()].filter(
    (t) => t !== type && serviceOf(t) === serviceOf(type) && listHandlerOf(schemas.get(t)) && !primaryOf(schemas.get(t)).includes(undefined),
  );
  for (const wantsChild of [false, true]) {
    let matches = candidates
      .filter((t) => isChild(schemas.get(t)) === wantsChild)
      .map((t) => ({ parent: t, resourceModel: fillFrom(t, required) }))
      .filter((m) => m.resourceModel !== undefined);
    if (matches.length > 1) matches = matches.filter((m) => required.some((r) => r.startsWith(shortNameOf(m.parent))));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}

const children = {};
const unresolved = {};
for (const [type, schema] of schemas) {
  if (!listHandlerOf(schema)) continue;
  const required = requiredListProperties(schema);
  if (required.length === 0) continue;
  const found = findParent(type, required);
  if (found) children[type] = found;
  else unresolved[type] = required;
}
const chainResolves = (type, seen = new Set()) => {
  const row = children[type];
  if (!row) return !isChild(schemas.get(type));
  if (seen.has(type)) return false;
  return chainResolves(row.parent, new Set([...seen, type]));
};
for (const type of Object.keys(children)) {
  if (!chainResolves(type)) {
    unresolved[type] = Object.keys(children[type].resourceModel);
    delete children[type];
  }
}

const rows = (record) =>
  Object.keys(record)
    .sort()
    .map((type) => `    ${JSON.stringify(type)}: ${JSON.stringify(record[type])},`)
    .join('\n');
process.stdout.write(`// Generated by scripts/derive-child-kinds.mjs: do not edit by hand; run it again on newer schemas.
// Source: ${source}
import type { ChildKindTable } from './child-kind.js';

export const CHILD_KIND_TABLE: ChildKindTable = {
  children: {
${rows(children)}
  },
  unresolved: {
${rows(unresolved)}
  },
};
`);
