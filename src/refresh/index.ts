/**
 * The refresh stage: reads the entities aws2port manages back from Port and makes the state tell the
 * truth about them again (drift: an entity edited or deleted in Port by someone else), so the next
 * plan restores what AWS says. Writes to the state only, never to Port.
 */
export { refreshState, type DriftReport, type RefreshResult } from './refresh-state.js';
export { detectDrift, fieldsToRead, type Drift } from './detect-drift.js';
