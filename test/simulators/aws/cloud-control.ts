import { AwsError } from './aws-error.js';
import { commonError } from './common-errors.js';
import { typeBehaviour, type EstateResource } from './estate.js';
import { ALL_REGIONS, resourceSortKey } from './estate-index.js';
import { cloudControlError } from './cloud-control-errors.js';
import { generalServiceError } from './general-service-error.js';
import { callerArn } from './identify-caller.js';
import { hasListParent, missingResourceModelMessage } from './list-parents.js';
import { readFields } from './read-fields.js';
import type { JsonInput, ServiceCall } from './simulator-context.js';

/** A type name Cloud Control could know: three `::`-separated alphanumeric parts. */
const TYPE_NAME = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

const invalidRequest = (message: string): AwsError => cloudControlError('InvalidRequestException', message);

/** Cloud Control API (`CloudApiService.*`, JSON 1.0): ListResources and GetResource over the estate. */
export function cloudControl(call: ServiceCall<JsonInput>): unknown {
  switch (call.operation) {
    case 'ListResources':
      return listResources(call);
    case 'GetResource':
      return getResource(call);
    default:
      throw commonError('unknownOperation', 'cloudcontrol');
  }
}

function listResources(call: ServiceCall<JsonInput>): unknown {
  const { caller, ctx } = call;
  const fields = readFields(call.input, invalidRequest);
  const type = fields.requiredString('TypeName');
  checkTypeAccess(call, type);
  if (ctx.faults.unsupportedAction.includes(type)) {
    throw cloudControlError('UnsupportedActionException', `Resource type ${type} does not support LIST action`);
  }
  const modelText = fields.string('ResourceModel');
  const model = modelText === undefined ? undefined : parseModel(modelText);
  if (!hasListParent(type, model)) throw invalidRequest(missingResourceModelMessage(type));
  const behaviour = typeBehaviour(ctx.estate, type);
  const region = behaviour.global ? ALL_REGIONS : caller.region;
  const all = ctx.index.list(ctx.estate, type, caller.account, region);
  const matching = model ? all.filter((r) => matchesModel(r, model)) : all;
  const listing = ['cloudcontrol', type, caller.account, caller.region, modelText ?? ''].join('\u0000');
  const page = ctx.pager.page(matching, resourceSortKey, listing, fields.string('NextToken'), ctx.cloudControlPages, invalidRequest('Invalid NextToken'));
  return {
    TypeName: type,
    ResourceDescriptions: page.items.map((r) => ({ Identifier: r.identifier, Properties: JSON.stringify(pick(r.properties, behaviour.listProperties)) })),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}

function getResource(call: ServiceCall<JsonInput>): unknown {
  const { caller, ctx } = call;
  const fields = readFields(call.input, invalidRequest);
  const type = fields.requiredString('TypeName');
  const identifier = fields.requiredString('Identifier');
  checkTypeAccess(call, type);
  const isGlobal = typeBehaviour(ctx.estate, type).global === true;
  const resource = ctx.index.find(ctx.estate, type, caller.account, isGlobal ? ALL_REGIONS : caller.region, identifier);
  const injected = ctx.faults.getResourceErrors.find((rule) => rule.type === type && rule.identifier === identifier && (rule.region === undefined || rule.region === caller.region));
  if (injected) throw generalServiceError(injected.error, { type, identifier, caller });
  if (!resource) {
    throw cloudControlError('ResourceNotFoundException', `Resource of type '${type}' with identifier '${identifier}' was not found.`);
  }
  if (isGlobal && resource.region !== caller.region && ctx.faults.s3GetOtherRegionFails) {
    throw invalidRequest(`${type} ${identifier} is in region ${resource.region}; use that region to read it (asked in ${caller.region}).`);
  }
  return { TypeName: type, ResourceDescription: { Identifier: resource.identifier, Properties: JSON.stringify(resource.properties) } };
}

/** The failures that depend only on the type and who asks: malformed type, deny rules, type absent from the region. */
function checkTypeAccess(call: ServiceCall<JsonInput>, type: string): void {
  const { caller, ctx, operation } = call;
  if (!TYPE_NAME.test(type)) throw cloudControlError('TypeNotFoundException', `The type '${type}' cannot be found.`);
  const denied = ctx.faults.deny.some(
    (rule) =>
      (rule.account === undefined || rule.account === caller.account) &&
      (rule.region === undefined || rule.region === caller.region) &&
      (rule.type === undefined || rule.type === type) &&
      (rule.operation === undefined || rule.operation === operation),
  );
  if (denied) {
    throw new AwsError('AccessDeniedException', `User: ${callerArn(caller)} is not authorized to perform: cloudformation:${operation} on type ${type}`, 403);
  }
  if (ctx.faults.typeNotFound.some((rule) => rule.type === type && rule.region === caller.region)) {
    throw cloudControlError('TypeNotFoundException', `The type '${type}' cannot be found in region ${caller.region}.`);
  }
}

function parseModel(text: string): Record<string, unknown> {
  try {
    const model: unknown = JSON.parse(text);
    if (typeof model === 'object' && model !== null && !Array.isArray(model)) return model as Record<string, unknown>;
  } catch {
    // answered below, like any other model that is not an object
  }
  throw invalidRequest('ResourceModel must be a JSON object');
}

/** A ResourceModel selects the resources whose properties equal it on every key it names. */
function matchesModel(resource: EstateResource, model: Record<string, unknown>): boolean {
  return Object.entries(model).every(([key, value]) => JSON.stringify(resource.properties[key]) === JSON.stringify(value));
}

function pick(properties: Record<string, unknown>, keys: string[] | undefined): Record<string, unknown> {
  if (keys === undefined) return properties;
  return Object.fromEntries(keys.filter((key) => key in properties).map((key) => [key, properties[key]]));
}
