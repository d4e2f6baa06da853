import { unresolvedListProperties } from '../aws/index.js';
import type { ConfigProblem, ResourceConfig } from '../config/index.js';
import { checkExpression, type JqEngine } from '../mapping/index.js';

/**
 * What `validate` says of a resource's child listing: a `selector.resourceModel` that does not
 * compile, and a kind Cloud Control lists only with a ResourceModel that no known parent gives
 * (unless the resource sets one), with what to write.
 */
export function checkChildListing(resource: ResourceConfig, engine: JqEngine, file: string): ConfigProblem[] {
  const { resourceModel } = resource.selector;
  if (resourceModel) {
    const message = checkExpression(engine, resourceModel.text);
    if (message === null) return [];
    return [{ code: 'JqCompileFailed', message: `jq expression does not compile: ${message}`, path: resourceModel.place.path, line: resourceModel.place.line, file }];
  }
  const required = unresolvedListProperties(resource.kind);
  if (!required) return [];
  const example = `{${required.map((name) => `${name}: .Properties.${name}`).join(', ')}}`;
  return [
    {
      code: 'ChildKindNeedsParent',
      message:
        `Cloud Control lists ${resource.kind} only with a ResourceModel naming ${required.join(', ')}, and aws2port knows no parent kind that gives it. ` +
        `Add selector.parentKind (the kind whose items give it) and selector.resourceModel (a jq expression over each parent item, e.g. '${example}'); ` +
        `without parentKind, resourceModel runs once per account and region over {__AccountId, __Region}.`,
      path: resource.kindPlace?.path ?? `resources[${resource.index}].kind`,
      line: resource.kindPlace?.line ?? 0,
      file,
    },
  ];
}
