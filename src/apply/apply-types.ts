import type { ChangeAction } from '../plan/index.js';

/** What apply is asked to do for one entity: a planned change, or an owner move (the state only). */
export type ApplyAction = ChangeAction | 'move';

/**
 * What became of one planned action: `applied` (Port confirmed the write and the state records it),
 * `unchanged` (nothing to write to Port: an owner move, now recorded in the state), `skipped` (nothing
 * done: a move of an entity the state no longer records), `failed` (Port or the ownership rule refused it).
 */
export type ChangeOutcome = 'applied' | 'unchanged' | 'skipped' | 'failed';

/** Reported as each entity's action is done, refused or found to need nothing. */
export interface ApplyProgress {
  address: string;
  action: ApplyAction;
  outcome: ChangeOutcome;
  /** Port's reason, on failure. */
  error?: string;
  /** Actions finished so far, and in all. */
  done: number;
  total: number;
}

/** A change Port refused, with its reason. */
export interface ApplyFailure {
  address: string;
  action: ChangeAction;
  statusCode: number;
  error: string;
  message: string;
}

/** The outcome counts of an apply, and what failed. */
export interface ApplyResult {
  /** Changes Port confirmed, by action. */
  applied: Record<ChangeAction, number>;
  /** Owner moves recorded in the state (nothing written to Port). */
  unchanged: number;
  /** Actions that needed nothing done. */
  skipped: number;
  failed: number;
  failures: ApplyFailure[];
}

/** The result of applying nothing. */
export function emptyApplyResult(): ApplyResult {
  return { applied: { create: 0, update: 0, delete: 0 }, unchanged: 0, skipped: 0, failed: 0, failures: [] };
}
