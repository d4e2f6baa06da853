import type { ScanProgress } from '../../src/aws/index.js';
import type { CommonArgs } from '../arguments.js';
import type { Output } from '../output.js';
import { formatSeconds, LiveLine } from './live-line.js';

/** Width of the live line when the terminal does not say. */
const DEFAULT_WIDTH = 120;
/** Kinds named on the live line, the largest first; the rest are summed as `+N kinds`. */
const KINDS_SHOWN = 4;

/**
 * Shows the progress of a read of AWS: with --json, one `scan_progress` JSON line per snapshot on
 * stderr (stdout holds the plan); on a terminal, one live line on stderr (accounts and regions done,
 * items per kind, calls per second, throttles, ETA), removed when the read ends; otherwise nothing.
 * Nothing at all with --quiet.
 */
export class ScanProgressView {
  private readonly line: LiveLine;

  constructor(
    private readonly output: Output,
    private readonly args: Pick<CommonArgs, 'json' | 'isQuiet'>,
    /** Columns of the terminal; the line is cut to fit. */
    private readonly width: number = process.stderr.columns || DEFAULT_WIDTH,
  ) {
    this.line = new LiveLine(output);
  }

  /** Shows a snapshot. */
  update(progress: ScanProgress): void {
    if (this.args.isQuiet) return;
    if (this.args.json) {
      void this.output.stderr.write(`${JSON.stringify({ type: 'scan_progress', ...progress })}\n`);
      return;
    }
    if (!this.output.isStderrTty) return;
    if (progress.isDone) {
      this.finish();
      return;
    }
    this.line.draw(describeProgress(progress).slice(0, Math.max(20, this.width - 1)));
  }

  /** Removes the live line. */
  finish(): void {
    this.line.clear();
  }
}

/**
 * The live line: `Reading AWS: 3/5 accounts, 10/15 regions, 1,204 items (Instance 800, Bucket 304,
 * Cluster 100), 42 calls/s, 7 throttled, 2 scopes skipped, ETA 1m05s`.
 */
export function describeProgress(p: ScanProgress): string {
  const kinds = Object.entries(p.itemsByKind).sort(([, a], [, b]) => b - a);
  const total = kinds.reduce((sum, [, count]) => sum + count, 0);
  const shown = kinds.slice(0, KINDS_SHOWN).map(([kind, count]) => `${kind.split('::').pop()} ${count.toLocaleString('en-US')}`);
  if (kinds.length > KINDS_SHOWN) shown.push(`+${kinds.length - KINDS_SHOWN} kinds`);
  const parts = [
    `${p.accountsDone}/${p.accountsTotal} accounts`,
    ...(p.regionsTotal > 0 ? [`${p.regionsDone}/${p.regionsTotal} regions`] : []),
    `${total.toLocaleString('en-US')} items${shown.length > 0 ? ` (${shown.join(', ')})` : ''}`,
    `${p.callsPerSecond} calls/s`,
    `${p.throttles} throttled`,
    ...(p.scopesSkipped > 0 ? [`${p.scopesSkipped} scope${p.scopesSkipped === 1 ? '' : 's'} skipped`] : []),
    ...(p.etaSeconds === undefined ? [] : [`ETA ${formatSeconds(p.etaSeconds)}`]),
  ];
  return `Reading AWS: ${parts.join(', ')}`;
}
