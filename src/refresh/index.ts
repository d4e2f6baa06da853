/**
 * The refresh stage: reads the entities aws2port manages back from Port and makes the state tell the
 * truth about them again (drift: an entity edited or deleted in Port by someone else), so the next
 * plan restores what AWS says. Also rebuilds a lost state from what Port holds as this installation's.
 * Writes to the state only, never to Port.
 */
export { refreshState, type DriftReport, type RefreshResult } from './refresh-state.js';
export { detectDrift, fieldsToRead, type Drift } from './detect-drift.js';
export { rebuildState, type RebuildResult } from './rebuild-state.js';
export { blueprintsToRebuild, type BlueprintToRebuild, type WrittenFields } from './blueprints-to-rebuild.js';
