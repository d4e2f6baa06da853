import type { ChangeAction } from '../plan/index.js';

/** What happened to one planned change. */
export type ChangeOutcome = 'created' | 'updated' | 'deleted' | 'failed';

/** Reported as each entity's write is confirmed or refused. */
export interface ApplyProgress {
  address: string;
  action: ChangeAction;
  outcome: ChangeOutcome;
  /** Port's reason, on failure. */
  error?: string;
  /** Changes finished so far, and in all. */
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
  added: number;
  changed: number;
  destroyed: number;
  failed: number;
  failures: ApplyFailure[];
}
