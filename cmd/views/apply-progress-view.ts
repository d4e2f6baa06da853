import type { ApplyProgress } from '../../src/apply/index.js';
import type { CommonArgs } from '../arguments.js';
import type { Output } from '../output.js';
import { applyProgressJson } from './apply-words.js';
import { formatSeconds, LiveLine } from './live-line.js';

/** How often the live line is redrawn, ms. */
const REDRAW_MS = 200;

/**
 * Shows an apply's progress: with --json, one `apply_progress` line per entity on stdout; on a
 * terminal, a live bar with rate and ETA on stderr; failures always, as they happen.
 */
export class ApplyProgressView {
  private readonly startedAt = Date.now();
  private lastDrawn = 0;
  private readonly line: LiveLine;

  constructor(
    private readonly output: Output,
    private readonly args: Pick<CommonArgs, 'json' | 'isQuiet'>,
  ) {
    this.line = new LiveLine(output);
  }

  update(progress: ApplyProgress): void {
    if (this.args.json) {
      void this.output.json(applyProgressJson(progress));
      return;
    }
    if (progress.outcome === 'failed') {
      this.line.clear();
      this.output.log(`${this.output.style.destroy('Error:')} ${progress.address}: ${progress.action} failed: ${progress.error}`);
    }
    if (this.output.isStderrTty && !this.args.isQuiet && Date.now() - this.lastDrawn >= REDRAW_MS) this.draw(progress);
  }

  /** Removes the live line. */
  finish(): void {
    this.line.clear();
  }

  private draw({ done, total }: ApplyProgress): void {
    this.lastDrawn = Date.now();
    const seconds = (this.lastDrawn - this.startedAt) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : undefined;
    const width = 30;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    this.line.draw(`${bar} ${done}/${total} entities, ${rate.toFixed(0)}/s${eta === undefined ? '' : `, ETA ${formatSeconds(eta)}`}`);
  }
}
