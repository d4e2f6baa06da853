/** Counts the temporary tables made in this process, so that no two share a name. */
let madeTables = 0;

/**
 * A name of its own for one plan's temporary table (`desired_7`, `planned_changes_8`): several plans
 * can then live on one connection at once, as watch's full resync and its incremental cycles do.
 */
export function planTableName(base: string): string {
  madeTables += 1;
  return `${base}_${madeTables}`;
}
