import { parseBlueprint, patchBlueprint } from './parse-blueprint.js';
import { invalidRequest } from './port-api-error.js';
import { isPlainObject } from './parse-entity-input.js';
import type { RouteSpec } from './route-spec.js';

/** Blueprint routes: list, get, create, patch (merge), put (replace). */
export const BLUEPRINT_ROUTES: readonly RouteSpec[] = [
  {
    operation: 'GET /v1/blueprints',
    handle: ({ catalog }) => ({ status: 200, body: { ok: true, blueprints: catalog.blueprints().map((b) => catalog.describeBlueprint(b)) } }),
  },
  {
    operation: 'GET /v1/blueprints/{identifier}',
    handle: ({ catalog, params }) => ({
      status: 200,
      body: { ok: true, blueprint: catalog.describeBlueprint(catalog.blueprint(params['identifier']!)) },
    }),
  },
  {
    operation: 'POST /v1/blueprints',
    write: 'blueprint-create',
    handle: ({ catalog, json, writer }) => ({
      status: 201,
      body: { ok: true, blueprint: catalog.describeBlueprint(catalog.createBlueprint(parseBlueprint(json()), writer)) },
    }),
  },
  {
    operation: 'PATCH /v1/blueprints/{identifier}',
    write: 'blueprint-patch',
    handle: ({ catalog, params, json, writer }) => {
      const patched = patchBlueprint(catalog.blueprint(params['identifier']!), json());
      return { status: 200, body: { ok: true, blueprint: catalog.describeBlueprint(catalog.replaceBlueprint(patched, writer)) } };
    },
  },
  {
    operation: 'PUT /v1/blueprints/{identifier}',
    write: 'blueprint-replace',
    handle: ({ catalog, params, json, writer }) => {
      const body = json();
      const identifier = params['identifier']!;
      if (!isPlainObject(body)) throw invalidRequest('A blueprint must be a JSON object');
      if (body['identifier'] !== undefined && body['identifier'] !== identifier) {
        throw invalidRequest('"identifier" must match the path');
      }
      const replaced = catalog.replaceBlueprint(parseBlueprint({ ...body, identifier }), writer);
      return { status: 200, body: { ok: true, blueprint: catalog.describeBlueprint(replaced) } };
    },
  },
];
