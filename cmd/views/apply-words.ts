import type { ApplyProgress, ApplyResult } from '../../src/apply/index.js';

/** What a confirmed change is called in apply's output: the code's create/update/delete in the words of the CLI. */
const DONE_WORD = { create: 'created', update: 'updated', delete: 'deleted', move: 'moved' } as const;

/** An `apply_progress` line of `apply --json`: a change Port confirmed is `created`, `updated` or `deleted`. */
export function applyProgressJson(progress: ApplyProgress): Record<string, unknown> {
  return { type: 'apply_progress', ...progress, outcome: progress.outcome === 'applied' ? DONE_WORD[progress.action] : progress.outcome };
}

/** The last line of `apply --json`. */
export function applyCompleteJson(result: ApplyResult): Record<string, unknown> {
  return { type: 'apply_complete', added: result.applied.create, changed: result.applied.update, destroyed: result.applied.delete, failed: result.failed };
}

/** `Apply complete! Resources: 1 added, 1 changed, 1 destroyed.` */
export function applyCompleteLine(result: ApplyResult): string {
  return `Apply complete! Resources: ${result.applied.create} added, ${result.applied.update} changed, ${result.applied.delete} destroyed.`;
}
