/**
 * The state: a local SQLite snapshot of what aws2port wrote to Port and Port confirmed. It has a
 * lineage (a UUID set once) and a serial (up by one with each transaction that changed it), a writer
 * lock, the entities table, and a temporary desired set for plans, so the diff is SQL over both.
 */
export { openStateDatabase, openScratchDatabase, type StateDatabase } from './open-state.js';
export { StateStore, StateWriter } from './state-store.js';
export { DesiredSet, type AddressConflict } from './desired-set.js';
export { PlannedChanges, type PlannedChange, type PlannedChangeRow, type PlannedMove, type ChangeGroup, type ChangeCount } from './planned-changes.js';
export { acquireStateLock, forceUnlock, readLock, type HeldLock, type LockInfo } from './state-lock.js';
export { SCHEMA_VERSION } from './schema.js';
export { ResourceRecords } from './resource-records.js';
export { ResourceRegions, type ResourceRegion } from './resource-regions.js';
export { checkStateInstallation, recordedInstallationId } from './state-installation.js';
export { RebuiltAddresses } from './rebuilt-addresses.js';
