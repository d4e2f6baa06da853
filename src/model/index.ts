/**
 * What every stage shares, and depends on nothing: the entity aws2port writes and its address, the
 * scope that owns it, the kinds whose scope is the account (global kinds), the one way a scope or a
 * resource is named in messages, where output goes, and aws2port's version. Every stage may import it; it imports no stage.
 */
export type { Entity, BlueprintEntity } from './entity.js';
export { entityRecord, serializeEntity, type EntityRecord, type SerializedEntity } from './entity-record.js';
export { entityAddress } from './address.js';
export { GLOBAL_REGION, UNKNOWN_SCOPE, isUnknownScope, scopeKey, type Scope } from './scope.js';
export { formatResource, formatScope } from './subject.js';
export type { OutputSink } from './output-sink.js';
export { aws2portVersion } from './version.js';
export { isValidPortIdentifier, MAX_IDENTIFIER_LENGTH } from './port-identifier.js';
export { blueprintProblems, type BlueprintShape } from './blueprint-rules.js';
export { entityAttributes } from './entity-attributes.js';
export { textStyle, type TextStyle } from './text-style.js';
export { bucketRegionOf, isGlobalKind, ORGANIZATIONS_ACCOUNT_KIND, S3_BUCKET_KIND } from './aws-kinds.js';
