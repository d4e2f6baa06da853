/**
 * The Port stage: a REST client (undici) for Port's API: token, bulk upserts with per-entity outcomes,
 * deletes, blueprints, searches; retries with Port's rate-limit hints. Knows nothing of AWS.
 */
export { PortClient } from './port-client.js';
export type { PortConnection } from './port-http.js';
export type { BatchPacing, Blueprint, EntityWriteResult, PortEntity, SearchQuery, UpsertOptions } from './port-types.js';
export { MAX_BULK_ENTITIES, MAX_BULK_BYTES, MAX_BULK_DELETE } from './entity-batches.js';
export { classifyStatus, waitHintMs } from './classify-response.js';
export { defaultRetryPolicy } from './retry-policy.js';
export { portConnectionFromEnv } from './port-connection-from-env.js';
export { datasourceInstallation, installationName, isOwnDatasource, isWrittenBy, portUserAgent, type PortWriter } from './port-user-agent.js';
