import { dirname, resolve } from 'node:path';
import { checkBlock } from './check-block.js';
import { DEFAULT_ENTITY_DELETION_THRESHOLD, TOP_LEVEL_KEYS } from './constants.js';
import { readFlag } from './read-flag.js';
import { readText } from './read-text.js';
import { resolveAwsSettings } from './resolve-aws-settings.js';
import { resolveResource } from './resolve-resource.js';
import type { ResolvedConfig, ResourceConfig } from './types.js';
import type { WrittenConfig, WrittenResource } from './written-config.js';
import type { WrittenNode } from './written-node.js';

/** Where the file came from: its absolute path and the hash of its bytes. */
export interface ConfigOrigin {
  /** Absolute path of the config file. */
  file: string;
  /** `sha256:<hex>` of the file's bytes. */
  hash: string;
}

/**
 * The whole file with defaults. Reports every problem through the nodes; the result must be used
 * only when none was an error (it is undefined when a required part is missing). Unknown top-level
 * keys are warnings: Port's app config has keys aws2port does not use, and users may keep them.
 */
export function resolveConfig(root: WrittenNode<WrittenConfig>, origin: ConfigOrigin): ResolvedConfig | undefined {
  if (root.isWritten && !root.isMap) {
    root.error(`the config must be a map of settings with a resources: list, not ${root.writtenAs}. Start from examples/port-app-config.yml.`);
    return undefined;
  }
  checkBlock(root, TOP_LEVEL_KEYS, 'warning');
  const resources = resolveResources(root.child('resources'));
  const aws = resolveAwsSettings(root.child('aws'));
  const blueprintsPath = readText(root.child('blueprints'), { what: 'the path of a blueprints JSON file', example: './blueprints.json' });
  const installationId = readText(root.child('installationId'), {
    what: 'an installation id (letters, digits, ".", "_" or "-", at most 64, no "/")',
    example: 'o-a1b2c3d4e5',
    pattern: /^[A-Za-z0-9._-]{1,64}$/,
  });
  const deleteDependentEntities = readFlag(root.child('deleteDependentEntities'), true);
  const createMissingRelatedEntities = readFlag(root.child('createMissingRelatedEntities'), true);
  const enableMergeEntity = readFlag(root.child('enableMergeEntity'), true);
  const entityDeletionThreshold = readThreshold(root.child('entityDeletionThreshold'));
  if (resources === undefined) return undefined;
  return {
    file: origin.file,
    hash: origin.hash,
    aws,
    deleteDependentEntities,
    createMissingRelatedEntities,
    enableMergeEntity,
    entityDeletionThreshold,
    // Relative to the config file, not the working directory, so the pair works from anywhere.
    ...(blueprintsPath !== undefined && { blueprintsFile: resolve(dirname(origin.file), blueprintsPath) }),
    ...(installationId !== undefined && { installationId }),
    resources,
  };
}

/** `resources:`, required and non-empty. Undefined when it is missing or any entry is wrong. */
function resolveResources(list: WrittenNode<WrittenResource[] | undefined>): ResourceConfig[] | undefined {
  const advice = 'Add resources: a list of "- kind: AWS::Service::Type" entries with selector and port (see examples/port-app-config.yml).';
  if (!list.isWritten) {
    list.error(`missing. ${advice}`);
    return undefined;
  }
  if (!list.isList) {
    list.error(`must be a list, not ${list.writtenAs}. ${advice}`);
    return undefined;
  }
  const entries = list.items();
  if (entries.length === 0) {
    list.error(`is empty, so there is nothing to read. ${advice}`);
    return undefined;
  }
  const resolved = entries.map((entry, index) => resolveResource(entry, index));
  return resolved.every((resource) => resource !== undefined) ? resolved : undefined;
}

/** A share in (0, 1]; a quoted number is read as the number. */
function readThreshold(node: WrittenNode): number {
  if (!node.isWritten) return DEFAULT_ENTITY_DELETION_THRESHOLD;
  const value = node.scalar;
  const share = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (share > 0 && share <= 1) return share;
  node.error(`must be a number above 0 and at most 1 (a share: 0.9 allows deleting 90% of a blueprint's entities), not ${node.writtenAs}.`);
  return DEFAULT_ENTITY_DELETION_THRESHOLD;
}
