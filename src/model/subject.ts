import { isUnknownScope, type Scope } from './scope.js';

/**
 * The one way a scope is named in plans and messages: `AWS::EC2::Instance 111111111111 eu-west-1`
 * (the form the CLI's plan output shows); `unknown scope` for an entity rebuilt from Port.
 */
export function formatScope(scope: Scope): string {
  if (isUnknownScope(scope)) return 'unknown scope';
  return `${scope.kind} ${scope.account} ${scope.region}`;
}

/** The one way a resource is named in logs: `AWS::EC2::Instance 111111111111/eu-west-1 i-0abc`. */
export function formatResource(resource: Scope, identifier: string): string {
  return `${resource.kind} ${resource.account}/${resource.region} ${identifier}`;
}
