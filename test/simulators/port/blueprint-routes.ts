import { parseBlueprint, patchBlueprint } from './parse-blueprint.js';
import { invalidRequest } from './port-api-error.js';
import { isPlainObject } from './parse-entity-input.js';
import type { RouteSpec } from './route-spec.js';

/** Blueprint routes: list, get, create, patch (merge), put (replace). */
export const BLUEPRINT_ROUTES: readonly RouteSpec[] = [
  {
    operation: 'GET /v1/blueprints',
    routeClass: 'blueprints',
    handle: ({ catalog }) => ({ status: 200, body: { ok: true, blueprints: catalog.blueprints() } }),
  },
  {
    operation: 'GET /v1/blueprints/{identifier}',
    routeClass: 'blueprints',
    handle: ({ catalog, params }) => ({
      status: 200,
      body: { ok: true, blueprint: catalog.blueprint(params['identifier']!) },
    }),
  },
  {
    operation: 'POST /v1/blueprints',
    routeClass: 'blueprints',
    write: 'blueprint-create',
    handle: ({ catalog, json }) => ({
      status: 201,
      body: { ok: true, blueprint: catalog.createBlueprint(parseBlueprint(json())) },
    }),
  },
  {
    operation: 'PATCH /v1/blueprints/{identifier}',
    routeClass: 'blueprints',
    write: 'blueprint-patch',
    handle: ({ catalog, params, json }) => {
      const patched = patchBlueprint(catalog.blueprint(params['identifier']!), json());
      return { status: 200, body: { ok: true, blueprint: catalog.replaceBlueprint(patched) } };
    },
  },
  {
    operation: 'PUT /v1/blueprints/{identifier}',
    routeClass: 'blueprints',
    write: 'blueprint-replace',
    handle: ({ catalog, params, json }) => {
      const body = json();
      const identifier = params['identifier']!;
      if (!isPlainObject(body)) throw invalidRequest('A blueprint must be a JSON object');
      if (body['identifier'] !== undefined && body['identifier'] !== identifier) {
        throw invalidRequest('"identifier" must match the path');
      }
      const replaced = catalog.replaceBlueprint(parseBlueprint({ ...body, identifier }));
      return { status: 200, body: { ok: true, blueprint: replaced } };
    },
  },
];
