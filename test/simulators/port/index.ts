/**
 * The Port API simulator: one node:http server on 127.0.0.1 that answers the part of Port's REST API
 * aws2port uses (auth, blueprints, entity upsert and bulk upsert, delete and bulk delete, search), with
 * Port's validation, 207 partial results, rate limits, and switches for faults and latency. It records
 * every write request, so tests can assert on what a client sent. Behaviour: SPEC.md beside this file.
 */
export { startPortSimulator } from './port-simulator.js';
export { loadExampleBlueprints } from './example-blueprints.js';
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, PORT_RATE_LIMITS } from './constants.js';
export type {
  Blueprint,
  BlueprintProperty,
  BlueprintRelation,
  ContractRecord,
  EntityPatch,
  EntityRef,
  PortErrorBody,
  PortFaults,
  PortSimulator,
  PortSimulatorOptions,
  PropertySchema,
  RateLimitResetForm,
  RateLimitTable,
  RelationValue,
  RouteClass,
  StoredEntity,
  WriteRecord,
  WriteRoute,
} from './types.js';
