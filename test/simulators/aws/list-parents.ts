import { readFileSync } from 'node:fs';
import { repoFile } from '../../support/repo-file.js';

/** A registry schema's `handlers.list.handlerSchema`: the ResourceModel properties a list needs. */
interface ListHandlerSchema {
  required?: string[];
  oneOf?: Array<{ required?: string[] }>;
}

/** What registry-schemas.json keeps of each type (its `source` says where it comes from). */
export interface RegistrySchema {
  primaryIdentifier: string[];
  list: boolean;
  listHandlerSchema?: ListHandlerSchema;
}

/** The CloudFormation registry schemas kept in registry-schemas.json, by type name. */
export function registrySchemas(): Readonly<Record<string, RegistrySchema>> {
  return (JSON.parse(readFileSync(repoFile('test/simulators/aws/registry-schemas.json'), 'utf8')) as { types: Record<string, RegistrySchema> }).types;
}

const SCHEMAS = registrySchemas();

/**
 * Whether a ResourceModel gives what the type's list handler needs, per its registry schema's
 * `handlers.list.handlerSchema` (every `required` property, and those of one `oneOf` branch):
 * `AWS::EKS::Nodegroup` needs ClusterName, `AWS::ElasticLoadBalancingV2::Listener` LoadBalancerArn or
 * ListenerArns. A type without a handlerSchema needs nothing.
 */
export function hasListParent(type: string, model: Record<string, unknown> | undefined): boolean {
  const schema = SCHEMAS[type]?.listHandlerSchema;
  if (!schema) return true;
  const gives = (properties: readonly string[]) => properties.every((property) => model?.[property] !== undefined);
  return gives(schema.required ?? []) && (!schema.oneOf || schema.oneOf.some((branch) => gives(branch.required ?? [])));
}

/** Cloud Control's message when a list handler lacks its parent (as Port's users have seen it). */
export function missingResourceModelMessage(type: string): string {
  return `Missing Or Invalid ResourceModel property in ${type} list handler request input`;
}
